import { leadListSearchParams, parseLeadListQuery, type LeadListQuery } from "@/lib/lead-set/query";
import { BOARD_PERIODS, periodRange, type BoardPeriod } from "@/lib/review/period";
import { REVIEW_STATUSES, type ReviewStatus } from "@/lib/review/sides";

// The review board is the Flagged view's filters plus a review status, over a period that defaults to
// last week. Parsed with the lead list's own parser so a Flagged URL opens the same leads on the board.

type RawParams = Record<string, string | string[] | undefined>;

export interface BoardQuery {
  list: LeadListQuery;
  review: ReviewStatus | null;
}

export interface BoardCalendar {
  now: Date;
  timeZone: string;
  weekStartsOn: number;
}

function single(params: RawParams, key: string): string | undefined {
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

export function parseBoardQuery(params: RawParams, calendar: BoardCalendar): BoardQuery {
  const list: LeadListQuery = { ...parseLeadListQuery(params, { sort: "severity" }), flagged: true };
  if (!list.from && !list.to) {
    const requested = single(params, "period");
    const period: BoardPeriod = (BOARD_PERIODS as readonly string[]).includes(requested ?? "") ? (requested as BoardPeriod) : "last_week";
    Object.assign(list, periodRange(period, calendar.now, calendar.timeZone, calendar.weekStartsOn));
  }
  const review = single(params, "review");
  return { list, review: (REVIEW_STATUSES as readonly string[]).includes(review ?? "") ? (review as ReviewStatus) : null };
}

/** The board's address parameters: explicit dates, so a link keeps showing the same leads next week. */
export function boardSearchParams(query: BoardQuery, changes: { review?: ReviewStatus | null; page?: number } = {}): URLSearchParams {
  const params = leadListSearchParams({ ...query.list, flagged: undefined, page: changes.page ?? query.list.page });
  if (!query.list.from && !query.list.to) params.set("period", "all");
  const review = changes.review === undefined ? query.review : changes.review;
  if (review) params.set("review", review);
  return params;
}

export function withParams(path: string, params: URLSearchParams): string {
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
