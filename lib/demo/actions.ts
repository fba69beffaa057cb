"use server";
import "server-only";
import { defineAction } from "@/lib/actions/define";
import type { ActionResult } from "@/lib/actions/result";
import { refreshDemo } from "@/lib/demo/mutations";

// Server actions of the demo workspace (admins only). Every page reads the leads afresh, so the layout's
// revalidation covers the queue, lists, dashboard and report at once.
export const refreshDemoAction = defineAction({
  permission: "demo.refresh",
  revalidate: [["/", "layout"]],
  write: async (user, _previous: ActionResult | null) => {
    const refreshed = await refreshDemo(user);
    return {
      data: undefined,
      message: `Demo data refreshed: ${refreshed.leads.toLocaleString("en-US")} leads generated again around now, so queues show leads minutes and hours old. The demo's two past meetings and their fixes were made again around now; people, definitions, tokens and your own meetings and fixes were kept; reviews and comments on the old demo leads went with them.`,
    };
  },
});
