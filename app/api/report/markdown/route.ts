import { sessionRoute } from "@/lib/actions/route-guard";
import { renderReportMarkdown } from "@/lib/report/markdown";
import { loadHandoffReport } from "@/lib/report/report";

// The handoff report as a Markdown file, for the period in the address (as the report page's).
export const GET = sessionRoute("dashboard.read", async (request) => {
  const url = new URL(request.url);
  const report = await loadHandoffReport(Object.fromEntries(url.searchParams.entries()));
  return new Response(renderReportMarkdown(report, url.origin), {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="handoff-report-${report.period.from}-${report.period.to}.md"`,
      "Cache-Control": "private, no-store",
    },
  });
});
