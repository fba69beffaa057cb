import { renderReportMarkdown } from "@/lib/report/markdown";
import { loadHandoffReport } from "@/lib/report/report";
import { checkSession } from "@/lib/actions/route-guard";

// The handoff report as a Markdown file, for the period in the address (as the report page's).
export async function GET(request: Request) {
  const session = await checkSession("dashboard.read");
  if (session.response) return session.response;
  const url = new URL(request.url);
  const report = await loadHandoffReport(Object.fromEntries(url.searchParams.entries()));
  const markdown = renderReportMarkdown(report, url.origin);
  return new Response(markdown, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="handoff-report-${report.period.from}-${report.period.to}.md"`,
      "Cache-Control": "no-store",
    },
  });
}
