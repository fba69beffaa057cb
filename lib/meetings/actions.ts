"use server";
import "server-only";
import { defineAction, type ChangedPage } from "@/lib/actions/define";
import { decideAgendaItem } from "@/lib/meetings/decisions";
import { addLeadsToAgenda } from "@/lib/meetings/agenda-add";
import {
  createMeeting,
  endMeeting,
  goToAgendaItem,
  moveAgendaItem,
  removeAgendaItem,
  startMeeting,
  updateMeeting,
} from "@/lib/meetings/mutations";
import { agendaAddFormValues } from "@/lib/meetings/schemas";

// Server actions of the meetings pages: authenticate and authorize, write (mutations.ts, decisions.ts),
// revalidate. Everyone else on the meeting picks the change up through the polled stamp.

function meetingPages(id: number): ChangedPage[] {
  return ["/meetings", [`/meetings/${id}`, "layout"], ["/review", "layout"]];
}

const manage = { permission: "meetings.manage" } as const;

/** Creates the meeting and opens it; on a refusal the form shows why and keeps its values. */
export const planMeeting = defineAction({
  ...manage,
  write: async (user, input: unknown) => {
    const { id } = await createMeeting(user, input);
    return { data: undefined, revalidate: ["/meetings"], redirectTo: `/meetings/${id}` };
  },
});

export const saveMeetingDetails = defineAction({
  ...manage,
  write: async (user, input: unknown) => {
    const meeting = await updateMeeting(user, input);
    return { data: meeting.version, message: "Meeting details saved.", revalidate: meetingPages(meeting.id) };
  },
});

/** From a list's selection: the leads join a coming meeting's agenda, after what is there. */
export const addToAgenda = defineAction({
  ...manage,
  write: async (user, _previous: unknown, formData: FormData) => {
    const { meeting, added, alreadyOn } = await addLeadsToAgenda(user, agendaAddFormValues(formData));
    const leads = (n: number) => `${n} ${n === 1 ? "lead" : "leads"}`;
    const already = alreadyOn ? ` (${leads(alreadyOn)} already on it)` : "";
    return {
      data: { meetingId: meeting.id },
      message: added
        ? `Added ${leads(added)} to the agenda of “${meeting.title}”${already}.`
        : alreadyOn
          ? `Nothing added: the ${leads(alreadyOn)} are already on the agenda of “${meeting.title}”.`
          : "Nothing added: the selected leads no longer exist.",
      revalidate: meetingPages(meeting.id),
    };
  },
});

export const moveItem = defineAction({
  ...manage,
  write: async (user, input: unknown) => {
    const meeting = await moveAgendaItem(user, input);
    return { data: meeting.version, message: "Agenda reordered.", revalidate: meetingPages(meeting.id) };
  },
});

export const removeItem = defineAction({
  ...manage,
  write: async (user, input: unknown) => {
    const meeting = await removeAgendaItem(user, input);
    return { data: meeting.version, message: "Removed from the agenda.", revalidate: meetingPages(meeting.id) };
  },
});

export const beginMeeting = defineAction({
  ...manage,
  write: async (user, input: unknown) => {
    const { id } = await startMeeting(user, input);
    return { data: undefined, revalidate: meetingPages(id), redirectTo: `/meetings/${id}/present` };
  },
});

export const finishMeeting = defineAction({
  ...manage,
  write: async (user, input: unknown) => {
    const { id } = await endMeeting(user, input);
    return { data: undefined, revalidate: meetingPages(id), redirectTo: `/meetings/${id}/summary` };
  },
});

export const presentItem = defineAction({
  ...manage,
  write: async (user, input: unknown) => {
    const meeting = await goToAgendaItem(user, input);
    return { data: meeting.currentItemId, message: "Moved on.", revalidate: meetingPages(meeting.id) };
  },
});

export const decideItem = defineAction({
  permission: "review.tag",
  write: async (user, input: unknown) => {
    const item = await decideAgendaItem(user, input);
    return { data: item.version, message: "Decision saved.", revalidate: meetingPages(item.meetingId) };
  },
});
