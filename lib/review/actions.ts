"use server";
import "server-only";
import { revalidatePath } from "next/cache";
import { requireActionUser } from "@/lib/auth/session";
import { toWriteError, type WriteResult } from "@/lib/actions/result";
import {
  addAnnotation,
  deleteAnnotation,
  editAnnotation,
  removeFailureTag,
  setFailureTag,
  setReviewStatus,
  setRootCause,
} from "@/lib/review/mutations";

// Server actions of the side-by-side review. Authentication here; the side-specific permission checks
// live in the mutations (a note's side decides who may write it), so no caller can skip them.

function revalidateReviewPages() {
  revalidatePath("/review", "layout");
  revalidatePath("/meetings/[id]", "layout");
}

async function run<T>(write: (user: Awaited<ReturnType<typeof requireActionUser>>) => Promise<T>, message: string): Promise<WriteResult<T>> {
  try {
    const user = await requireActionUser("review.read");
    const data = await write(user);
    revalidateReviewPages();
    return { ok: true, data, message };
  } catch (error) {
    return toWriteError(error);
  }
}

export async function addNote(input: unknown) {
  return run(async (user) => (await addAnnotation(user, input)).id, "Note added.");
}

export async function editNote(input: unknown) {
  return run(async (user) => (await editAnnotation(user, input)).version, "Note saved.");
}

export async function deleteNote(input: unknown) {
  return run(async (user) => (await deleteAnnotation(user, input)).id, "Note removed.");
}

export async function tagFailurePoint(input: unknown) {
  return run(async (user) => (await setFailureTag(user, input)).version, "Tag saved.");
}

export async function untagFailurePoint(input: unknown) {
  return run(async (user) => {
    await removeFailureTag(user, input);
    return null;
  }, "Tag removed.");
}

export async function changeReviewStatus(input: unknown) {
  return run(async (user) => (await setReviewStatus(user, input)).version, "Review status saved.");
}

export async function saveRootCause(input: unknown) {
  return run(async (user) => (await setRootCause(user, input)).version, "Root cause saved.");
}
