import "server-only";
import { forLaggyReads } from "@/lib/db";
import { FAILURE_POINT_LABELS } from "@/lib/diagnosis/labels";
import { AppError } from "@/lib/errors";
import { CSV_BOM, csvLine } from "@/lib/import/csv-export";
import { countLeadsUpTo, findLeadRows, type LeadListRow } from "@/lib/lead-set/list-sql";
import type { LeadListQuery } from "@/lib/lead-set/query";
import { ACCEPTANCE_STATUS_LABELS, sourceLabel } from "@/lib/leads/labels";
import { getMetricContext } from "@/lib/leads/list-queries";

// A lead list as a CSV file: every lead the list's filters match (not only the page on screen), in the
// list's order, read in batches through the same SQL as the page. Cells are formula-safe
// (lib/import/csv-export.ts). Beyond the cap the export refuses with a message rather than cutting the
// file short: a file that silently misses rows would be worse than none.

export const LEAD_EXPORT_CAP = 50_000;
const BATCH = 5_000;

const HEADER = [
  "Lead id",
  "Source system",
  "External id",
  "Name",
  "Email",
  "Company",
  "Title",
  "Diagnosis",
  "Severity",
  "Failure points",
  "Source",
  "Campaign",
  "Lead type",
  "Priority",
  "Owner",
  "Queue",
  "Decision",
  "Captured (UTC)",
];

function exportCells(row: LeadListRow) {
  return [
    row.id,
    row.sourceSystem,
    row.externalId,
    row.name,
    row.email,
    row.company,
    row.title,
    row.flagged ? "Flagged" : "No break found",
    row.severity,
    row.failurePoints.map((point) => FAILURE_POINT_LABELS[point]).join("; "),
    row.originalSource ? sourceLabel(row.originalSource) : null,
    row.campaign,
    row.leadType?.name ?? null,
    row.priority?.toUpperCase() ?? null,
    row.owner?.name ?? null,
    row.queue,
    ACCEPTANCE_STATUS_LABELS[row.acceptanceStatus],
    new Date(row.capturedAt).toISOString(),
  ];
}

export class ExportTooLargeError extends AppError {
  constructor() {
    super(`This list has more than ${LEAD_EXPORT_CAP.toLocaleString("en-GB")} leads. Narrow the filters to export it.`, 422);
  }
}

/** The list's leads as CSV text (with a byte-order mark), and how many rows it holds. Lag-tolerant: the replica's when there is one. */
export async function exportLeadsCsv(query: LeadListQuery): Promise<{ csv: string; rows: number }> {
  const [context, { pool }] = await Promise.all([getMetricContext(), forLaggyReads()]);
  const matching = await countLeadsUpTo(pool, query, context, LEAD_EXPORT_CAP + 1);
  if (matching > LEAD_EXPORT_CAP) throw new ExportTooLargeError();
  const lines = [csvLine(HEADER)];
  let rows = 0;
  for (let offset = 0; offset < matching; offset += BATCH) {
    const batch = await findLeadRows(pool, query, context, { limit: BATCH, offset });
    for (const row of batch) lines.push(csvLine(exportCells(row)));
    rows += batch.length;
    if (batch.length < BATCH) break;
  }
  return { csv: CSV_BOM + lines.join(""), rows };
}

/** A CSV file as a download answer: never cached, named. */
export function csvDownload(csv: string, filename: string): Response {
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
