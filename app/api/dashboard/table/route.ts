import { sessionRoute } from "@/lib/actions/route-guard";
import { isOneOf } from "@/lib/diagnosis/vocabulary";
import { NotFoundError } from "@/lib/errors";
import { CHART_IDS } from "@/lib/metrics/charts";
import { loadChartTable } from "@/lib/metrics/dashboard";

// A dashboard chart's table, for its table view: asked for when someone opens it, not sent with every
// page (the tables were nearly half of the page's payload). The same numbers and links as the CSV.
export const GET = sessionRoute(
  "dashboard.read",
  async (request) => {
    const url = new URL(request.url);
    const chart = url.searchParams.get("chart");
    if (!isOneOf(CHART_IDS, chart)) throw new NotFoundError("That chart");
    const params: Record<string, string[]> = {};
    for (const key of new Set(url.searchParams.keys())) params[key] = url.searchParams.getAll(key);
    const { table } = await loadChartTable(chart, params);
    return Response.json({ table }, { headers: { "Cache-Control": "private, no-store" } });
  },
  { forbidden: "You do not have permission to do that." },
);
