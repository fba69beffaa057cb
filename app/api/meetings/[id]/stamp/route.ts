import { meetingStamp } from "@/lib/meetings/queries";
import { checkSession, notFoundJson, routeId } from "@/lib/actions/route-guard";

// Polled by everyone on a meeting: changes to the agenda, decisions, the presenter's current lead, and
// notes, tags and fixes on the agenda's leads all change this fingerprint.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const check = await checkSession("review.read");
  if (check.response) return check.response;
  const id = routeId((await params).id);
  const stamp = id ? await meetingStamp(id) : null;
  if (!stamp) return notFoundJson("That meeting");
  return Response.json({ stamp }, { headers: { "Cache-Control": "no-store" } });
}
