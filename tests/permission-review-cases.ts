// Matrix cases for the side-by-side review, fixes and meetings (their actions take one input object).
// The review actions let every reader in and check the note's side or the tag permission inside the
// mutation, so those cases name both actions of the table.
import type { ActionCase } from "@/tests/permission-cases";
import { form } from "@/tests/permission-action-cases";

const SIDES = ["marketing", "sales"] as const;
const SIDE_ACTION = { marketing: "review.annotate_marketing", sales: "review.annotate_sales" } as const;

/** One case per side: who may write a note depends on the note's side, not on the action. */
function perSide(build: (side: (typeof SIDES)[number]) => ActionCase["args"]): ActionCase[] {
  return SIDES.map((side) => ({ variant: `${side} side`, permission: ["review.read", SIDE_ACTION[side]], args: build(side) }));
}

export const REVIEW_ACTION_CASES: Record<string, ActionCase[]> = {
  addNote: perSide((side) => async ({ world }) => [
    { leadId: await world.anyLead(), side, body: "The form never asked for company size." },
  ]),
  editNote: perSide((side) => async ({ world }) => {
    const note = await world.note(side);
    return [{ id: note.id, version: note.version, body: "The form never asked for company size or budget." }];
  }),
  deleteNote: perSide((side) => async ({ world }) => {
    const note = await world.note(side);
    return [{ id: note.id, version: note.version }];
  }),
  tagFailurePoint: [
    {
      permission: ["review.read", "review.tag"],
      args: async ({ world }) => [
        { leadId: await world.anyLead(), failurePoint: "missing_context", verdict: "failure", note: "No buyer message reached sales." },
      ],
    },
  ],
  untagFailurePoint: [
    {
      permission: ["review.read", "review.tag"],
      args: async ({ world }) => [await world.failureTag()],
    },
  ],
  changeReviewStatus: [
    {
      permission: ["review.read", "review.tag"],
      args: async ({ world }) => [{ leadId: await world.anyLead(), status: "reviewed", version: 0 }],
    },
  ],
  saveRootCause: [
    {
      permission: ["review.read", "review.tag"],
      args: async ({ world }) => [
        { leadId: await world.anyLead(), rootCause: "unclear_owner", note: "Round robin skipped the queue.", version: 0 },
      ],
    },
  ],
};

const FIX_FIELDS = {
  fixType: "field_mapping",
  description: "Map the form's company size field to the CRM's employee count.",
  failurePoint: "missing_context",
  expectedMetric: "rejection_reason_quality",
  dueDate: "2030-02-28",
};

export const FIX_ACTION_CASES: Record<string, ActionCase[]> = {
  proposeFix: [
    {
      permission: "fixes.propose",
      args: async ({ actor, world }) => [
        { ...FIX_FIELDS, title: world.unique("Map company size"), ownerId: actor.id, leadIds: [await world.anyLead()] },
      ],
    },
  ],
  saveFix: [
    {
      permission: "fixes.propose",
      args: async ({ actor, world }) => {
        const fix = await world.fix();
        return [
          {
            ...FIX_FIELDS,
            id: fix.id,
            version: fix.version,
            title: "Map company size (revised)",
            ownerId: actor.id,
            status: "in_progress",
          },
        ];
      },
    },
  ],
  changeFixStatus: [
    {
      permission: "fixes.propose",
      args: async ({ world }) => {
        const fix = await world.fix();
        return [{ id: fix.id, version: fix.version, status: "done" }];
      },
    },
  ],
  citeLeadOnFix: [
    { permission: "fixes.propose", args: async ({ world }) => [{ fixId: (await world.fix()).id, leadId: await world.anyLead() }] },
  ],
  removeLeadFromFix: [
    {
      permission: "fixes.propose",
      args: async ({ world }) => {
        const fix = await world.fix(2);
        return [{ fixId: fix.id, leadId: fix.leadIds[0] }];
      },
    },
  ],
};

export const MEETING_ACTION_CASES: Record<string, ActionCase[]> = {
  planMeeting: [
    {
      permission: "meetings.manage",
      args: async ({ actor, world }) => [
        {
          title: world.unique("Handoff review"),
          scheduledFor: "2030-03-11T10:00",
          attendeeIds: [actor.id],
          strategy: "most_severe",
          size: 3,
          onlyToReview: false,
          board: world.board,
        },
      ],
    },
  ],
  saveMeetingDetails: [
    {
      permission: "meetings.manage",
      args: async ({ actor, world }) => {
        const meeting = await world.meeting();
        return [
          {
            id: meeting.id,
            version: meeting.version,
            title: "Handoff review (moved)",
            scheduledFor: "2030-03-12T11:30",
            attendeeIds: [actor.id],
          },
        ];
      },
    },
  ],
  moveItem: [
    {
      permission: "meetings.manage",
      args: async ({ world }) => {
        const meeting = await world.meeting();
        return [{ meetingId: meeting.id, itemId: meeting.itemIds[1], direction: "up", version: meeting.version }];
      },
    },
  ],
  addToAgenda: [
    {
      permission: "meetings.manage",
      args: async ({ world }) => {
        const meeting = await world.meeting();
        const lead = await world.decidableLead(world.admin);
        return [null, form({ meetingId: meeting.id, leadIds: [lead.id] })];
      },
    },
  ],
  removeItem: [
    {
      permission: "meetings.manage",
      args: async ({ world }) => {
        const meeting = await world.meeting();
        return [{ meetingId: meeting.id, itemId: meeting.itemIds[0], version: meeting.version }];
      },
    },
  ],
  beginMeeting: [
    {
      permission: "meetings.manage",
      args: async ({ world }) => {
        const meeting = await world.meeting();
        return [{ id: meeting.id, version: meeting.version }];
      },
    },
  ],
  finishMeeting: [
    {
      permission: "meetings.manage",
      args: async ({ world }) => {
        const meeting = await world.meeting({ running: true });
        return [{ id: meeting.id, version: meeting.version }];
      },
    },
  ],
  presentItem: [
    {
      permission: "meetings.manage",
      args: async ({ world }) => {
        const meeting = await world.meeting({ running: true });
        return [{ meetingId: meeting.id, itemId: meeting.itemIds[1] }];
      },
    },
  ],
  decideItem: [
    {
      permission: "review.tag",
      args: async ({ world }) => {
        const meeting = await world.meeting({ running: true });
        return [{ itemId: meeting.itemIds[0], version: 0, decision: "needs_more_data", note: "Ask RevOps for the routing log." }];
      },
    },
  ],
};
