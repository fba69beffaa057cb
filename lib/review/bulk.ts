import "server-only";
import { authorize, type Actor } from "@/lib/actions/authorize";
import { parseInput } from "@/lib/actions/input";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { bulkTagSchema } from "@/lib/review/bulk-schemas";
import { setFailureTag } from "@/lib/review/mutations";

// Several leads tagged with one failure point for the review board: each through the single-lead tag
// (its checks, its transaction, its one audit row). A lead already tagged so is left as it is; a lead
// the tag refuses is named, and the others are still tagged.

export async function tagLeadsForReview(actor: Actor, input: unknown) {
  authorize(actor, "review.tag");
  const { leadIds, failurePoint } = parseInput(bulkTagSchema, input, "Some fields need attention. No lead was tagged.");
  const unique = [...new Set(leadIds)];
  const existing = await db.leadFailureTag.findMany({ where: { leadId: { in: unique }, failurePoint }, select: { leadId: true } });
  const already = new Set(existing.map((tag) => tag.leadId));
  let tagged = 0;
  const refused: { leadId: number; message: string }[] = [];
  for (const leadId of unique.filter((id) => !already.has(id))) {
    try {
      await setFailureTag(actor, { leadId, failurePoint, verdict: "failure" });
      tagged++;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refused.push({ leadId, message: error.message });
    }
  }
  return { tagged, alreadyTagged: already.size, refused };
}
