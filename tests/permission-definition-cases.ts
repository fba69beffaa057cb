// Matrix cases for the definitions page: each builds the form its editor posts, valid for the acting user
// and a real change each time (see tests/permission-cases.ts).
import { formatClockTime } from "@/lib/definitions/schemas";
import { db } from "@/lib/db";
import { form } from "@/tests/permission-action-cases";
import type { ActionCase, CaseContext } from "@/tests/permission-cases";

async function prioritySlaForm(): Promise<FormData> {
  const row = await db.prioritySla.findUniqueOrThrow({ where: { priority: "p3" } });
  // A real change each time: the owner SLA moves between two valid values.
  const ownerSlaAmount = row.ownerSlaAmount >= 9_000 ? row.ownerSlaAmount - 1 : row.ownerSlaAmount + 1;
  return form({
    priority: "p3",
    version: row.version,
    ownerSlaAmount,
    ownerSlaUnit: row.ownerSlaUnit,
    decisionSlaAmount: row.decisionSlaAmount,
    decisionSlaUnit: row.decisionSlaUnit,
    firstActionSlaAmount: row.firstActionSlaAmount,
    firstActionSlaUnit: row.firstActionSlaUnit,
  });
}

async function workspaceSettingsForm(): Promise<FormData> {
  const row = await db.workspaceSettings.findUniqueOrThrow({ where: { id: 1 } });
  return form({
    version: row.version,
    timeZone: row.timeZone,
    workdayStart: formatClockTime(row.workdayStartMinute),
    workdayEnd: formatClockTime(row.workdayEndMinute),
    workingDays: row.workingDays,
    weekStartsOn: row.weekStartsOn,
    duplicateWindowDays: row.duplicateWindowDays,
    stallWindowDays: row.stallWindowDays === 7 ? 8 : 7,
    reassignmentWarnCount: row.reassignmentWarnCount,
    outcomeWindowDays: row.outcomeWindowDays,
    minimumSpecificDetailLength: row.minimumSpecificDetailLength,
    inboundSources: row.inboundSources.join(","),
  });
}

async function leadTypeForm({ world }: CaseContext): Promise<FormData> {
  const key = world.unique("matrix_type");
  const created = await db.leadType.create({
    data: {
      key,
      name: "Partner referral",
      intent: "high",
      priority: "p2",
      acceptanceCriteria: [{ id: "budget_confirmed", label: "Budget confirmed" }],
    },
  });
  return form({
    id: created.id,
    version: created.version,
    name: "Partner referral (renamed)",
    intent: "medium",
    priority: "p2",
    active: "on",
    criterionId: "budget_confirmed",
    criterionLabel: "Budget confirmed",
  });
}

async function rejectionReasonForm({ world }: CaseContext): Promise<FormData> {
  const created = await db.rejectionReason.create({
    data: { code: world.unique("matrix_reason"), label: "Bought elsewhere", sortOrder: 90 },
  });
  return form({
    id: created.id,
    version: created.version,
    label: "Bought a competitor's product",
    requiresDetail: "on",
    detailPrompt: "Which product?",
    active: "on",
    sortOrder: 91,
  });
}

/** A new team with its own holidays, saved from version 0 (no calendar yet). */
async function teamHolidaysForm(name: string) {
  const team = await db.team.create({ data: { name }, select: { id: true } });
  return form({ teamId: team.id, version: 0, ownCalendar: "on", holidays: "2026-12-25\n2027-01-01" });
}

export const DEFINITION_ACTION_CASES: Record<string, ActionCase[]> = {
  savePrioritySla: [{ permission: "definitions.edit", args: async () => [null, await prioritySlaForm()] }],
  previewPrioritySla: [
    {
      permission: "definitions.edit",
      args: async () => [await prioritySlaForm()],
      unaudited: "A preview: it re-judges the recent leads in memory and changes nothing.",
    },
  ],
  saveWorkspaceSettings: [{ permission: "definitions.edit", args: async () => [null, await workspaceSettingsForm()] }],
  saveTeamHolidays: [
    { permission: "definitions.edit", args: async ({ world }) => [null, await teamHolidaysForm(world.unique("Matrix team"))] },
  ],
  previewTeamHolidays: [
    {
      permission: "definitions.edit",
      args: async ({ world }) => [await teamHolidaysForm(world.unique("Matrix team"))],
      unaudited: "A preview: it re-judges the recent leads in memory and changes nothing.",
    },
  ],
  previewRejectionReason: [
    {
      permission: "definitions.edit",
      args: async (context) => [await rejectionReasonForm(context)],
      unaudited: "A preview: it re-judges the recent leads in memory and changes nothing.",
    },
  ],
  previewLeadType: [
    {
      permission: "definitions.edit",
      args: async (context) => [await leadTypeForm(context)],
      unaudited: "A preview: it re-judges the recent leads in memory and changes nothing.",
    },
  ],
  previewWorkspaceSettings: [
    {
      permission: "definitions.edit",
      args: async () => [await workspaceSettingsForm()],
      unaudited: "A preview: it re-judges the recent leads in memory and changes nothing.",
    },
  ],
  addLeadType: [
    {
      permission: "definitions.edit",
      args: async ({ world }) => [
        null,
        form({
          key: world.unique("matrix_new_type"),
          name: "Chat request",
          intent: "high",
          priority: "p1",
          active: "on",
          criterionId: "",
          criterionLabel: "Named a use case",
        }),
      ],
    },
  ],
  saveLeadType: [{ permission: "definitions.edit", args: async (context) => [null, await leadTypeForm(context)] }],
  addRejectionReason: [
    {
      permission: "definitions.edit",
      args: async ({ world }) => [
        null,
        form({
          code: world.unique("matrix_new_reason"),
          label: "Wrong region",
          requiresDetail: "on",
          detailPrompt: "Which region?",
          active: "on",
          sortOrder: 95,
        }),
      ],
    },
  ],
  saveRejectionReason: [{ permission: "definitions.edit", args: async (context) => [null, await rejectionReasonForm(context)] }],
};
