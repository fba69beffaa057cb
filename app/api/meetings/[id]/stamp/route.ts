import { meetingStamp } from "@/lib/meetings/queries";
import { routeId, sessionRoute } from "@/lib/actions/route-guard";
import { NotFoundError } from "@/lib/errors";

// Polled by everyone on a meeting: changes to the agenda, decisions, the presenter's current lead, and
// notes, tags and fixes on the agenda's leads all change this fingerprint.
export const GET = sessionRoute<{ id: string }>("review.read", async (_request, _user, { id }) => {
  const meetingId = routeId(id);
  const stamp = meetingId ? await meetingStamp(meetingId) : null;
  if (!stamp) throw new NotFoundError("That meeting");
  return Response.json({ stamp }, { headers: { "Cache-Control": "no-store" } });
});
