"use server";
import "server-only";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define";
import { parseInput } from "@/lib/actions/input";
import { pool } from "@/lib/db";
import { FAILURE_POINTS } from "@/lib/diagnosis/vocabulary";
import { createFix } from "@/lib/fixes/mutations";
import { MAX_EVIDENCE_LEADS } from "@/lib/fixes/schemas";
import { targetWhereSchema } from "@/lib/lead-set/dimensions";
import { loadDashboardContext } from "@/lib/metrics/context";
import { findExampleLeadIds } from "@/lib/report/queries";

// A report finding becomes a proposed fix: its failing leads (the most severe first, up to the evidence
// limit) are the fix's evidence, and the finding's group is stored as the fix's target, so the report can
// later say whether that concentration went down.

const findingSchema = z.object(
  {
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    failurePoint: z.enum(FAILURE_POINTS),
    where: targetWhereSchema.min(1),
  },
  { error: "That finding is no longer in the report: reload the page." },
);

export const proposeFixFromFinding = defineAction({
  permission: "fixes.propose",
  revalidate: ["/fixes", "/report"],
  write: async (user, finding: unknown, fix: unknown) => {
    const { from, to, failurePoint, where } = parseInput(
      findingSchema,
      finding,
      "That finding is no longer in the report: reload the page.",
    );
    const context = await loadDashboardContext(pool);
    const leadIds = await findExampleLeadIds(pool, { from, to }, context, failurePoint, where, MAX_EVIDENCE_LEADS);
    const created = await createFix(user, { ...(fix as Record<string, unknown>), failurePoint, leadIds, targetWhere: where });
    return {
      data: { id: created.id },
      message: `Fix “${created.title}” proposed with ${leadIds.length} leads as evidence.`,
      revalidate: [`/fixes/${created.id}`],
    };
  },
});
