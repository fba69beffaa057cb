"use server";
import "server-only";
import { defineAction } from "@/lib/actions/define";
import type { ActionResult } from "@/lib/actions/result";
import { addComment, setFollowing } from "@/lib/lead-comments/mutations";
import { conversationFormValues } from "@/lib/lead-comments/schemas";

// Comments and following on the lead page: everyone who reads leads may take part.

export const addCommentAction = defineAction({
  permission: "leads.read",
  write: async (user, _previous: ActionResult | null, formData: FormData) => {
    const saved = await addComment(user, conversationFormValues(formData));
    const told = saved.mentioned.length ? ` ${saved.mentioned.map((person) => person.name).join(", ")} will be notified.` : "";
    return { data: undefined, message: `Comment added.${told}`, revalidate: [`/leads/${saved.lead.id}`] };
  },
});

export const setFollowingAction = defineAction({
  permission: "leads.read",
  write: async (user, _previous: ActionResult | null, formData: FormData) => {
    const values = conversationFormValues(formData);
    const { following } = await setFollowing(user.id, values);
    return {
      data: undefined,
      message: following ? "Following: you will hear of its decisions and comments." : "No longer following.",
      revalidate: [`/leads/${String(values.leadId)}`],
    };
  },
});
