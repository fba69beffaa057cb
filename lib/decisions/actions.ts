"use server";
import "server-only";
import { revalidatePath } from "next/cache";
import type { Action } from "@/lib/auth/permissions";
import { requireActionUser } from "@/lib/auth/session";
import { acceptLead, logFirstAction, rejectLead, requestLeadInfo, type DecisionResult } from "@/lib/decisions/mutations";
import type { ReasonQualityFeedback } from "@/lib/decisions/quality";
import { answerInfoRequest, reassignLead } from "@/lib/decisions/team-mutations";
import type { Actor } from "@/lib/decisions/access";
import { toActionError, type ActionResult } from "@/lib/errors";

// Server actions of the queue and the inbox: authenticate and check the role -> the mutation (which checks
// ownership, validates, writes and re-diagnoses) -> revalidate the pages that show the lead.

export type DecisionActionResult = ActionResult<{ leadId: number; quality?: ReasonQualityFeedback }>;

type Mutation = (actor: Actor, leadId: number, input: unknown) => Promise<DecisionResult>;

async function run(action: Action, mutation: Mutation, leadId: unknown, input: unknown): Promise<DecisionActionResult> {
  let result: DecisionResult;
  try {
    const user = await requireActionUser(action);
    if (typeof leadId !== "number" || !Number.isInteger(leadId) || leadId <= 0) return { ok: false, message: "This form does not say which lead it is for. Reload the page." };
    result = await mutation(user, leadId, input);
  } catch (error) {
    return toActionError(error);
  }
  for (const path of ["/queue", "/inbox", "/feedback", `/leads/${result.leadId}`]) revalidatePath(path);
  return { ok: true, message: result.message, data: { leadId: result.leadId, ...(result.quality ? { quality: result.quality } : {}) } };
}

export async function acceptLeadAction(leadId: number, input: unknown): Promise<DecisionActionResult> {
  return run("leads.decide", acceptLead, leadId, input);
}

export async function rejectLeadAction(leadId: number, input: unknown): Promise<DecisionActionResult> {
  return run("leads.decide", rejectLead, leadId, input);
}

export async function requestLeadInfoAction(leadId: number, input: unknown): Promise<DecisionActionResult> {
  return run("leads.decide", requestLeadInfo, leadId, input);
}

export async function logFirstActionAction(leadId: number, input: unknown): Promise<DecisionActionResult> {
  return run("leads.log_activity", logFirstAction, leadId, input);
}

export async function reassignLeadAction(leadId: number, input: unknown): Promise<DecisionActionResult> {
  return run("leads.reassign", reassignLead, leadId, input);
}

export async function answerInfoRequestAction(leadId: number, input: unknown): Promise<DecisionActionResult> {
  return run("info_requests.answer", answerInfoRequest, leadId, input);
}
