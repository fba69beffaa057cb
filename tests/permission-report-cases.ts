import { db } from "@/lib/db";
import type { ActionCase } from "@/tests/permission-cases";
import { form } from "@/tests/permission-action-cases";

// Cases for the handoff report's fix proposal and the objection definitions (their own action modules).

const DAY_MS = 86_400_000;
const day = (date: Date, offset: number) => new Date(date.getTime() + offset * DAY_MS).toISOString().slice(0, 10);

export const REPORT_ACTION_CASES: Record<string, ActionCase[]> = {
  proposeFixFromFinding: [
    {
      permission: "fixes.propose",
      args: async ({ actor, world }) => {
        // A finding with at least one lead behind it: any lead, failing slow timing, in its own source.
        const lead = await db.lead.update({
          where: { id: await world.anyLead() },
          data: { failurePoints: ["slow_timing"] },
          select: { capturedAt: true, originalSource: true },
        });
        return [
          {
            from: day(lead.capturedAt, -1),
            to: day(lead.capturedAt, 1),
            failurePoint: "slow_timing",
            where: [{ dimension: "source", value: lead.originalSource }],
          },
          {
            title: world.unique("Route after hours"),
            fixType: "routing_rule",
            description: "Route Enterprise leads captured after 17:00 to the on-call rep, and notify them.",
            expectedMetric: "lead_to_owner_time",
            ownerId: actor.id,
            dueDate: "2030-02-28",
          },
        ];
      },
    },
  ],
};

export const OBJECTION_ACTION_CASES: Record<string, ActionCase[]> = {
  addObjection: [
    {
      permission: "definitions.edit",
      args: async ({ world }) => [
        null,
        form({ code: world.unique("matrix_objection"), label: "Budget frozen", active: "on", sortOrder: 50 }),
      ],
    },
  ],
  saveObjection: [
    {
      permission: "definitions.edit",
      args: async ({ world }) => {
        const created = await db.objection.create({ data: { code: world.unique("matrix_objection"), label: "Timing", sortOrder: 60 } });
        return [null, form({ id: created.id, version: created.version, label: "Timing: next quarter", active: "on", sortOrder: 61 })];
      },
    },
  ],
};
