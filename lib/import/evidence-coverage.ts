import "server-only";
import { pool } from "@/lib/db";
import type { Queryable } from "@/lib/db/queryable";

// Per source system: which of DOMAIN's evidence fields its leads carry, as a share of its leads. A field the
// source never records is itself a finding (fix type field_mapping): revops sees what their CRM lacks.

export const COVERAGE_FIELDS = [
  { id: "original_source", label: "Original source", has: "l.original_source IS NOT NULL" },
  { id: "conversion_point", label: "Conversion point", has: "l.conversion_point IS NOT NULL" },
  { id: "lead_type", label: "Lead type", has: "l.lead_type_id IS NOT NULL" },
  { id: "owner", label: "Owner", has: "l.owner_id IS NOT NULL" },
  { id: "owner_assigned_at", label: "Assignment time", has: "l.owner_assigned_at IS NOT NULL" },
  { id: "first_sales_action_at", label: "First sales action", has: "l.first_sales_action_at IS NOT NULL" },
  { id: "acceptance_status", label: "Sales decision", has: "l.acceptance_status <> 'pending'" },
  { id: "rejection_reason", label: "Rejection reason", has: "l.rejection_reason_code IS NOT NULL" },
  { id: "next_action", label: "Next action", has: "l.next_action IS NOT NULL" },
] as const;
export type CoverageField = (typeof COVERAGE_FIELDS)[number]["id"];

export interface FieldCoverage {
  /** Leads with a value for the field. */
  withValue: number;
  /** Leads whose source has no column for the field at all (recorded per import; see evidence-recorded.ts). */
  notRecorded: number;
}

export interface SourceCoverage {
  sourceSystem: string;
  leads: number;
  fields: Record<CoverageField, FieldCoverage>;
}

/** One grouped read over the leads table: a count per field and per source system. */
export async function findEvidenceCoverage(client: Queryable = pool): Promise<SourceCoverage[]> {
  const columns = COVERAGE_FIELDS.map(
    (field, index) =>
      `count(*) FILTER (WHERE ${field.has})::int AS has_${index}, count(*) FILTER (WHERE '${field.id}' = ANY(coalesce(l.unrecorded_evidence, '{}')))::int AS gap_${index}`,
  ).join(",\n       ");
  const { rows } = await client.query<Record<string, number | string>>(
    `SELECT l.source_system, count(*)::int AS leads,
       ${columns}
     FROM leads l GROUP BY l.source_system ORDER BY count(*) DESC, l.source_system`,
  );
  return rows.map((row) => ({
    sourceSystem: String(row.source_system),
    leads: Number(row.leads),
    fields: Object.fromEntries(
      COVERAGE_FIELDS.map((field, index) => [
        field.id,
        { withValue: Number(row[`has_${index}`]), notRecorded: Number(row[`gap_${index}`]) },
      ]),
    ) as Record<CoverageField, FieldCoverage>,
  }));
}
