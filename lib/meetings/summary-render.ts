import { FAILURE_POINT_LABELS, FIX_TYPE_LABELS } from "@/lib/diagnosis/labels";
import { metricLabel } from "@/lib/fixes/metrics";
import { FIX_STATUS_LABELS } from "@/lib/fixes/status";
import { sourceLabel } from "@/lib/leads/labels";
import { csvDocument } from "@/lib/meetings/csv";
import { describeBuyerFeedback, type MeetingSummary, type SummaryItem } from "@/lib/meetings/summary";
import { DECISION_LABELS } from "@/lib/meetings/tally";
import { formatDate, formatDateTime } from "@/lib/time";

// The summary as a Markdown document (to paste into notes or a ticket) and as one CSV (to filter in a
// spreadsheet: the `record` column says what each row is). People's text is escaped, never interpreted.

/** Escapes what Markdown would read as formatting, links or HTML; line breaks become spaces. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, " ")
    .replace(/[\\`*_[\]<>|~]/g, (char) => `\\${char}`)
    .replace(/^([#+\-=>]|\d+\.)/, (match) => `\\${match}`);
}

const points = (item: { failurePoints: SummaryItem["failurePoints"] }) =>
  item.failurePoints.map((point) => FAILURE_POINT_LABELS[point]).join(", ") || "—";
const decision = (item: SummaryItem) => (item.decision ? DECISION_LABELS[item.decision] : "No decision");

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, ...rows.map((row) => `| ${row.join(" | ")} |`)];
}

export function renderSummaryMarkdown(summary: MeetingSummary, timeZone: string): string {
  const { meeting, items, fixes, tally, bySource, unresolved, buyerFeedback } = summary;
  const lines: string[] = [
    `# ${escapeMarkdown(meeting.title)}`,
    "",
    `${formatDateTime(meeting.scheduledFor, timeZone)} (${timeZone}) · ${meeting.status === "ended" ? "ended" : meeting.status === "running" ? "in progress" : "planned"}`,
    "",
    `Attendees: ${meeting.attendees.length ? meeting.attendees.map(escapeMarkdown).join(", ") : "none recorded"}`,
    "",
    `## Decisions (${items.length} leads)`,
    "",
    `Confirmed failures: ${tally.decisions.confirmed_failure} · Not a failure: ${tally.decisions.not_a_failure} · Needs more data: ${tally.decisions.needs_more_data} · Undecided: ${tally.decisions.undecided}`,
    "",
    ...table(
      ["#", "Lead", "Source", "Failure points", "Decision", "Note"],
      items.map((item) => [
        String(item.position),
        `${escapeMarkdown(item.leadName)} (lead ${item.leadId})`,
        escapeMarkdown(sourceLabel(item.source)),
        points(item),
        decision(item),
        item.decisionNote ? escapeMarkdown(item.decisionNote) : "",
      ]),
    ),
    "",
    `## Fixes agreed (${fixes.length})`,
    "",
  ];
  if (fixes.length === 0) lines.push("No fixes were recorded in this meeting.", "");
  fixes.forEach((fix, index) => {
    lines.push(
      `### ${index + 1}. ${escapeMarkdown(fix.title)}`,
      "",
      `- Type: ${FIX_TYPE_LABELS[fix.fixType]}${fix.failurePoint ? ` · failure point: ${FAILURE_POINT_LABELS[fix.failurePoint]}` : ""}`,
      `- Owner: ${fix.owner ? escapeMarkdown(fix.owner) : "not assigned"} · due: ${fix.dueDate ? formatDate(`${fix.dueDate}T12:00:00Z`, "UTC") : "no date"} · status: ${FIX_STATUS_LABELS[fix.status]}`,
      `- Expected to move: ${escapeMarkdown(metricLabel(fix.expectedMetric))}`,
      `- Evidence: ${fix.leads.map((lead) => `${escapeMarkdown(lead.name)} (lead ${lead.id})`).join(", ")}`,
      "",
      `> ${escapeMarkdown(fix.description)}`,
      "",
    );
  });
  lines.push(
    "## Counts by failure point",
    "",
    ...table(
      ["Failure point", "Confirmed", "On the agenda"],
      tally.byFailurePoint
        .filter((row) => row.total > 0)
        .map((row) => [FAILURE_POINT_LABELS[row.failurePoint], String(row.confirmed), String(row.total)]),
    ),
    "",
    "## Counts by source",
    "",
    ...table(
      ["Source", "Leads", "Confirmed", "Not a failure", "Needs more data", "Undecided"],
      bySource.map((row) =>
        [
          escapeMarkdown(sourceLabel(row.source)),
          row.total,
          row.confirmed_failure,
          row.not_a_failure,
          row.needs_more_data,
          row.undecided,
        ].map(String),
      ),
    ),
    "",
    `## What buyers objected to, and source fit (${buyerFeedback.length})`,
    "",
    ...(buyerFeedback.length
      ? buyerFeedback.map(
          (item) =>
            `- ${escapeMarkdown(item.leadName)} (lead ${item.leadId}, ${escapeMarkdown(sourceLabel(item.source))}): ${describeBuyerFeedback(item, escapeMarkdown)}`,
        )
      : ["No objection or source-quality signal was recorded on these leads."]),
    "",
    `## Still unresolved (${unresolved.length})`,
    "",
    ...(unresolved.length
      ? unresolved.map(
          (item) =>
            `- ${escapeMarkdown(item.leadName)} (lead ${item.leadId}): ${decision(item)}${item.decisionNote ? ` — ${escapeMarkdown(item.decisionNote)}` : ""}`,
        )
      : ["Every lead on the agenda got a decision."]),
    "",
  );
  return lines.join("\n");
}

export const CSV_HEADER = [
  "record",
  "position",
  "lead_id",
  "lead",
  "company",
  "source",
  "failure_points",
  "decision",
  "note",
  "decided_by",
  "fix_id",
  "fix_title",
  "fix_type",
  "owner",
  "due_date",
  "fix_status",
  "expected_metric",
  "evidence_lead_ids",
  "confirmed",
  "total",
] as const;

export function renderSummaryCsv(summary: MeetingSummary): string {
  const empty = (count: number) => Array.from({ length: count }, () => null);
  const rows = [
    [...CSV_HEADER],
    ...summary.items.map((item) => [
      "decision",
      item.position,
      item.leadId,
      item.leadName,
      item.company,
      item.source,
      item.failurePoints.join(" "),
      item.decision ?? "undecided",
      item.decisionNote,
      item.decidedBy,
      ...empty(10),
    ]),
    ...summary.fixes.map((fix) => [
      "fix",
      null,
      null,
      null,
      null,
      null,
      fix.failurePoint,
      null,
      fix.description,
      null,
      fix.id,
      fix.title,
      fix.fixType,
      fix.owner,
      fix.dueDate,
      fix.status,
      fix.expectedMetric,
      fix.leads.map((lead) => lead.id).join(" "),
      null,
      null,
    ]),
    ...summary.tally.byFailurePoint.map((row) => ["failure_point", ...empty(5), row.failurePoint, ...empty(11), row.confirmed, row.total]),
    ...summary.bySource.map((row) => ["source", ...empty(4), row.source ?? "", ...empty(12), row.confirmed_failure, row.total]),
  ];
  return csvDocument(rows);
}
