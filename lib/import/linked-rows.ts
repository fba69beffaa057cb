import "server-only";
import { readFileParts } from "@/lib/import/files";
import { issue, type RowIssue } from "@/lib/import/issues";
import type { JobSettings } from "@/lib/import/job-state";
import { LINK_KEY_TARGET } from "@/lib/import/linked-fields";
import type { MappingDocument } from "@/lib/import/mapping";
import { readCsvBatches, type CsvRow } from "@/lib/import/read-rows";
import type { PendingEvent, TransformContext } from "@/lib/import/transform-cells";
import { transformLeadRow } from "@/lib/import/transform-lead";
import { transformLinkedRow } from "@/lib/import/transform-linked";
import { cleanCell } from "@/lib/import/values";
import { normalizeEmail } from "@/lib/leads/upsert-normalize";
import type { Queryable } from "@/lib/db/queryable";

// A linked file's rows, settled against the leads: which lead each key names, in the leads file of the
// same upload first (a first pass over it, so the check and the import see the same leads), then among
// the leads already in Baton (the sink looks those up). Each row is accounted for: linked, repeated (the
// same deal as an earlier row: the first row of a deal is the one attached) or refused with its reason.

/** A row whose events are ready, waiting for its lead's database id. */
export interface LinkedRow {
  row: number;
  /** The lead it names: its external id, or (`byEmail`) an email to find the lead by in Baton. */
  lead: string;
  byEmail: boolean;
  key: string;
  events: PendingEvent[];
}

/** What the leads file of this upload says about the leads a key can name. */
export interface LeadsOfUpload {
  /** External ids the leads file imports (rows it refuses are not here: a key naming one is refused too). */
  importable: Set<string>;
  /** The leads file's column the key refers to, when not the external id; keys are its values. */
  keyColumn: { header: string; isEmail: boolean; leads: Map<string, string[]> } | null;
}

const BATCH = 2_500;

/** The leads column a linked file refers to, or null for the lead's external id. */
export function linkedColumnOf(mapping: MappingDocument): string | null {
  const linksTo = mapping.files.deals?.linksTo;
  if (!linksTo) return null;
  return mapping.files.leads?.columns[linksTo] === "externalId" ? null : linksTo;
}

const keyOf = (value: string, isEmail: boolean) => (isEmail ? (normalizeEmail(value) ?? value.toLowerCase()) : value);

export async function readLeadsOfUpload(
  files: Queryable,
  jobId: number,
  settings: JobSettings,
  mapping: MappingDocument,
  leadsContext: TransformContext | null,
): Promise<LeadsOfUpload> {
  const header = linkedColumnOf(mapping);
  const shape = settings.files.leads;
  const isEmail = header !== null && mapping.files.leads?.columns[header] === "email";
  const result: LeadsOfUpload = { importable: new Set(), keyColumn: header ? { header, isEmail, leads: new Map() } : null };
  if (!shape || !leadsContext) return result;
  const index = header ? shape.headers.indexOf(header) : -1;
  for await (const batch of readCsvBatches(readFileParts(files, jobId, "leads"), shape, BATCH)) {
    for (const { row, cells, truncated } of batch) {
      if (truncated) continue;
      const lead = transformLeadRow(cells, row, leadsContext).lead;
      if (!lead) continue;
      result.importable.add(lead.externalId);
      const value = index >= 0 ? cleanCell(cells[index]) : "";
      if (!value || !result.keyColumn) continue;
      const key = keyOf(value, isEmail);
      const named = result.keyColumn.leads.get(key) ?? [];
      if (!named.includes(lead.externalId)) result.keyColumn.leads.set(key, [...named, lead.externalId]);
    }
  }
  return result;
}

export interface PreparedLinked {
  rows: LinkedRow[];
  issues: RowIssue[];
  refused: number;
  repeated: number;
}

/** One batch of a linked file turned into rows to link; `firstRowOfDeal` carries across batches. */
export function prepareLinkedBatch(
  batch: readonly CsvRow[],
  context: TransformContext,
  leads: LeadsOfUpload,
  firstRowOfDeal: Map<string, number>,
): PreparedLinked {
  const prepared: PreparedLinked = { rows: [], issues: [], refused: 0, repeated: 0 };
  const keyHeader = context.mapping.first.get(LINK_KEY_TARGET)?.header ?? null;
  const refuse = (row: number, value: string | null, message: string) => {
    prepared.refused++;
    prepared.issues.push(issue(row, keyHeader, value, message));
  };
  for (const { row, cells } of batch) {
    const result = transformLinkedRow(cells, row, context);
    prepared.issues.push(...result.issues);
    if (!result.key || !result.deal || result.events.length === 0) {
      prepared.refused++;
      continue;
    }
    const first = firstRowOfDeal.get(result.deal);
    if (first !== undefined) {
      prepared.repeated++;
      prepared.issues.push(
        issue(
          row,
          keyHeader,
          result.key,
          `The same deal as row ${first}: the first row of a deal is the one used (map a Deal id column if a lead has several deals).`,
          "warning",
        ),
      );
      continue;
    }
    firstRowOfDeal.set(result.deal, row);
    const target = leadNamedBy(result.key, leads);
    if ("refusal" in target) {
      refuse(row, result.key, target.refusal);
      continue;
    }
    for (const event of result.events) event.leadExternalId = target.lead;
    prepared.rows.push({ row, key: result.key, lead: target.lead, byEmail: target.byEmail, events: result.events });
  }
  return prepared;
}

function leadNamedBy(key: string, leads: LeadsOfUpload): { lead: string; byEmail: boolean } | { refusal: string } {
  const column = leads.keyColumn;
  if (!column) return { lead: key, byEmail: false };
  const named = column.leads.get(keyOf(key, column.isEmail)) ?? [];
  if (named.length > 1)
    return {
      refusal: `Key "${key}" matches ${named.length} leads in the leads file (column "${column.header}"): it cannot say which one the row belongs to.`,
    };
  if (named.length === 1) return { lead: named[0]!, byEmail: false };
  if (column.isEmail) return { lead: keyOf(key, true), byEmail: true };
  return {
    refusal: `Key "${key}" matches no lead in this upload's leads file (column "${column.header}"); leads already in Baton cannot be found by that column: link by the lead's external id or email to reach them.`,
  };
}

/** The refusal of a row whose lead was found neither in the upload nor in Baton. */
export function unknownKeyMessage(row: LinkedRow, sourceSystem: string): string {
  return `Key "${row.key}" matches no lead in this upload or in Baton (source system ${sourceSystem}).`;
}
