import { formatDate } from "@/lib/time";
import { changeInPoints, findingCause, findingFigures, findingTitle, percent } from "@/lib/report/format";
import { HOW_FINDINGS_ARE_DECIDED } from "@/lib/report/method";
import type { HandoffReport } from "@/lib/report/report";
import type { FixOutcome } from "@/lib/report/fix-outcomes";

// The report as Markdown, to paste into a meeting's notes or a ticket. Links are absolute, from `origin`.

const VERDICT_WORDS = { down: "went down", up: "went up", unchanged: "did not change", too_early: "too early to tell" } as const;

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export function renderReportMarkdown(report: HandoffReport, origin: string): string {
  const day = (value: string) => formatDate(`${value}T12:00:00Z`, "UTC");
  const lines: string[] = [
    `# Handoff report: ${day(report.period.from)} – ${day(report.period.to)}`,
    "",
    `${report.leads.toLocaleString("en-US")} leads captured (${report.previousLeads.toLocaleString("en-US")} in the ${report.period.days} days before).`,
    "",
    "## Failure points",
    "",
    "| failure point | leads | share | against the period before |",
    "|---|---:|---:|---|",
    ...report.shares.map(
      (share) =>
        `| ${share.label} | ${share.failing.toLocaleString("en-US")} | ${percent(share.share, 1)} | ${changeInPoints(share.share, share.previousShare)} |`,
    ),
    "",
    "## Where the breaks concentrate",
    "",
  ];
  if (report.findings.length === 0) lines.push("No failure point concentrates anywhere beyond what chance explains in this period.", "");
  report.findings.forEach((finding, index) => {
    const cause = findingCause(finding);
    lines.push(
      `### ${index + 1}. ${findingTitle(finding)}`,
      "",
      findingFigures(finding),
      "",
      `- Symptom: ${cause.symptom}. Inspect: ${cause.inspect}.`,
      `- Fix to try first: **${cause.fixFirst}**${cause.fixThen ? ` (then ${cause.fixThen})` : ""}. ${finding.rootCause.reason}`,
      `- The leads: ${origin}${finding.leadsHref}`,
      ...finding.examples.map(
        (example) =>
          `- Example: [${cell(example.name)}](${origin}/leads/${example.id})${example.evidence ? `: ${cell(example.evidence)}` : ""}`,
      ),
      "",
    );
  });
  if (report.moreFindings) lines.push(`${report.moreFindings} smaller concentrations are not listed.`, "");
  if (report.fixes.length) {
    lines.push("## Did the fixes help?", "", "| fix | failure point | before | after | |", "|---|---|---:|---:|---|");
    for (const fix of report.fixes) {
      lines.push(
        `| [${cell(fix.title)}](${origin}/fixes/${fix.id}) (${fix.fixTypeLabel}) | ${fix.failurePointLabel} | ${percent(fix.before.rate)} of ${fix.before.leads} | ${percent(fix.after.rate)} of ${fix.after.leads} | ${VERDICT_WORDS[fix.verdict]}${definitionCaveat(fix)} |`,
      );
    }
    lines.push("");
  }
  lines.push("## How findings are decided", "", HOW_FINDINGS_ARE_DECIDED, "");
  return lines.join("\n");
}

/** " (judged by different definitions: P1 SLA targets changed 2026-11-20)", or nothing. */
function definitionCaveat(fix: FixOutcome): string {
  if (fix.definitionChanges.length === 0) return "";
  const changes = fix.definitionChanges.map((change) => `${change.what} changed ${change.at.toISOString().slice(0, 10)}`).join("; ");
  return ` (before and after judged by different definitions: ${cell(changes)})`;
}
