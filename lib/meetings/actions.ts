"use server";
import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActionUser } from "@/lib/auth/session";
import type { Action } from "@/lib/auth/permissions";
import { decideAgendaItem } from "@/lib/meetings/decisions";
import {
  createMeeting,
  endMeeting,
  goToAgendaItem,
  moveAgendaItem,
  removeAgendaItem,
  startMeeting,
  updateMeeting,
} from "@/lib/meetings/mutations";
import { toWriteError, type WriteResult } from "@/lib/actions/result";

// Server actions of the meetings pages: authenticate and authorize, write (mutations.ts, decisions.ts),
// revalidate. Everyone else on the meeting picks the change up through the polled stamp.

function revalidateMeeting(id: number) {
  revalidatePath("/meetings");
  revalidatePath(`/meetings/${id}`, "layout");
  revalidatePath("/review", "layout");
}

async function run<T>(action: Action, write: (user: Awaited<ReturnType<typeof requireActionUser>>) => Promise<{ meetingId: number; data: T }>, message: string): Promise<WriteResult<T>> {
  try {
    const user = await requireActionUser(action);
    const { meetingId, data } = await write(user);
    revalidateMeeting(meetingId);
    return { ok: true, data, message };
  } catch (error) {
    return toWriteError(error);
  }
}

/** Creates the meeting and opens it; on a refusal the form shows why and keeps its values. */
export async function planMeeting(input: unknown): Promise<WriteResult> {
  let id: number;
  try {
    const user = await requireActionUser("meetings.manage");
    id = (await createMeeting(user, input)).id;
  } catch (error) {
    return toWriteError(error);
  }
  revalidatePath("/meetings");
  redirect(`/meetings/${id}`);
}

export async function saveMeetingDetails(input: unknown) {
  return run("meetings.manage", async (user) => {
    const meeting = await updateMeeting(user, input);
    return { meetingId: meeting.id, data: meeting.version };
  }, "Meeting details saved.");
}

export async function moveItem(input: unknown) {
  return run("meetings.manage", async (user) => {
    const meeting = await moveAgendaItem(user, input);
    return { meetingId: meeting.id, data: meeting.version };
  }, "Agenda reordered.");
}

export async function removeItem(input: unknown) {
  return run("meetings.manage", async (user) => {
    const meeting = await removeAgendaItem(user, input);
    return { meetingId: meeting.id, data: meeting.version };
  }, "Removed from the agenda.");
}

export async function beginMeeting(input: unknown): Promise<WriteResult> {
  let id: number;
  try {
    const user = await requireActionUser("meetings.manage");
    id = (await startMeeting(user, input)).id;
  } catch (error) {
    return toWriteError(error);
  }
  revalidateMeeting(id);
  redirect(`/meetings/${id}/present`);
}

export async function finishMeeting(input: unknown): Promise<WriteResult> {
  let id: number;
  try {
    const user = await requireActionUser("meetings.manage");
    id = (await endMeeting(user, input)).id;
  } catch (error) {
    return toWriteError(error);
  }
  revalidateMeeting(id);
  redirect(`/meetings/${id}/summary`);
}

export async function presentItem(input: unknown) {
  return run("meetings.manage", async (user) => {
    const meeting = await goToAgendaItem(user, input);
    return { meetingId: meeting.id, data: meeting.currentItemId };
  }, "Moved on.");
}

export async function decideItem(input: unknown) {
  return run("review.tag", async (user) => {
    const item = await decideAgendaItem(user, input);
    return { meetingId: item.meetingId, data: item.version };
  }, "Decision saved.");
}
