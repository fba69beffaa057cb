import "server-only";
import { db, pool } from "@/lib/db";
import { getWorkspaceSettings } from "@/lib/definitions/queries";
import { scoreReasonQuality, type ReasonQuality } from "@/lib/diagnosis/reason-quality";

// Marketing's view of sales feedback, per source or per campaign: how many leads sales accepted and
// rejected in a period, why (reason codes with counts and examples of what reps wrote), how usable those
// reasons are (DOMAIN rejection_reason_quality), and the questions still waiting on marketing.

export const FEEDBACK_GROUPINGS = ["source", "campaign"] as const;
export type FeedbackGrouping = (typeof FEEDBACK_GROUPINGS)[number];
export const FEEDBACK_PERIODS = [30, 90, 365] as const;

export interface ReasonExample {
  leadId: number;
  leadName: string;
  detail: string;
  quality: ReasonQuality;
  decidedByName: string | null;
  decidedAt: string;
}

export interface ReasonCount {
  code: string;
  label: string;
  count: number;
  examples: ReasonExample[];
}

export interface FeedbackGroup {
  key: string;
  accepted: number;
  rejected: number;
  recycleSuggested: number;
  /** Mean reason quality of the rejections, null without rejections. */
  meanQuality: number | null;
  qualityCounts: Record<"0" | "0.5" | "1", number>;
  reasons: ReasonCount[];
  openRequests: number;
  oldestOpenAskedAt: string | null;
}

export interface FeedbackView {
  grouping: FeedbackGrouping;
  days: number | null;
  groups: FeedbackGroup[];
  totals: Omit<FeedbackGroup, "key" | "reasons">;
  timeZone: string;
  now: string;
}

const NO_VALUE = { source: "(no source recorded)", campaign: "(no campaign recorded)" } as const;
const EXAMPLES_PER_REASON = 3;

interface DecisionRow {
  group_key: string | null;
  acceptance_status: "accepted" | "rejected";
  count: number;
}

interface RejectionRow {
  id: number;
  name: string;
  group_key: string | null;
  rejection_reason_code: string | null;
  rejection_detail: string | null;
  recycle_suggested: boolean;
  decided_at: Date;
  decided_by: string | null;
}

interface OpenRow {
  group_key: string | null;
  asked_at: Date | null;
}

export async function findFeedback(grouping: FeedbackGrouping, days: number | null, now = new Date()): Promise<FeedbackView> {
  const column = grouping === "source" ? "l.original_source" : "l.campaign";
  const since = days === null ? new Date(0) : new Date(now.getTime() - days * 86_400_000);
  const [decisions, rejections, open, settings, reasons] = await Promise.all([
    pool.query<DecisionRow>(
      `SELECT ${column} AS group_key, l.acceptance_status, count(*)::int AS count FROM leads l
       WHERE l.acceptance_status IN ('accepted', 'rejected') AND l.decided_at >= $1 GROUP BY 1, 2`,
      [since],
    ),
    pool.query<RejectionRow>(
      `SELECT l.id, l.name, ${column} AS group_key, l.rejection_reason_code, l.rejection_detail, l.recycle_suggested, l.decided_at, u.name AS decided_by
       FROM leads l LEFT JOIN users u ON u.id = l.decided_by_id
       WHERE l.acceptance_status = 'rejected' AND l.decided_at >= $1 ORDER BY l.decided_at DESC, l.id DESC`,
      [since],
    ),
    // Open questions: tracked requests, and leads waiting on an imported question without a request row.
    pool.query<OpenRow>(
      `SELECT ${column} AS group_key, r.asked_at FROM info_requests r JOIN leads l ON l.id = r.lead_id WHERE r.status = 'open'
       UNION ALL
       SELECT ${column}, (SELECT max(e.occurred_at) FROM handoff_events e WHERE e.lead_id = l.id AND e.type = 'info_requested')
       FROM leads l WHERE l.acceptance_status = 'info_requested' AND NOT EXISTS (SELECT 1 FROM info_requests r WHERE r.lead_id = l.id)`,
    ),
    getWorkspaceSettings(),
    db.rejectionReason.findMany({ select: { code: true, label: true } }),
  ]);

  const labels = new Map(reasons.map((reason) => [reason.code, reason.label]));
  const opts = { minimumSpecificDetailLength: settings.minimumSpecificDetailLength };
  const groups = new Map<string, FeedbackGroup>();
  const group = (key: string | null) => {
    const name = key ?? NO_VALUE[grouping];
    let found = groups.get(name);
    if (!found) {
      found = {
        key: name,
        accepted: 0,
        rejected: 0,
        recycleSuggested: 0,
        meanQuality: null,
        qualityCounts: { "0": 0, "0.5": 0, "1": 0 },
        reasons: [],
        openRequests: 0,
        oldestOpenAskedAt: null,
      };
      groups.set(name, found);
    }
    return found;
  };

  for (const row of decisions.rows) {
    if (row.acceptance_status === "accepted") group(row.group_key).accepted += row.count;
  }
  for (const row of rejections.rows) {
    const target = group(row.group_key);
    const quality = scoreReasonQuality(row.rejection_reason_code, row.rejection_detail, opts);
    target.rejected += 1;
    target.qualityCounts[String(quality) as "0" | "0.5" | "1"] += 1;
    if (row.recycle_suggested) target.recycleSuggested += 1;
    const code = row.rejection_reason_code?.trim() || "(no reason code)";
    let reason = target.reasons.find((entry) => entry.code === code);
    if (!reason) {
      reason = { code, label: labels.get(code) ?? code, count: 0, examples: [] };
      target.reasons.push(reason);
    }
    reason.count += 1;
    // Rows come newest first, so the examples are the latest things reps wrote.
    if (row.rejection_detail?.trim() && reason.examples.length < EXAMPLES_PER_REASON) {
      reason.examples.push({
        leadId: row.id,
        leadName: row.name,
        detail: row.rejection_detail.trim(),
        quality,
        decidedByName: row.decided_by,
        decidedAt: row.decided_at.toISOString(),
      });
    }
  }
  for (const row of open.rows) {
    const target = group(row.group_key);
    target.openRequests += 1;
    const askedAt = row.asked_at?.toISOString() ?? null;
    if (askedAt && (!target.oldestOpenAskedAt || askedAt < target.oldestOpenAskedAt)) target.oldestOpenAskedAt = askedAt;
  }

  const list = [...groups.values()]
    .map(withMeanQuality)
    .sort((a, b) => b.rejected - a.rejected || b.accepted - a.accepted || a.key.localeCompare(b.key));
  for (const entry of list) entry.reasons.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  return { grouping, days, groups: list, totals: totalsOf(list), timeZone: settings.timeZone, now: now.toISOString() };
}

function withMeanQuality(group: FeedbackGroup): FeedbackGroup {
  const { "0": none, "0.5": half, "1": full } = group.qualityCounts;
  const scored = none + half + full;
  return { ...group, meanQuality: scored === 0 ? null : (half * 0.5 + full) / scored };
}

function totalsOf(groups: FeedbackGroup[]): FeedbackView["totals"] {
  const qualityCounts = { "0": 0, "0.5": 0, "1": 0 };
  let oldest: string | null = null;
  const sum = (pick: (group: FeedbackGroup) => number) => groups.reduce((total, group) => total + pick(group), 0);
  for (const group of groups) {
    qualityCounts["0"] += group.qualityCounts["0"];
    qualityCounts["0.5"] += group.qualityCounts["0.5"];
    qualityCounts["1"] += group.qualityCounts["1"];
    if (group.oldestOpenAskedAt && (!oldest || group.oldestOpenAskedAt < oldest)) oldest = group.oldestOpenAskedAt;
  }
  const totals = {
    accepted: sum((g) => g.accepted),
    rejected: sum((g) => g.rejected),
    recycleSuggested: sum((g) => g.recycleSuggested),
    openRequests: sum((g) => g.openRequests),
    oldestOpenAskedAt: oldest,
    qualityCounts,
    meanQuality: null,
  };
  return withMeanQuality({ ...totals, key: "", reasons: [] });
}
