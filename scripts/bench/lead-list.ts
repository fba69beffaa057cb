// The lead list at scale: every filter and sort the UI offers, through the product's own code path
// (lib/leads/queries.ts via Prisma) against the best hand-written SQL for the same page and count.
import type pg from "pg";
import { cappedTotal, leadCountLimit, parseLeadListQuery, type LeadListQuery } from "../../lib/lead-set/query.ts";
import { findLeads } from "../../lib/leads/list-queries.ts";
import { compare } from "./measure.ts";

const TARGET_P95_MS = 100;

interface ListCase {
  name: string;
  params: Record<string, string>;
  /** WHERE clause and ORDER BY of the hand-written limit, with $n placeholders after the paging ones. */
  where: string;
  order: string;
  args: unknown[];
}

const COLUMNS = `l.id, l.source_system, l.external_id, l.name, l.email, l.company, l.title, l.captured_at, l.original_source, l.campaign,
  l.priority, l.queue, l.acceptance_status, l.outcome, l.flagged, l.severity, l.failure_points, lt.key AS lead_type_key, lt.name AS lead_type_name,
  u.id AS owner_id, u.name AS owner_name`;

export async function leadListCases(client: pg.Pool, anchor: Date): Promise<ListCase[]> {
  const { rows: owners } = await client.query<{ id: number }>(`SELECT id FROM users WHERE email = 'rep@demo.baton.dev'`);
  const ownerId = owners[0]?.id ?? 7;
  const from = new Date(anchor.getTime() - 14 * 86_400_000).toISOString().slice(0, 10);
  const fromInstant = new Date(`${from}T00:00:00Z`);
  const toInstant = new Date(`${anchor.toISOString().slice(0, 10)}T00:00:00Z`);
  toInstant.setUTCDate(toInstant.getUTCDate() + 1);
  const sort = (field: string, column: string): ListCase => ({
    name: `sort by ${field}`,
    params: { sort: `${field}.asc` },
    where: "TRUE",
    order: `${column} ASC, l.id ASC`,
    args: [],
  });
  return [
    { name: "first page", params: {}, where: "TRUE", order: "l.captured_at DESC, l.id DESC", args: [] },
    { name: "deep page (100)", params: { page: "100" }, where: "TRUE", order: "l.captured_at DESC, l.id DESC", args: [] },
    {
      name: "filter: source",
      params: { source: "webinar" },
      where: "l.original_source = $3",
      order: "l.captured_at DESC, l.id DESC",
      args: ["webinar"],
    },
    {
      name: "filter: lead type",
      params: { type: "demo_request" },
      where: "l.lead_type_id = (SELECT id FROM lead_types WHERE key = $3)",
      order: "l.captured_at DESC, l.id DESC",
      args: ["demo_request"],
    },
    {
      name: "filter: owner",
      params: { owner: String(ownerId) },
      where: "l.owner_id = $3",
      order: "l.captured_at DESC, l.id DESC",
      args: [ownerId],
    },
    {
      name: "filter: decision",
      params: { status: "accepted" },
      where: "l.acceptance_status = $3",
      order: "l.captured_at DESC, l.id DESC",
      args: ["accepted"],
    },
    {
      name: "filter: capture dates",
      params: { from, to: anchor.toISOString().slice(0, 10) },
      where: "l.captured_at >= $3 AND l.captured_at < $4",
      order: "l.captured_at DESC, l.id DESC",
      args: [fromInstant, toInstant],
    },
    {
      name: "search: name/email/company",
      params: { q: "lead 4242" },
      where: "l.search_text LIKE $3",
      order: "l.captured_at DESC, l.id DESC",
      args: ["%lead 4242%"],
    },
    {
      name: "flagged view (severity)",
      params: { flagged: "1", sort: "severity.desc" },
      where: "l.flagged",
      order: "l.severity DESC, l.id DESC",
      args: [],
    },
    {
      name: "flagged: failure point",
      params: { flagged: "1", fp: "slow_timing", sort: "severity.desc" },
      where: "l.flagged AND l.failure_points && ARRAY['slow_timing']::\"FailurePoint\"[]",
      order: "l.severity DESC, l.id DESC",
      args: [],
    },
    {
      name: "flagged: step status",
      params: { flagged: "1", step: "routing:fail", sort: "severity.desc" },
      where: "l.flagged AND l.step_issues @> ARRAY['routing:fail']",
      order: "l.severity DESC, l.id DESC",
      args: [],
    },
    sort("name", "l.name"),
    sort("company", "l.company"),
    sort("originalSource", "l.original_source"),
    sort("acceptanceStatus", "l.acceptance_status"),
    sort("ownerAssignedAt", "l.owner_assigned_at"),
  ];
}

function limitQuery(client: pg.Pool, listCase: ListCase, query: LeadListQuery) {
  const offset = (query.page - 1) * query.pageSize;
  return () =>
    Promise.all([
      client.query(
        `SELECT ${COLUMNS} FROM leads l LEFT JOIN lead_types lt ON lt.id = l.lead_type_id LEFT JOIN users u ON u.id = l.owner_id
         WHERE ${listCase.where} ORDER BY ${listCase.order} LIMIT $1 OFFSET $2`,
        [query.pageSize, offset, ...listCase.args],
      ),
      // The same capped count as the product's (lib/lead-set/query.ts): up to the limit, then "more than".
      client.query(
        `SELECT count(*) FROM (SELECT 1 FROM leads l WHERE ${listCase.where.replaceAll(/\$(\d+)/g, (_, n) => `$${Number(n) - 1}`)} LIMIT $1) capped`,
        [leadCountLimit(query), ...listCase.args],
      ),
    ]);
}

export async function measureLeadList(client: pg.Pool, anchor: Date, runs: number) {
  const results = [];
  for (const listCase of await leadListCases(client, anchor)) {
    const query = parseLeadListQuery(listCase.params);
    const [productRows, limitRows] = await Promise.all([findLeads(query), limitQuery(client, listCase, query)()]);
    const limitTotal = cappedTotal(Number(limitRows[1].rows[0]?.count), leadCountLimit(query));
    if (
      productRows.total !== limitTotal.total ||
      productRows.totalExact !== limitTotal.totalExact ||
      productRows.rows.length !== limitRows[0].rows.length
    ) {
      throw new Error(`lead list "${listCase.name}": the product and the limit disagree (${productRows.total} vs ${limitTotal.total})`);
    }
    const timing = await compare(() => findLeads(query), limitQuery(client, listCase, query), { runs });
    results.push({
      area: "lead list",
      name: listCase.name,
      matching: productRows.total,
      matchingExact: productRows.totalExact,
      ...timing,
      target: `p95 < ${TARGET_P95_MS} ms`,
      ok: timing.product.p95 < TARGET_P95_MS,
    });
  }
  return results;
}
