"use server";
import "server-only";
import { z } from "zod";
import { requireActionUser } from "@/lib/auth/session";
import { revalidatePath } from "next/cache";
import { toActionError, type ActionResult } from "@/lib/errors";
import { savePreferences } from "@/lib/notify/preferences";
import { markNotificationsRead } from "@/lib/notify/queries";
import { toWriteError, type WriteResult } from "@/lib/actions/result";

// Marking one's own notices read: nobody else's can be touched (the user id comes from the session).
const markReadSchema = z.union([z.literal("all"), z.array(z.number().int().positive()).max(200)]);

export async function markNotificationsReadAction(input: unknown): Promise<WriteResult<null>> {
  try {
    const user = await requireActionUser("notifications.read");
    const ids = markReadSchema.parse(input);
    await markNotificationsRead(user.id, ids);
    return { ok: true, data: null, message: "Marked as read." };
  } catch (error) {
    return toWriteError(error);
  }
}

export async function savePreferencesAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  try {
    const user = await requireActionUser("notifications.read");
    await savePreferences(user.id, formData);
  } catch (error) {
    return toActionError(error);
  }
  revalidatePath("/settings/notifications");
  return { ok: true, data: undefined, message: "Saved." };
}
