import { sessionRoute } from "@/lib/actions/route-guard";
import { recordExport } from "@/lib/audit/exports";
import { csvDownload } from "@/lib/leads/export";
import { exportBoardCsv } from "@/lib/review/board-export";

// The review board as CSV for the signed-in user: the board's own address parameters, so the file holds
// exactly the board's leads, in its order.
export const GET = sessionRoute(
  "leads.export",
  async (request, user) => {
    const url = new URL(request.url);
    const params: Record<string, string[]> = {};
    for (const key of new Set(url.searchParams.keys())) params[key] = url.searchParams.getAll(key);
    const { csv, rows } = await exportBoardCsv(params);
    const filename = `baton-review-board-${new Date().toISOString().slice(0, 10)}.csv`;
    await recordExport(user.id, "leads_csv", "review", { list: "review", filters: params, rows, filename });
    return csvDownload(csv, filename);
  },
  { forbidden: "Your role cannot export leads." },
);
