import "server-only";
import { db, type Prisma } from "@/lib/db";
import { getPrioritySlas, getWorkspaceSettings } from "@/lib/definitions/queries";
import { findCiteableFixes, findFixOwnerOptions, findLeadFixes } from "@/lib/fixes/queries";
import { findLeadDetail } from "@/lib/leads/queries";
import { diagnoseLeadNow } from "@/lib/leads/diagnosed-lead";
import { buildLeadWhere, findLeadFilterOptions } from "@/lib/leads/list-queries";
import { parseBoardQuery, type BoardQuery } from "@/lib/review/board-query";
import { REVIEW_STATUSES, type ReviewStatus } from "@/lib/review/sides";

// Reads of the review board and the side-by-side lead view.

type RawParams = Record<string, string | string[] | undefined>;

export async function getBoardCalendar() {
  const settings = await getWorkspaceSettings();
  return { now: new Date(), timeZone: settings.timeZone, weekStartsOn: settings.weekStartsOn };
}

function reviewWhere(status: ReviewStatus): Prisma.LeadWhereInput {
  // A lead nobody has touched has no review row yet: it is still to review.
  return status === "to_review" ? { OR: [{ review: { is: null } }, { review: { is: { status } } }] } : { review: { is: { status } } };
}

/** The board's filter as a Prisma filter: the Flagged view's filters and, optionally, one review status. */
export async function boardWhere(query: BoardQuery, status: ReviewStatus | null = query.review): Promise<Prisma.LeadWhereInput> {
  const base = await buildLeadWhere(query.list);
  return status ? { AND: [base, reviewWhere(status)] } : base;
}

const BOARD_ORDER: Record<string, (direction: "asc" | "desc") => Prisma.LeadOrderByWithRelationInput> = {
  capturedAt: (direction) => ({ capturedAt: direction }),
  name: (direction) => ({ name: direction }),
  company: (direction) => ({ company: { sort: direction, nulls: "last" } }),
  originalSource: (direction) => ({ originalSource: { sort: direction, nulls: "last" } }),
  acceptanceStatus: (direction) => ({ acceptanceStatus: direction }),
  severity: (direction) => ({ severity: direction }),
  ownerAssignedAt: (direction) => ({ ownerAssignedAt: { sort: direction, nulls: "last" } }),
};

export function boardOrder(query: BoardQuery): Prisma.LeadOrderByWithRelationInput[] {
  return [BOARD_ORDER[query.list.sort]!(query.list.direction), { id: query.list.direction }];
}

export const BOARD_ROW_SELECT = {
  id: true,
  name: true,
  company: true,
  capturedAt: true,
  originalSource: true,
  campaign: true,
  priority: true,
  severity: true,
  failurePoints: true,
  queue: true,
  leadType: { select: { name: true } },
  owner: { select: { name: true } },
  review: { select: { status: true, rootCause: true } },
  _count: { select: { annotations: { where: { deletedAt: null } }, failureTags: true, fixes: true } },
} as const satisfies Prisma.LeadSelect;

export type BoardRow = Prisma.LeadGetPayload<{ select: typeof BOARD_ROW_SELECT }>;

export async function findReviewBoard(params: RawParams) {
  const calendar = await getBoardCalendar();
  const query = parseBoardQuery(params, calendar);
  const where = await boardWhere(query);
  const [rows, total, counts, options] = await Promise.all([
    db.lead.findMany({
      where,
      orderBy: boardOrder(query),
      skip: (query.list.page - 1) * query.list.pageSize,
      take: query.list.pageSize,
      select: BOARD_ROW_SELECT,
    }),
    db.lead.count({ where }),
    countByReviewStatus(query),
    findLeadFilterOptions(),
  ]);
  return { query, rows, total, counts, options, calendar };
}

export async function countByReviewStatus(query: BoardQuery): Promise<Record<ReviewStatus | "all", number>> {
  const counts = await Promise.all(
    [null, ...REVIEW_STATUSES].map(async (status) => db.lead.count({ where: await boardWhere(query, status) })),
  );
  return { all: counts[0]!, to_review: counts[1]!, reviewed: counts[2]!, skipped: counts[3]! };
}

/** Where a lead sits on the board, for previous / next links. Weekly boards hold dozens of leads. */
async function findBoardNeighbours(query: BoardQuery, leadId: number) {
  const ids = (
    await db.lead.findMany({ where: await boardWhere(query), orderBy: boardOrder(query), take: 2000, select: { id: true } })
  ).map((row) => row.id);
  const index = ids.indexOf(leadId);
  if (index < 0) return { position: null, total: ids.length, previousId: null, nextId: null };
  return { position: index + 1, total: ids.length, previousId: ids[index - 1] ?? null, nextId: ids[index + 1] ?? null };
}

/** Everything the side-by-side view of one lead shows. */
export async function findReviewLead(leadId: number) {
  const lead = await findLeadDetail(leadId);
  if (!lead) return null;
  const [diagnosis, review, annotations, tags, fixes, slas] = await Promise.all([
    diagnoseLeadNow(leadId),
    db.leadReview.findUnique({
      where: { leadId },
      select: { status: true, rootCause: true, rootCauseNote: true, version: true, updatedAt: true, updatedBy: { select: { name: true } } },
    }),
    db.annotation.findMany({
      where: { leadId, deletedAt: null },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        side: true,
        body: true,
        createdAt: true,
        updatedAt: true,
        version: true,
        author: { select: { id: true, name: true, role: true } },
      },
    }),
    db.leadFailureTag.findMany({
      where: { leadId },
      select: {
        failurePoint: true,
        verdict: true,
        note: true,
        side: true,
        version: true,
        updatedAt: true,
        createdBy: { select: { name: true } },
      },
    }),
    findLeadFixes(leadId),
    getPrioritySlas(),
  ]);
  return {
    lead,
    diagnosis,
    review,
    annotations,
    tags,
    fixes,
    sla: slas.find((sla) => sla.priority === lead.priority) ?? null,
  };
}

export type ReviewLeadData = NonNullable<Awaited<ReturnType<typeof findReviewLead>>>;
export type ReviewAnnotation = ReviewLeadData["annotations"][number];
export type ReviewTag = ReviewLeadData["tags"][number];

/** The side-by-side page: the lead, its place on the board, the fix form's choices and the live stamp. */
export async function findReviewPage(leadId: number, params: RawParams) {
  // The fingerprint is read before the data: a change landing in between leaves the page with an older
  // stamp, so the next poll refreshes it (read after, the page could show old data under a new stamp).
  const stamp = await reviewLeadStamp(leadId);
  const data = await findReviewLead(leadId);
  if (!data) return null;
  const calendar = await getBoardCalendar();
  const query = parseBoardQuery(params, calendar);
  const [board, owners, citeableFixes] = await Promise.all([
    findBoardNeighbours(query, leadId),
    findFixOwnerOptions(),
    findCiteableFixes(leadId),
  ]);
  return { ...data, query, board, owners, citeableFixes, stamp, timeZone: calendar.timeZone, now: calendar.now };
}

/**
 * A fingerprint of everything people change on a lead's review (notes, tags, review row, fixes citing
 * it) and of the lead itself. Read from PostgreSQL, so every app instance agrees; the page polls it and
 * refreshes when it changes.
 */
export async function reviewLeadStamp(leadId: number): Promise<string | null> {
  const rows = await db.$queryRaw<{ stamp: string | null }[]>`
    SELECT md5(concat_ws('|',
      (SELECT concat(l.version, ':', l.updated_at, ':', l.diagnosed_at) FROM leads l WHERE l.id = ${leadId}),
      (SELECT concat(count(*), ':', max(a.updated_at)) FROM annotations a WHERE a.lead_id = ${leadId}),
      (SELECT concat(count(*), ':', max(t.updated_at)) FROM lead_failure_tags t WHERE t.lead_id = ${leadId}),
      (SELECT concat(r.version, ':', r.updated_at) FROM lead_reviews r WHERE r.lead_id = ${leadId}),
      (SELECT concat(count(*), ':', max(f.updated_at)) FROM fixes f JOIN fix_leads fl ON fl.fix_id = f.id WHERE fl.lead_id = ${leadId})
    )) AS stamp
    WHERE EXISTS (SELECT 1 FROM leads WHERE id = ${leadId})`;
  return rows[0]?.stamp ?? null;
}

/** The board's leads as agenda candidates (the agenda builder picks and orders them). */
export async function findAgendaCandidates(query: BoardQuery, onlyToReview: boolean) {
  const rows = await db.lead.findMany({
    where: await boardWhere(query, onlyToReview ? "to_review" : query.review),
    orderBy: [{ severity: "desc" }, { id: "desc" }],
    take: 2000,
    select: { id: true, severity: true, originalSource: true, capturedAt: true },
  });
  return rows.map((row) => ({ id: row.id, severity: row.severity, source: row.originalSource, capturedAt: row.capturedAt }));
}

/** Board parameters carried in a form as one query string, back to the shape the parser takes. */
export function paramsFromQueryString(text: string): RawParams {
  const params: RawParams = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const existing = params[key];
    params[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return params;
}
