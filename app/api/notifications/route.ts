import { findLiveCounts } from "@/lib/notify/queries";
import { checkSession } from "@/lib/actions/route-guard";

// Polled by the bell in every page's navigation: unread count, the latest notices, the nav badges.
export async function GET() {
  const check = await checkSession("notifications.read");
  if (check.response) return check.response;
  return Response.json(await findLiveCounts(check.user), { headers: { "Cache-Control": "no-store" } });
}
