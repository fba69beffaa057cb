import { sessionRoute } from "@/lib/actions/route-guard";
import { isOneOf } from "@/lib/diagnosis/vocabulary";
import { NotFoundError } from "@/lib/errors";
import { CHART_IDS } from "@/lib/metrics/charts";
import { loadChartCsv } from "@/lib/metrics/dashboard";
import { recordExport } from "@/lib/audit/exports";

// A dashboard chart's numbers as CSV, for the signed-in user (the session, not an API token): the same
// filters as the page, read from the query string.
export const GET = sessionRoute(
  "dashboard.read",
  async (request, user) => {
    const url = new URL(request.url);
    const chart = url.searchParams.get("chart");
    if (!isOneOf(CHART_IDS, chart)) throw new NotFoundError("That chart");
    const params: Record<string, string[]> = {};
    for (const key of new Set(url.searchParams.keys())) params[key] = url.searchParams.getAll(key);
    const { csv, filename } = await loadChartCsv(chart, params);
    await recordExport(user.id, "dashboard_csv", chart, { chart, filters: params, filename });
    // A byte-order mark so spreadsheet programs read the file as UTF-8.
    return new Response(`\uFEFF${csv}`, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "private, no-store",
      },
    });
  },
  { forbidden: "You do not have permission to do that." },
);
