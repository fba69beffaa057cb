import { reviewLeadStamp } from "@/lib/review/queries";
import { routeId, sessionRoute } from "@/lib/actions/route-guard";
import { NotFoundError } from "@/lib/errors";

// Polled every few seconds by the side-by-side view: a fingerprint of the lead's review, so open pages
// refresh when someone else writes (on any app instance).
export const GET = sessionRoute<{ id: string }>("review.read", async (_request, _user, { id }) => {
  const leadId = routeId(id);
  const stamp = leadId ? await reviewLeadStamp(leadId) : null;
  if (!stamp) throw new NotFoundError("That lead");
  return Response.json({ stamp }, { headers: { "Cache-Control": "no-store" } });
});
