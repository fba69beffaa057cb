"use server";
import "server-only";
import { defineAction, type ChangedPage } from "@/lib/actions/define";
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

const REVIEW_PAGES: ChangedPage[] = [
  ["/review", "layout"],
  ["/meetings/[id]", "layout"],
];
const review = { permission: "review.read", revalidate: REVIEW_PAGES } as const;

export const addNote = defineAction({
  ...review,
  write: async (user, input: unknown) => ({ data: (await addAnnotation(user, input)).id, message: "Note added." }),
});

export const editNote = defineAction({
  ...review,
  write: async (user, input: unknown) => ({ data: (await editAnnotation(user, input)).version, message: "Note saved." }),
});

export const deleteNote = defineAction({
  ...review,
  write: async (user, input: unknown) => ({ data: (await deleteAnnotation(user, input)).id, message: "Note removed." }),
});

export const tagFailurePoint = defineAction({
  ...review,
  write: async (user, input: unknown) => ({ data: (await setFailureTag(user, input)).version, message: "Tag saved." }),
});

export const untagFailurePoint = defineAction({
  ...review,
  write: async (user, input: unknown) => {
    await removeFailureTag(user, input);
    return { data: null, message: "Tag removed." };
  },
});

export const changeReviewStatus = defineAction({
  ...review,
  write: async (user, input: unknown) => ({ data: (await setReviewStatus(user, input)).version, message: "Review status saved." }),
});

export const saveRootCause = defineAction({
  ...review,
  write: async (user, input: unknown) => ({ data: (await setRootCause(user, input)).version, message: "Root cause saved." }),
});
