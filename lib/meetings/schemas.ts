import { z } from "zod";
import { AGENDA_STRATEGIES, MAX_AGENDA_ITEMS } from "@/lib/meetings/agenda";
import { isLocalDateTime } from "@/lib/meetings/schedule";
import { MEETING_DECISIONS } from "@/lib/meetings/tally";
import { recordId, version } from "@/lib/actions/input";

// What a valid meeting write is, shared by the forms, the server actions and the mutations.

const title = z
  .string({ error: "Give the meeting a title." })
  .trim()
  .min(3, "Give the meeting a title (at least 3 characters).")
  .max(120, "Keep the title under 120 characters.");
const scheduledFor = z.string({ error: "Choose the date and time." }).refine(isLocalDateTime, "Choose the date and time of the meeting.");
const attendeeIds = z
  .array(recordId("attendee"), { error: "Choose the attendees." })
  .max(100, "Invite at most 100 people.")
  .transform((ids) => [...new Set(ids)]);
const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());

export const meetingCreateSchema = z.object({
  title,
  scheduledFor,
  attendeeIds,
  strategy: z.enum(AGENDA_STRATEGIES, { error: "Choose how to build the agenda." }),
  size: z.coerce
    .number({ error: `Enter how many leads, from 1 to ${MAX_AGENDA_ITEMS}.` })
    .int(`Enter how many leads, from 1 to ${MAX_AGENDA_ITEMS}.`)
    .min(1, `Enter how many leads, from 1 to ${MAX_AGENDA_ITEMS}.`)
    .max(MAX_AGENDA_ITEMS, `Enter how many leads, from 1 to ${MAX_AGENDA_ITEMS}.`),
  onlyToReview: checkbox,
  /** The review board's address parameters the agenda is built from. */
  board: z.string().max(4000).default(""),
});

export const meetingUpdateSchema = z.object({ id: recordId("meeting"), version, title, scheduledFor, attendeeIds });
export const meetingStateSchema = z.object({ id: recordId("meeting"), version });
export const agendaMoveSchema = z.object({
  meetingId: recordId("meeting"),
  itemId: recordId("agenda item"),
  direction: z.enum(["up", "down"]),
  version,
});
export const agendaRemoveSchema = z.object({ meetingId: recordId("meeting"), itemId: recordId("agenda item"), version });
export const goToItemSchema = z.object({ meetingId: recordId("meeting"), itemId: recordId("agenda item") });

export const decisionSchema = z.object({
  itemId: recordId("agenda item"),
  version,
  decision: z.preprocess((value) => (value === "" ? null : value), z.enum(MEETING_DECISIONS, { error: "Choose a decision." }).nullable()),
  note: z
    .string()
    .trim()
    .max(1000, "Keep the note under 1,000 characters.")
    .optional()
    .transform((value) => value || null),
});

export type MeetingCreateInput = z.input<typeof meetingCreateSchema>;

/** Leads chosen on a list, appended to a planned or running meeting's agenda. */
export const agendaAddSchema = z.object({
  meetingId: z.coerce
    .number({ error: "Choose the meeting to add them to." })
    .int("Choose the meeting to add them to.")
    .min(1, "Choose the meeting to add them to.")
    .max(2 ** 31 - 1),
  leadIds: z
    .array(recordId("lead"))
    .min(1, "Select at least one lead.")
    .max(MAX_AGENDA_ITEMS, `Add up to ${MAX_AGENDA_ITEMS} leads at a time.`)
    .transform((ids) => [...new Set(ids)]),
});

export function agendaAddFormValues(formData: FormData) {
  return { meetingId: formData.get("meetingId") || undefined, leadIds: formData.getAll("leadIds") };
}
