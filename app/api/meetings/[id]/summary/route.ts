import { findMeetingSummary } from "@/lib/meetings/queries";
import { renderSummaryCsv, renderSummaryMarkdown } from "@/lib/meetings/summary-render";
import { routeId, sessionRoute } from "@/lib/actions/route-guard";
import { NotFoundError } from "@/lib/errors";

// The end-of-meeting summary as a download: ?format=md (Markdown) or ?format=csv.
export const GET = sessionRoute<{ id: string }>("review.read", async (request, _user, segments) => {
  const id = routeId(segments.id);
  const result = id ? await findMeetingSummary(id) : null;
  if (!id || !result) throw new NotFoundError("That meeting");
  const format = new URL(request.url).searchParams.get("format") === "csv" ? "csv" : "md";
  const body = format === "csv" ? renderSummaryCsv(result.summary) : renderSummaryMarkdown(result.summary, result.timeZone);
  return new Response(body, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="meeting-${id}-summary.${format}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
