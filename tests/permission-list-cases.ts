// Matrix cases for the lead lists (saved views, the CSV export) and the lead page's comments and following.
import { db } from "@/lib/db";
import { form } from "@/tests/permission-action-cases";
import type { ActionCase, CaseContext, RouteCase } from "@/tests/permission-cases";

/** A view the actor owns, for the owner-only rename and delete. */
async function ownView({ actor, world }: CaseContext) {
  return db.savedView.create({
    data: { ownerId: actor.id, list: "leads", name: world.unique("Matrix view"), params: "status=pending" },
    select: { id: true, version: true },
  });
}

export const SAVED_VIEW_ACTION_CASES: Record<string, ActionCase[]> = {
  saveViewAction: [
    {
      permission: "leads.read",
      args: async ({ world }) => [
        null,
        form({ list: "flagged", name: world.unique("Routing failures"), shared: "on", params: "fp=routing" }),
      ],
    },
  ],
  renameViewAction: [
    {
      permission: "leads.read",
      args: async (context) => {
        const view = await ownView(context);
        return [null, form({ id: view.id, version: view.version, name: context.world.unique("Renamed view") })];
      },
    },
  ],
  deleteViewAction: [{ permission: "leads.read", args: async (context) => [null, form({ id: (await ownView(context)).id })] }],
};

export const LIST_ROUTE_CASES: Record<string, RouteCase[]> = {
  "GET /api/review/csv": [{ auth: "session", permission: "leads.export", request: async () => ({ query: "period=all&review=to_review" }) }],
  "GET /api/leads/csv": [{ auth: "session", permission: "leads.export", request: async () => ({ query: "list=flagged&status=pending" }) }],
};

export const CONVERSATION_ACTION_CASES: Record<string, ActionCase[]> = {
  addCommentAction: [
    {
      permission: "leads.read",
      args: async ({ world }) => [null, form({ leadId: await world.anyLead(), body: `Matrix comment ${world.unique("c")}` })],
    },
  ],
  setFollowingAction: [
    {
      permission: "leads.read",
      args: async ({ actor, world }) => {
        const leadId = await world.anyLead();
        // Following changes something only when the actor did not follow yet.
        await db.leadFollower.deleteMany({ where: { leadId, userId: actor.id } });
        return [null, form({ leadId, follow: "on" })];
      },
    },
  ],
};

export const BULK_ACTION_CASES: Record<string, ActionCase[]> = {
  tagLeadsForReviewAction: [
    {
      permission: "review.tag",
      args: async ({ world }) => {
        // A fresh lead each time, so the tag is always new and leaves its audit row.
        const lead = await db.lead.create({
          data: { sourceSystem: "matrix", externalId: world.unique("matrix-bulk"), name: "Bea Bulk", capturedAt: new Date() },
          select: { id: true },
        });
        return [null, form({ leadIds: [lead.id], failurePoint: "slow_timing" })];
      },
    },
  ],
};
