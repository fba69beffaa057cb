"use server";
import "server-only";
import { defineAction } from "@/lib/actions/define";
import type { ActionResult } from "@/lib/actions/result";
import type { Action } from "@/lib/auth/permissions";
import type { DecisionResult } from "@/lib/decisions/decision-writes";
import { acceptLead, logFirstAction, rejectLead, requestLeadInfo } from "@/lib/decisions/mutations";
import type { ReasonQualityFeedback } from "@/lib/decisions/quality";
import { answerInfoRequest, reassignLead } from "@/lib/decisions/team-mutations";
import type { TeamActor } from "@/lib/actions/authorize";
import { AppError } from "@/lib/errors";
import { notifyDecision } from "@/lib/lead-comments/notices";

// Server actions of the queue and the inbox: authenticate and check the role -> the mutation (which checks
// ownership, validates, writes and re-diagnoses) -> revalidate the pages that show the lead.

export type DecisionActionResult = ActionResult<{ leadId: number; quality?: ReasonQualityFeedback }>;

type Mutation = (actor: TeamActor, leadId: number, input: unknown) => Promise<DecisionResult>;

function decision(permission: Action, mutation: Mutation) {
  return defineAction({
    permission,
    write: async (user, leadId: number, input: unknown) => {
      if (typeof leadId !== "number" || !Number.isInteger(leadId) || leadId <= 0)
        throw new AppError("This form does not say which lead it is for. Reload the page.");
      const result = await mutation(user, leadId, input);
      // The lead's followers hear of it (after the write commits; a failed notice never fails the decision).
      await notifyDecision(result.leadId, user, result.message);
      return {
        data: { leadId: result.leadId, ...(result.quality ? { quality: result.quality } : {}) },
        message: result.message,
        revalidate: ["/queue", "/inbox", "/feedback", `/leads/${result.leadId}`],
      };
    },
  });
}

export const acceptLeadAction = decision("leads.decide", acceptLead);
export const rejectLeadAction = decision("leads.decide", rejectLead);
export const requestLeadInfoAction = decision("leads.decide", requestLeadInfo);
export const logFirstActionAction = decision("leads.log_activity", logFirstAction);
export const reassignLeadAction = decision("leads.reassign", reassignLead);
export const answerInfoRequestAction = decision("info_requests.answer", answerInfoRequest);
