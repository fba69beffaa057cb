"use server";
import "server-only";
import { defineAction } from "@/lib/actions/define";
import type { ActionResult } from "@/lib/actions/result";
import { FAILURE_POINT_LABELS } from "@/lib/diagnosis/labels";
import { tagLeadsForReview } from "@/lib/review/bulk";
import { bulkTagFormValues } from "@/lib/review/bulk-schemas";

// Bulk actions of the lead lists (lib/review/bulk.ts): the review tag's own permission, checked again per lead.

export const tagLeadsForReviewAction = defineAction({
  permission: "review.tag",
  revalidate: ["/leads", "/flagged", ["/review", "layout"]],
  write: async (user, _previous: ActionResult | null, formData: FormData) => {
    const values = bulkTagFormValues(formData);
    const result = await tagLeadsForReview(user, values);
    const label = FAILURE_POINT_LABELS[values.failurePoint as keyof typeof FAILURE_POINT_LABELS] ?? "the failure point";
    const parts = [
      `Tagged ${result.tagged} ${result.tagged === 1 ? "lead" : "leads"} “${label}” for the review board.`,
      result.alreadyTagged ? `${result.alreadyTagged} already had that tag.` : "",
      result.refused.length ? `Not tagged: lead ${result.refused.map((item) => `${item.leadId} (${item.message})`).join(", ")}.` : "",
    ];
    return { data: undefined, message: parts.filter(Boolean).join(" ") };
  },
});
