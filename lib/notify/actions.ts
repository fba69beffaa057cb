"use server";
import "server-only";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define";
import type { ActionResult } from "@/lib/actions/result";
import { savePreferences } from "@/lib/notify/preferences";
import { markNotificationsRead } from "@/lib/notify/queries";

// One's own notices and choices: the user id always comes from the session, so nobody else's are touched.
const markReadSchema = z.union([z.literal("all"), z.array(z.number().int().positive()).max(200)], {
  error: "Choose the notices to mark as read.",
});

export const markNotificationsReadAction = defineAction({
  permission: "notifications.read",
  input: markReadSchema,
  write: async (user, ids) => {
    await markNotificationsRead(user.id, ids);
    return { data: null, message: "Marked as read." };
  },
});

export const savePreferencesAction = defineAction({
  permission: "notifications.read",
  revalidate: ["/settings/notifications"],
  write: async (user, _previous: ActionResult | null, formData: FormData) => {
    await savePreferences(user.id, formData);
    return { data: undefined, message: "Saved." };
  },
});
