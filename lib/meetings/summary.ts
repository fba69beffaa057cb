import { SOURCE_SIGNAL_LABELS, type SourceSignal } from "@/lib/diagnosis/buyer-feedback";
import type { FailurePoint, FixType } from "@/lib/diagnosis/vocabulary";
import type { FixStatus } from "@/lib/fixes/status";
import { effectiveFailurePoints, type TagLike } from "@/lib/review/failure-points";
import { tallyItems, type MeetingDecision, type Tally } from "@/lib/meetings/tally";

// The end-of-meeting summary as plain data: decisions, fixes with owners and dates, counts by failure
// point and by source, and the leads still unresolved. Pure, so the page, the Markdown and the CSV
// exports all say the same thing, and tests can check it without a database.

export interface SummaryInput {
  meeting: {
    id: number;
    title: string;
    scheduledFor: Date;
    status: "planned" | "running" | "ended";
    endedAt: Date | null;
    attendees: string[];
  };
  items: {
    position: number;
    lead: {
      id: number;
      name: string;
      company: string | null;
      originalSource: string | null;
      failurePoints: FailurePoint[];
      objectionCode?: string | null;
      objectionDetail?: string | null;
      sourceSignal?: SourceSignal | null;
    };
    tags: TagLike[];
    decision: MeetingDecision | null;
    decisionNote: string | null;
    decidedBy: string | null;
  }[];
  fixes: {
    id: number;
    title: string;
    fixType: FixType;
    description: string;
    failurePoint: FailurePoint | null;
    expectedMetric: string | null;
    status: FixStatus;
    owner: string | null;
    /** yyyy-mm-dd */
    dueDate: string | null;
    leads: { id: number; name: string }[];
  }[];
}

export interface SummaryItem {
  position: number;
  leadId: number;
  leadName: string;
  company: string | null;
  source: string | null;
  failurePoints: FailurePoint[];
  decision: MeetingDecision | null;
  decisionNote: string | null;
  decidedBy: string | null;
  /** The buyer's objection and the rep's source-quality signal, when recorded. */
  objectionCode: string | null;
  objectionDetail: string | null;
  sourceSignal: SourceSignal | null;
}

export interface SourceCount {
  source: string | null;
  total: number;
  confirmed_failure: number;
  not_a_failure: number;
  needs_more_data: number;
  undecided: number;
}

export interface MeetingSummary {
  meeting: SummaryInput["meeting"];
  items: SummaryItem[];
  fixes: SummaryInput["fixes"];
  tally: Tally;
  bySource: SourceCount[];
  /** No decision yet, or "needs more data": what the next meeting picks up. */
  unresolved: SummaryItem[];
  /** The agenda's leads that carry an objection or a source-quality signal: what sales heard and judged. */
  buyerFeedback: SummaryItem[];
}

/** "objected: budget (“Frozen until April”) · source fit: wrong person"; `escape` guards people's text. */
export function describeBuyerFeedback(
  item: Pick<SummaryItem, "objectionCode" | "objectionDetail" | "sourceSignal">,
  escape: (text: string) => string = (text) => text,
): string {
  const parts = [
    ...(item.objectionCode
      ? [
          `objected: ${escape(item.objectionCode.replaceAll("_", " "))}${item.objectionDetail ? ` (“${escape(item.objectionDetail)}”)` : ""}`,
        ]
      : []),
    ...(item.sourceSignal ? [`source fit: ${SOURCE_SIGNAL_LABELS[item.sourceSignal].toLowerCase()}`] : []),
  ];
  return parts.join(" · ");
}

export function buildMeetingSummary(input: SummaryInput): MeetingSummary {
  const items: SummaryItem[] = [...input.items]
    .sort((a, b) => a.position - b.position)
    .map((item) => ({
      position: item.position,
      leadId: item.lead.id,
      leadName: item.lead.name,
      company: item.lead.company,
      source: item.lead.originalSource,
      failurePoints: effectiveFailurePoints(item.lead.failurePoints, item.tags),
      decision: item.decision,
      decisionNote: item.decisionNote,
      decidedBy: item.decidedBy,
      objectionCode: item.lead.objectionCode ?? null,
      objectionDetail: item.lead.objectionDetail ?? null,
      sourceSignal: item.lead.sourceSignal ?? null,
    }));
  const sources = new Map<string | null, SourceCount>();
  for (const item of items) {
    const count = sources.get(item.source) ?? {
      source: item.source,
      total: 0,
      confirmed_failure: 0,
      not_a_failure: 0,
      needs_more_data: 0,
      undecided: 0,
    };
    count.total += 1;
    count[item.decision ?? "undecided"] += 1;
    sources.set(item.source, count);
  }
  return {
    meeting: input.meeting,
    items,
    fixes: input.fixes,
    tally: tallyItems(items),
    bySource: [...sources.values()].sort((a, b) => b.total - a.total || String(a.source).localeCompare(String(b.source))),
    unresolved: items.filter((item) => item.decision === null || item.decision === "needs_more_data"),
    buyerFeedback: items.filter((item) => item.objectionCode !== null || item.sourceSignal !== null),
  };
}
