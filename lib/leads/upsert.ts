import type { SourceSignal } from "@/lib/diagnosis/buyer-feedback";
import type { AcceptanceStatus, Outcome, Priority } from "@/lib/diagnosis/vocabulary";
import { accountDomainFor, normalizeEmail } from "@/lib/leads/upsert-normalize";
import type { Queryable } from "@/lib/db/queryable";

// Leads written by external id, set-based: one INSERT … ON CONFLICT for a whole batch, shared by the CSV
// import and the API. A field left undefined is not touched (a file without a "Campaign" column must
// not erase campaigns the API set); null clears it. A row whose values equal the stored ones is not
// written at all, so importing the same file twice changes nothing (not even `version`).

export interface LeadUpsertInput {
  externalId: string;
  name?: string;
  email?: string | null;
  phone?: string | null;
  company?: string | null;
  title?: string | null;
  /** Not stored: gives the account domain when the email is free mail. */
  website?: string | null;
  capturedAt?: Date;
  originalSource?: string | null;
  sourceDetail?: string | null;
  campaign?: string | null;
  offer?: string | null;
  conversionPoint?: string | null;
  landingPage?: string | null;
  buyerMessage?: string | null;
  leadTypeKey?: string | null;
  priority?: Priority | null;
  ownerId?: number | null;
  queue?: string | null;
  ownerAssignedAt?: Date | null;
  firstSalesActionAt?: Date | null;
  acceptanceStatus?: AcceptanceStatus;
  decidedAt?: Date | null;
  rejectionReasonCode?: string | null;
  rejectionDetail?: string | null;
  objectionCode?: string | null;
  objectionDetail?: string | null;
  sourceSignal?: SourceSignal | null;
  nextAction?: string | null;
  nextActionDueAt?: Date | null;
  outcome?: Outcome;
  outcomeAt?: Date | null;
}

export type UpsertAction = "created" | "updated" | "unchanged";
export interface UpsertedLead {
  id: number;
  externalId: string;
  action: UpsertAction;
}

type Field = Exclude<keyof LeadUpsertInput, "externalId" | "website">;
interface Column {
  field: Field | "accountDomain";
  column: string;
  /** Element type of the parameter array, and the cast into the column. */
  array: "text" | "timestamptz" | "int";
  cast?: string;
}

/** A column named as its field, in snake case (`capturedAt` is `captured_at`). */
function sameNamedColumn(field: Field, array: Column["array"]): Column {
  return { field, column: field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`), array };
}

const COLUMNS: Column[] = [
  { field: "name", column: "name", array: "text" },
  { field: "email", column: "email", array: "text" },
  { field: "accountDomain", column: "account_domain", array: "text" },
  ...(
    [
      "phone",
      "company",
      "title",
      "originalSource",
      "sourceDetail",
      "campaign",
      "offer",
      "conversionPoint",
      "landingPage",
      "buyerMessage",
      "queue",
      "rejectionReasonCode",
      "rejectionDetail",
      "objectionCode",
      "objectionDetail",
      "nextAction",
    ] as const
  ).map((field) => sameNamedColumn(field, "text")),
  ...(["capturedAt", "ownerAssignedAt", "firstSalesActionAt", "decidedAt", "nextActionDueAt", "outcomeAt"] as const).map((field) =>
    sameNamedColumn(field, "timestamptz"),
  ),
  { field: "ownerId", column: "owner_id", array: "int" },
  { field: "priority", column: "priority", array: "text", cast: '"Priority"' },
  { field: "acceptanceStatus", column: "acceptance_status", array: "text", cast: '"AcceptanceStatus"' },
  { field: "outcome", column: "outcome", array: "text", cast: '"LeadOutcome"' },
  { field: "sourceSignal", column: "source_signal", array: "text", cast: '"SourceSignal"' },
];

/** Columns without a default that every lead has. */
const REQUIRED_COLUMNS = ["name", "captured_at"];

type NormalizedRow = LeadUpsertInput & { accountDomain?: string | null };

function fieldValue(row: NormalizedRow, column: Column): unknown {
  return row[column.field];
}

function paramValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : (value ?? null);
}

/** The stored shape of an input: email lower-cased, account domain derived (only when contact data came). */
function normalized(input: LeadUpsertInput): NormalizedRow {
  const out: NormalizedRow = { ...input };
  if (input.email !== undefined) out.email = normalizeEmail(input.email);
  if (input.email !== undefined || input.website !== undefined)
    out.accountDomain = accountDomainFor(out.email ?? null, input.website ?? null);
  return out;
}

/** The columns a batch sets: every field any of its rows defines (rows are grouped by shape first). */
function columnsOf(row: NormalizedRow): Column[] {
  return COLUMNS.filter((column) => fieldValue(row, column) !== undefined);
}

interface Statement {
  columns: Column[];
  /** SQL of a CTE named `resolved`: one row per input with typed columns, account_id and lead_type_id. */
  resolvedSql: string;
  params: unknown[];
}

function buildResolved(rows: NormalizedRow[], columns: Column[], withLeadType: boolean): Statement {
  const params: unknown[] = [rows.map((row) => row.externalId)];
  const names = ["external_id"];
  const selects = ["r.external_id"];
  for (const column of columns) {
    params.push(rows.map((row) => paramValue(fieldValue(row, column))));
    names.push(column.column);
    selects.push(column.cast ? `r.${column.column}::${column.cast} AS ${column.column}` : `r.${column.column}`);
  }
  const arrays = [`$1::text[]`, ...columns.map((column, index) => `$${index + 2}::${column.array}[]`)];
  if (withLeadType) {
    params.push(rows.map((row) => row.leadTypeKey ?? null));
    names.push("lead_type_key");
    arrays.push(`$${params.length}::text[]`);
    selects.push("lt.id AS lead_type_id");
  }
  const hasAccount = columns.some((column) => column.field === "accountDomain");
  if (hasAccount) selects.push("a.id AS account_id");
  const resolvedSql = `input AS (SELECT * FROM unnest(${arrays.join(", ")}) AS r(${names.join(", ")})),
    resolved AS (SELECT ${selects.join(", ")} FROM input r
      ${withLeadType ? "LEFT JOIN lead_types lt ON lt.key = r.lead_type_key" : ""}
      ${hasAccount ? "LEFT JOIN accounts a ON a.domain = r.account_domain" : ""})`;
  return { columns, resolvedSql, params };
}

function storedColumns(statement: Statement, withLeadType: boolean): string[] {
  const columns = statement.columns.map((column) => column.column);
  if (withLeadType) columns.push("lead_type_id");
  if (statement.columns.some((column) => column.field === "accountDomain")) columns.push("account_id");
  return columns;
}

/** Groups rows by the set of fields they define, so each group is one statement; last row per id wins. */
function groupByShape(inputs: readonly LeadUpsertInput[]) {
  const latest = new Map<string, LeadUpsertInput>();
  for (const input of inputs) latest.set(input.externalId, input);
  const groups = new Map<string, { rows: NormalizedRow[]; columns: Column[]; withLeadType: boolean }>();
  // Sorted by external id: concurrent writers lock rows in the same order and cannot deadlock each other.
  for (const input of [...latest.values()].sort((a, b) => (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0))) {
    const row = normalized(input);
    const columns = columnsOf(row);
    const withLeadType = row.leadTypeKey !== undefined;
    const key = `${columns.map((column) => column.column).join(",")}|${withLeadType}`;
    const group = groups.get(key) ?? { rows: [], columns, withLeadType };
    group.rows.push(row);
    groups.set(key, group);
  }
  return [...groups.values()];
}

async function ensureAccounts(client: Queryable, rows: NormalizedRow[]): Promise<void> {
  const domains = new Map<string, string | null>();
  for (const row of rows) if (row.accountDomain && !domains.has(row.accountDomain)) domains.set(row.accountDomain, row.company ?? null);
  if (domains.size === 0) return;
  await client.query(
    `INSERT INTO accounts (domain, name) SELECT d, n FROM unnest($1::text[], $2::text[]) AS t(d, n) ORDER BY d ON CONFLICT (domain) DO NOTHING`,
    [[...domains.keys()], [...domains.values()]],
  );
}

/**
 * Creates or updates leads of one source system by external id; returns every row's lead id and action.
 * `stageNewInto`: a table shaped like `leads` (an import's temporary staging table) that takes the new
 * leads instead, with their ids drawn from the leads' sequence; the caller moves them into `leads` later.
 */
export async function upsertLeads(
  client: Queryable,
  sourceSystem: string,
  inputs: readonly LeadUpsertInput[],
  stageNewInto?: string,
): Promise<UpsertedLead[]> {
  const results: UpsertedLead[] = [];
  for (const group of groupByShape(inputs)) {
    await ensureAccounts(client, group.rows);
    const statement = buildResolved(group.rows, group.columns, group.withLeadType);
    const columns = storedColumns(statement, group.withLeadType);
    const source = `$${statement.params.length + 1}`;
    // PostgreSQL checks NOT NULL on the proposed row before it finds the conflict: a partial update (no
    // name or capture time; only existing leads may omit them) proposes the stored values, which the SET
    // list below leaves alone.
    const kept = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
    // Only the identity was sent: nothing to change on a lead that exists (a new one is refused earlier).
    // The joins to stored leads also filter by `external_id = ANY($1)`, an index condition: joined to the
    // input alone, the planner hashed every lead of the source for each batch once the table was large.
    const onConflict = columns.length
      ? `DO UPDATE SET ${columns.map((column) => `${column} = EXCLUDED.${column}`).join(", ")}, version = leads.version + 1, updated_at = now()
        WHERE (${columns.map((column) => `leads.${column}`).join(", ")}) IS DISTINCT FROM (${columns.map((column) => `EXCLUDED.${column}`).join(", ")})`
      : "DO NOTHING";
    const insertInto = (
      table: string,
    ) => `INSERT INTO ${table} (source_system, external_id, ${[...columns, ...kept].join(", ")}, updated_at)
        SELECT ${source}, r.external_id, ${[...columns.map((column) => `r.${column}`), ...kept.map((column) => `stored.${column}`)].join(", ")}, now() FROM resolved r
        LEFT JOIN leads stored ON stored.source_system = ${source} AND stored.external_id = r.external_id AND stored.external_id = ANY($1::text[])`;
    const sql = `WITH ${statement.resolvedSql},
      ${stageNewInto ? `staged AS (${insertInto(stageNewInto)} WHERE stored.id IS NULL RETURNING id, external_id),` : ""}
      upserted AS (
        ${insertInto("leads")} ${stageNewInto ? "WHERE stored.id IS NOT NULL" : ""}
        ON CONFLICT (source_system, external_id) ${onConflict}
        RETURNING id, external_id, (xmax = 0) AS inserted)
      ${stageNewInto ? "SELECT id, external_id, 'created' AS action FROM staged UNION ALL" : ""}
      SELECT id, external_id, CASE WHEN inserted THEN 'created' ELSE 'updated' END AS action FROM upserted
      UNION ALL
      SELECT l.id, l.external_id, 'unchanged' FROM leads l JOIN input r ON l.source_system = ${source} AND l.external_id = r.external_id
      WHERE l.external_id = ANY($1::text[]) AND NOT EXISTS (SELECT 1 FROM upserted u WHERE u.id = l.id)`;
    const { rows } = await client.query<{ id: number; external_id: string; action: UpsertAction }>(sql, [
      ...statement.params,
      sourceSystem,
    ]);
    for (const row of rows) results.push({ id: row.id, externalId: row.external_id, action: row.action });
  }
  return results;
}

/** What upsertLeads would do, without writing or locking anything (the import's dry run). */
export async function previewLeadUpserts(
  client: Queryable,
  sourceSystem: string,
  inputs: readonly LeadUpsertInput[],
): Promise<{ externalId: string; action: UpsertAction }[]> {
  const results: { externalId: string; action: UpsertAction }[] = [];
  for (const group of groupByShape(inputs)) {
    const statement = buildResolved(group.rows, group.columns, group.withLeadType);
    const columns = storedColumns(statement, group.withLeadType);
    // A new account has no id yet: compare the domain alone, like the write would after creating it.
    const compared = columns.filter((column) => column !== "account_id");
    const sql = `WITH ${statement.resolvedSql}
      SELECT r.external_id,
        CASE WHEN l.id IS NULL THEN 'created'
             ${compared.length ? `WHEN (${compared.map((column) => `l.${column}`).join(", ")}) IS DISTINCT FROM (${compared.map((column) => `r.${column}`).join(", ")}) THEN 'updated'` : ""}
             ELSE 'unchanged' END AS action
      FROM resolved r LEFT JOIN leads l ON l.source_system = $${statement.params.length + 1} AND l.external_id = r.external_id
        AND l.external_id = ANY($1::text[])`;
    const { rows } = await client.query<{ external_id: string; action: UpsertAction }>(sql, [...statement.params, sourceSystem]);
    for (const row of rows) results.push({ externalId: row.external_id, action: row.action });
  }
  return results;
}
