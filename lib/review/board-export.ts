import "server-only";
import { forLaggyReads } from "@/lib/db";
import { FAILURE_POINT_LABELS } from "@/lib/diagnosis/labels";
import { CSV_BOM, csvLine } from "@/lib/import/csv-export";
import { ExportTooLargeError, LEAD_EXPORT_CAP } from "@/lib/leads/export";
import { sourceLabel } from "@/lib/leads/labels";
import { parseBoardQuery } from "@/lib/review/board-query";
import { BOARD_ROW_SELECT, boardOrder, boardWhere, getBoardCalendar } from "@/lib/review/queries";
import { REVIEW_STATUS_LABELS } from "@/lib/review/sides";

// The review board as CSV: every lead the board's address selects (period, filters, review status), in
// the board's order, read with the board's own filter; formula-safe cells (lib/import/csv-export.ts).

type RawParams = Record<string, string | string[] | undefined>;

const HEADER = ["Lead id", "Name", "Company", "Severity", "Failure points", "Review", "Root cause", "Notes", "Tags", "Fixes"];
const MORE = ["Source", "Campaign", "Owner", "Lead type", "Priority", "Captured (UTC)"];

export async function exportBoardCsv(params: RawParams): Promise<{ csv: string; rows: number }> {
  const query = parseBoardQuery(params, await getBoardCalendar());
  const where = await boardWhere(query);
  // An export tolerates a few seconds of lag: the replica's when there is one.
  const { prisma: db } = await forLaggyReads();
  if ((await db.lead.count({ where })) > LEAD_EXPORT_CAP) throw new ExportTooLargeError();
  const leads = await db.lead.findMany({ where, orderBy: boardOrder(query), select: BOARD_ROW_SELECT });
  const lines = leads.map((lead) => {
    const status = lead.review?.status ?? "to_review";
    return csvLine([
      lead.id,
      lead.name,
      lead.company,
      lead.severity,
      lead.failurePoints.map((point) => FAILURE_POINT_LABELS[point]).join("; "),
      REVIEW_STATUS_LABELS[status],
      lead.review?.rootCause ? FAILURE_POINT_LABELS[lead.review.rootCause] : null,
      lead._count.annotations,
      lead._count.failureTags,
      lead._count.fixes,
      lead.originalSource ? sourceLabel(lead.originalSource) : null,
      lead.campaign,
      lead.owner?.name ?? null,
      lead.leadType?.name ?? null,
      lead.priority?.toUpperCase() ?? null,
      lead.capturedAt.toISOString(),
    ]);
  });
  return { csv: CSV_BOM + csvLine([...HEADER, ...MORE]) + lines.join(""), rows: leads.length };
}
