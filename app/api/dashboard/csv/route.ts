import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { isOneOf } from "@/lib/diagnosis/vocabulary";
import { CHART_IDS } from "@/lib/metrics/charts";
import { loadChartCsv } from "@/lib/metrics/dashboard";
import { recordExport } from "@/lib/audit/exports";

// A dashboard chart's numbers as CSV, for the signed-in user (the session, not an API token): the same
// filters as the page, read from the query string.
export async function GET(request: Request): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return new Response("Sign in to continue.", { status: 401 });
  if (!can(user.role, "dashboard.read")) return new Response("You do not have permission to do that.", { status: 403 });
  const url = new URL(request.url);
  const chart = url.searchParams.get("chart");
  if (!isOneOf(CHART_IDS, chart)) return new Response("Unknown chart.", { status: 404 });
  const params: Record<string, string[]> = {};
  for (const key of new Set(url.searchParams.keys())) params[key] = url.searchParams.getAll(key);
  try {
    const { csv, filename } = await loadChartCsv(chart, params);
    await recordExport(user.id, "dashboard_csv", chart, { chart, filters: params, filename });
    // A byte-order mark so spreadsheet programs read the file as UTF-8.
    return new Response(`\uFEFF${csv}`, {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "private, no-store" },
    });
  } catch (error) {
    console.error(error);
    return new Response("Something went wrong on our side while building the file. Try again.", { status: 500 });
  }
}
