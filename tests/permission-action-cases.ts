// Matrix cases for the queue's decisions, the users and account pages, the lead page, tokens and the demo
// (the definitions page's are in permission-definition-cases.ts). Each
// builds the arguments its form sends, valid for the acting user (see tests/permission-cases.ts).
import { startSession } from "@/lib/auth/sessions";
import { createApiToken } from "@/lib/tokens/store";
import { db } from "@/lib/db";
import type { ActionCase } from "@/tests/permission-cases";

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
