import { reviewLeadStamp } from "@/lib/review/queries";
import { checkSession, notFoundJson, routeId } from "@/lib/actions/route-guard";

// Polled every few seconds by the side-by-side view: a fingerprint of the lead's review, so open pages
// refresh when someone else writes (on any app instance).
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const check = await checkSession("review.read");
  if (check.response) return check.response;
  const id = routeId((await params).id);
  const stamp = id ? await reviewLeadStamp(id) : null;
  if (!stamp) return notFoundJson("That lead");
  return Response.json({ stamp }, { headers: { "Cache-Control": "no-store" } });
}
