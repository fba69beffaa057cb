import { z } from "zod";
import {
  FAILURE_POINTS,
  PRIORITIES,
  STEP_IDS,
  STEP_STATUSES,
  type FailurePoint,
  type Priority,
  type StepId,
  type StepStatus,
} from "@/lib/diagnosis/vocabulary";
import { isStorableText } from "@/lib/storable-text";
import { formatDimensionFilter, parseDimensionFilter, type DimensionFilter } from "@/lib/lead-set/dimensions";
import { formatSegment, parseSegment, type Segment } from "@/lib/lead-set/segments";

// The lead list's state lives in the URL so a view can be shared. Each parameter is parsed on its own:
// an invalid value is dropped (the table keeps working) rather than failing the whole page.
export const ACCEPTANCE_STATUSES = ["pending", "accepted", "rejected", "info_requested"] as const;
export const LEAD_SORT_FIELDS = [
  "capturedAt",
  "name",
  "company",
  "originalSource",
  "acceptanceStatus",
  "severity",
  "ownerAssignedAt",
] as const;
export const PAGE_SIZES = [25, 50, 100] as const;

export { NONE_VALUE } from "@/lib/lead-set/none-value";

export type LeadSortField = (typeof LEAD_SORT_FIELDS)[number];
export type StepFilter = { step: StepId; status: StepStatus };

export interface LeadListQuery {
  q?: string;
  sources: string[];
  leadTypes: string[];
  owners: number[];
  unassigned: boolean;
  statuses: (typeof ACCEPTANCE_STATUSES)[number][];
  from?: string; // yyyy-mm-dd, inclusive, workspace time zone
  to?: string; // yyyy-mm-dd, inclusive
  flagged?: boolean;
  failurePoints: FailurePoint[];
  steps: StepFilter[];
  sort: LeadSortField;
  direction: "asc" | "desc";
  page: number;
  pageSize: (typeof PAGE_SIZES)[number];
  hiddenColumns: string[];
  // Drill-down filters from the dashboard (optional, so views that build a query by hand need not name them).
  campaigns?: string[];
  /** The lead's effective priority: its own, else its lead type's, else p3 (as the diagnosis resolves it). */
  priorities?: Priority[];
  /** The owner's team. */
  teams?: number[];
  /** Leads whose owner has no team (or that have no owner). */
  noTeam?: boolean;
  /** The part of the cohort one dashboard element counts; see lib/lead-set/segments.ts. */
  segment?: Segment;
  /** Narrowed to one value of a dimension each (the handoff report's findings); see lib/metrics/dimensions.ts. */
  dimensions?: DimensionFilter[];
  /** The source systems the leads were imported or synced from (`system=hubspot`). */
  systems?: string[]; /** The leads one CSV import carried (`import=12`): "Open the lead list" after an import. */
  importId?: number;
}

type RawParams = Record<string, string | string[] | undefined>;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)));
// A NUL (or half a UTF-16 pair) cannot reach PostgreSQL: such a value is dropped like any other bad one.
const text = z.string().trim().min(1).max(200).refine(isStorableText);

function all(params: RawParams, key: string): string[] {
  const value = params[key];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list
    .flatMap((item) => item.split(","))
    .map((item) => item.trim())
    .filter(Boolean);
}

function list(params: RawParams, key: string): string[] {
  const value = params[key];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((item) => item.trim()).filter(Boolean);
}

function first(params: RawParams, key: string): string | undefined {
  return all(params, key)[0];
}

function valid<T>(schema: z.ZodType<T>, values: string[]): T[] {
  return [
    ...new Set(
      values.flatMap((value) => {
        const parsed = schema.safeParse(value);
        return parsed.success ? [parsed.data] : [];
      }),
    ),
  ];
}

/** Valid `dim` values, one per dimension (a lead has one value on each). */
function dimensionFilters(values: string[]): DimensionFilter[] {
  const byDimension = new Map<string, DimensionFilter>();
  for (const value of values) {
    const parsed = isStorableText(value) ? parseDimensionFilter(value) : null;
    if (parsed && !byDimension.has(parsed.dimension)) byDimension.set(parsed.dimension, parsed);
  }
  return [...byDimension.values()];
}

export function parseLeadListQuery(params: RawParams, defaults: { sort: LeadSortField } = { sort: "capturedAt" }): LeadListQuery {
  const sortParam = first(params, "sort") ?? "";
  const [sortField, sortDirection] = sortParam.split(".");
  const validSort = (LEAD_SORT_FIELDS as readonly string[]).includes(sortField ?? "");
  const sort = validSort ? (sortField as LeadSortField) : defaults.sort;
  const direction = validSort && sortDirection === "asc" ? "asc" : "desc";
  const page = z.coerce.number().int().min(1).max(100_000).safeParse(first(params, "page"));
  const size = z.coerce
    .number()
    .pipe(z.union(PAGE_SIZES.map((n) => z.literal(n)) as unknown as [z.ZodLiteral<25>, z.ZodLiteral<50>, z.ZodLiteral<100>]))
    .safeParse(first(params, "size"));
  const owners = all(params, "owner");
  const flagged = first(params, "flagged");
  const from = isoDate.safeParse(first(params, "from"));
  const to = isoDate.safeParse(first(params, "to"));
  const q = text.safeParse(first(params, "q"));
  const teams = all(params, "team");

  return {
    q: q.success ? q.data : undefined,
    sources: valid(text, all(params, "source")),
    leadTypes: valid(z.string().regex(/^[a-z0-9_]{1,60}$/), all(params, "type")),
    owners: valid(
      z.coerce
        .number()
        .int()
        .positive()
        .max(2 ** 31 - 1),
      owners.filter((owner) => owner !== "none"),
    ),
    unassigned: owners.includes("none"),
    statuses: valid(z.enum(ACCEPTANCE_STATUSES), all(params, "status")),
    from: from.success ? from.data : undefined,
    to: to.success && (!from.success || to.data >= from.data) ? to.data : undefined,
    flagged: flagged === "1" ? true : flagged === "0" ? false : undefined,
    failurePoints: valid(z.enum(FAILURE_POINTS), all(params, "fp")),
    steps: valid(
      z.string().transform((value, context) => {
        const [step, status] = value.split(":");
        const parsedStep = z.enum(STEP_IDS).safeParse(step);
        const parsedStatus = z.enum(STEP_STATUSES).safeParse(status);
        if (!parsedStep.success || !parsedStatus.success) {
          context.addIssue({ code: "custom", message: "invalid step filter" });
          return z.NEVER;
        }
        return `${parsedStep.data}:${parsedStatus.data}`;
      }),
      all(params, "step"),
    ).map((value) => {
      const [step, status] = value.split(":") as [StepFilter["step"], StepFilter["status"]];
      return { step, status };
    }),
    sort,
    direction,
    page: page.success ? page.data : 1,
    pageSize: size.success ? size.data : 50,
    hiddenColumns: valid(z.string().regex(/^[a-zA-Z]{1,40}$/), all(params, "hide")),
    // Campaign names may hold commas, so only repeated parameters list several.
    campaigns: valid(text, list(params, "campaign")),
    priorities: valid(z.enum(PRIORITIES), all(params, "priority")),
    teams: valid(
      z.coerce
        .number()
        .int()
        .positive()
        .max(2 ** 31 - 1),
      teams.filter((team) => team !== "none"),
    ),
    noTeam: teams.includes("none"),
    segment: parseSegment(list(params, "segment")[0]),
    dimensions: dimensionFilters(list(params, "dim")),
    // Repeated parameters only, like campaigns: a source system's name is free text.
    systems: valid(text, list(params, "system")),
    importId: valid(
      z.coerce
        .number()
        .int()
        .positive()
        .max(2 ** 31 - 1),
      all(params, "import"),
    )[0],
  };
}

/**
 * Lists count the matching leads only up to a cap: an exact count of a million rows costs more than the
 * page itself. Up to 10,000 (or the rows up to the page shown, when deeper) the count is exact; beyond,
 * the list says "more than" that many, and there is always a next page. Returns how many to count: one
 * more than the cap, so reaching it proves there are more.
 */
export const LEAD_COUNT_CAP = 10_000;

export function leadCountLimit(query: Pick<LeadListQuery, "page" | "pageSize">): number {
  return Math.max(LEAD_COUNT_CAP, query.page * query.pageSize) + 1;
}

/** The list's total from a capped count: exact below the limit, else "more than" the rows before it. */
export function cappedTotal(counted: number, limit: number): { total: number; totalExact: boolean } {
  return counted < limit ? { total: counted, totalExact: true } : { total: limit - 1, totalExact: false };
}

/** The inverse of parseLeadListQuery: only non-default values, so shared URLs stay short. */
export function leadListSearchParams(query: Partial<LeadListQuery>): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  for (const source of query.sources ?? []) params.append("source", source);
  for (const type of query.leadTypes ?? []) params.append("type", type);
  for (const owner of query.owners ?? []) params.append("owner", String(owner));
  if (query.unassigned) params.append("owner", "none");
  for (const status of query.statuses ?? []) params.append("status", status);
  if (query.from) params.set("from", query.from);
  if (query.to) params.set("to", query.to);
  if (query.flagged !== undefined) params.set("flagged", query.flagged ? "1" : "0");
  for (const point of query.failurePoints ?? []) params.append("fp", point);
  for (const step of query.steps ?? []) params.append("step", `${step.step}:${step.status}`);
  if (query.sort && (query.sort !== "capturedAt" || query.direction === "asc"))
    params.set("sort", `${query.sort}.${query.direction ?? "desc"}`);
  if (query.page && query.page > 1) params.set("page", String(query.page));
  if (query.pageSize && query.pageSize !== 50) params.set("size", String(query.pageSize));
  if (query.hiddenColumns?.length) params.set("hide", query.hiddenColumns.join(","));
  for (const campaign of query.campaigns ?? []) params.append("campaign", campaign);
  for (const priority of query.priorities ?? []) params.append("priority", priority);
  for (const team of query.teams ?? []) params.append("team", String(team));
  if (query.noTeam) params.append("team", "none");
  if (query.segment) params.set("segment", formatSegment(query.segment));
  for (const dimension of query.dimensions ?? []) params.append("dim", formatDimensionFilter(dimension));
  for (const system of query.systems ?? []) params.append("system", system);
  if (query.importId) params.set("import", String(query.importId));
  return params;
}

/** The single-choice values the filter bar shows for a query (the URL may hold several). */
export function filterBarValues(query: LeadListQuery) {
  return {
    q: query.q,
    system: query.systems?.[0],
    source: query.sources[0],
    type: query.leadTypes[0],
    owner: query.unassigned ? "none" : query.owners[0]?.toString(),
    status: query.statuses[0],
    from: query.from,
    to: query.to,
  };
}

/** What a list's table shows of the query: its page, page size, sort and hidden columns. */
export function tableState(query: LeadListQuery) {
  return {
    page: query.page,
    pageSize: query.pageSize,
    sort: { id: query.sort, desc: query.direction === "desc" },
    hiddenColumns: query.hiddenColumns,
  };
}
