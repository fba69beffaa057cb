"use server";
import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { pool } from "@/lib/db";
import { requireActionUser } from "@/lib/auth/session";
import { FAILURE_POINTS } from "@/lib/diagnosis/vocabulary";
import { createFix } from "@/lib/fixes/mutations";
import { MAX_EVIDENCE_LEADS } from "@/lib/fixes/schemas";
import { loadDashboardContext } from "@/lib/metrics/context";
import { targetWhereSchema } from "@/lib/lead-set/dimensions";
import { findExampleLeadIds } from "@/lib/report/queries";
import { toWriteError, type WriteResult } from "@/lib/actions/result";
import { ValidationError } from "@/lib/errors";

// A report finding becomes a proposed fix: its failing leads (the most severe first, up to the evidence
// limit) are the fix's evidence, and the finding's group is stored as the fix's target, so the report can
// later say whether that concentration went down.

const findingSchema = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  failurePoint: z.enum(FAILURE_POINTS),
  where: targetWhereSchema.min(1),
});

export async function proposeFixFromFinding(finding: unknown, fix: unknown): Promise<WriteResult<{ id: number }>> {
  try {
    const user = await requireActionUser("fixes.propose");
    const parsed = findingSchema.safeParse(finding);
    if (!parsed.success) throw new ValidationError({}, "That finding is no longer in the report: reload the page.");
    const { from, to, failurePoint, where } = parsed.data;
    const context = await loadDashboardContext(pool);
    const leadIds = await findExampleLeadIds(pool, { from, to }, context, failurePoint, where, MAX_EVIDENCE_LEADS);
    const created = await createFix(user, { ...(fix as Record<string, unknown>), failurePoint, leadIds, targetWhere: where });
    revalidatePath("/fixes");
    revalidatePath("/report");
    return { ok: true, data: { id: created.id }, message: `Fix “${created.title}” proposed with ${leadIds.length} leads as evidence.` };
  } catch (error) {
    return toWriteError(error);
  }
}
