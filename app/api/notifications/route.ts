import { sessionRoute } from "@/lib/actions/route-guard";
import { findLiveCounts } from "@/lib/notify/queries";

// Polled by the bell in every page's navigation: unread count, the latest notices, the nav badges.
export const GET = sessionRoute("notifications.read", async (_request, user) =>
  Response.json(await findLiveCounts(user), { headers: { "Cache-Control": "no-store" } }),
);
