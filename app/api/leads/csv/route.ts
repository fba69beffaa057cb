import { sessionRoute } from "@/lib/actions/route-guard";
import { recordExport } from "@/lib/audit/exports";
import { csvDownload, exportLeadsCsv } from "@/lib/leads/export";
import { parseLeadExportQuery } from "@/lib/leads/export-query";

// A lead list (Leads, Flagged, a dashboard drill-down) as CSV for the signed-in user: the list's own
// address parameters, so the file holds exactly the leads the list shows, in its order.
export const GET = sessionRoute(
  "leads.export",
  async (request, user) => {
    const url = new URL(request.url);
    const { list, query, params } = parseLeadExportQuery(url.searchParams);
    const { csv, rows } = await exportLeadsCsv(query);
    const filename = `baton-${list}-${new Date().toISOString().slice(0, 10)}.csv`;
    await recordExport(user.id, "leads_csv", list, { list, filters: params, rows, filename });
    return csvDownload(csv, filename);
  },
  { forbidden: "Your role cannot export leads." },
);
