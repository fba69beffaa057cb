// Matrix cases for the queue's decisions, the definitions page and the users and account pages. Each
// builds the arguments its form sends, valid for the acting user (see tests/permission-cases.ts).
import { startSession } from "@/lib/auth/sessions";
import { createApiToken } from "@/lib/tokens/store";
import { formatClockTime } from "@/lib/definitions/schemas";
import { db } from "@/lib/db";
import type { ActionCase, CaseContext } from "@/tests/permission-cases";

/** FormData from plain fields; arrays become repeated fields, as checkboxes and list inputs post them. */
export function form(fields: Record<string, string | number | readonly (string | number)[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) data.append(name, String(item));
  }
  return data;
}

const inTwoDays = () => new Date(Date.now() + 2 * 86_400_000).toISOString();
const SPECIFIC_DETAIL = "They have three employees; our floor is two hundred seats.";

// ---- Queue and inbox (lib/decisions/actions.ts): (leadId, input) ---------------------------------------

export const DECISION_ACTION_CASES: Record<string, ActionCase[]> = {
  acceptLeadAction: [
    {
      permission: "leads.decide",
      args: async ({ actor, world }) => {
        const lead = await world.decidableLead(actor);
        return [
          lead.id,
          {
            version: lead.version,
            criteria: lead.criteria,
            firstAction: "call",
            firstActionNote: "Left a voicemail",
            nextAction: "Call back",
            nextActionDueAt: inTwoDays(),
          },
        ];
      },
    },
  ],
  rejectLeadAction: [
    {
      permission: "leads.decide",
      args: async ({ actor, world }) => {
        const lead = await world.decidableLead(actor);
        return [
          lead.id,
          { version: lead.version, criteria: lead.criteria, reasonCode: "not_icp", detail: SPECIFIC_DETAIL, recycleSuggested: "on" },
        ];
      },
    },
  ],
  requestLeadInfoAction: [
    {
      permission: "leads.decide",
      args: async ({ actor, world }) => {
        const lead = await world.decidableLead(actor);
        return [lead.id, { version: lead.version, question: "Which offer did they download before the demo form?" }];
      },
    },
  ],
  logFirstActionAction: [
    {
      permission: "leads.log_activity",
      args: async ({ actor, world }) => {
        const lead = await world.acceptedLeadOwnedBy(actor);
        return [
          lead.id,
          {
            version: lead.version,
            channel: "email",
            note: "Sent the case study",
            nextAction: "Follow up by phone",
            nextActionDueAt: inTwoDays(),
          },
        ];
      },
    },
  ],
  reassignLeadAction: [
    {
      permission: "leads.reassign",
      args: async ({ actor, world }) => {
        const { lead, ownerId } = await world.reassignment(actor);
        return [lead.id, { version: lead.version, ownerId, reason: "Riley is out until Monday" }];
      },
    },
  ],
  answerInfoRequestAction: [
    {
      permission: "info_requests.answer",
      args: async ({ world }) => {
        const lead = await world.leadWithOpenQuestion();
        return [lead.id, { version: lead.version, answer: "The ROI calculator, enterprise edition." }];
      },
    },
  ],
};

// ---- Definitions (lib/definitions/actions.ts): (previousState, formData) -------------------------------

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

// ---- Users and account (lib/users/actions.ts): (previousState, formData) -------------------------------

const KNOWN_PASSWORD = "matrix-known-password-1";

export const USER_ACTION_CASES: Record<string, ActionCase[]> = {
  inviteUserAction: [
    {
      permission: "users.manage",
      args: async ({ world }) => [
        null,
        form({ name: "Nina Invited", email: `${world.unique("invitee")}@example.com`, role: "viewer", teamId: "" }),
      ],
    },
  ],
  changeUserRoleAction: [
    { permission: "users.manage", args: async ({ world }) => [null, form({ userId: await world.throwawayUser(), role: "marketing" })] },
  ],
  setUserActiveAction: [
    { permission: "users.manage", args: async ({ world }) => [null, form({ userId: await world.throwawayUser(), active: "false" })] },
  ],
  mergePersonAction: [
    {
      permission: "users.manage",
      args: async ({ world }) => [null, form({ userId: await world.throwawayCrmPerson(), intoUserId: await world.throwawayUser() })],
    },
  ],
  signOutUserEverywhereAction: [
    { permission: "users.manage", args: async ({ world }) => [null, form({ userId: await world.throwawayUser() })] },
  ],
  revokeUserSessionAction: [
    {
      permission: "users.manage",
      args: async ({ world }) => {
        const userId = await world.throwawayUser();
        const sessionId = await startSession(
          { id: userId, email: "target@example.com", sessionVersion: 0 },
          "password",
          { ip: "203.0.113.9", userAgent: "matrix" },
          3600,
        );
        return [null, form({ userId: String(userId), sessionId })];
      },
    },
  ],
  resetUserPasswordAction: [
    { permission: "users.manage", args: async ({ world }) => [null, form({ userId: await world.throwawayUser() })] },
  ],
  changeOwnPasswordAction: [
    {
      permission: "account.manage",
      args: async ({ actor, world }) => {
        await world.setPassword(actor.id, KNOWN_PASSWORD);
        return [
          null,
          form({ currentPassword: KNOWN_PASSWORD, newPassword: "a-brand-new-password-2", confirmPassword: "a-brand-new-password-2" }),
        ];
      },
    },
  ],
  signOutEverywhereAction: [{ permission: "account.manage", args: async () => [] }],
};

// ---- The lead page (lib/leads/actions.ts): (previousState, formData) ------------------------------------

export const LEAD_ACTION_CASES: Record<string, ActionCase[]> = {
  eraseLeadAction: [
    {
      permission: "leads.erase",
      args: async ({ world }) => {
        const lead = await db.lead.create({
          data: { sourceSystem: "matrix", externalId: world.unique("matrix-erase-page"), name: "Erin Erasable", capturedAt: new Date() },
          select: { id: true },
        });
        return [null, form({ leadId: lead.id })];
      },
    },
  ],
};

// ---- API tokens (lib/tokens/actions.ts): (previousState, formData) -------------------------------------

export const TOKEN_ACTION_CASES: Record<string, ActionCase[]> = {
  createTokenAction: [
    { permission: "tokens.manage", args: async ({ world }) => [null, form({ name: world.unique("HubSpot sync"), scope: "write" })] },
  ],
  revokeTokenAction: [
    {
      permission: "tokens.manage",
      args: async ({ world }) => [
        null,
        form({ id: (await createApiToken({ name: world.unique("Old sync"), scope: "read", userId: world.admin.id })).id }),
      ],
    },
  ],
};

// ---- The demo workspace (lib/demo/actions.ts): (previousState) ------------------------------------------

export const DEMO_ACTION_CASES: Record<string, ActionCase[]> = {
  // The matrix runs on the demo: an admin's call regenerates its leads, which later cases claim afresh.
  refreshDemoAction: [{ permission: "demo.refresh", args: async () => [null] }],
};
