import { type FailurePoint, type FixType, type SymptomId } from "@/lib/diagnosis/vocabulary";
import type { LeadDimension } from "@/lib/lead-set/dimensions";

// From a concentration to what to inspect and the fix to try first, after DOMAIN's symptom-to-root-cause
// table. Pure. Two rules shape the order of fixes:
// - the failure's own mechanism decides the candidates (unclear owner through duplicate outreach is leads
//   worked twice, an account-ownership question; unclear owner in a queue is leads waiting);
// - "fix definitions before routing": of the candidates, a definition (an acceptance standard, a field
//   mapping) always comes first; the others keep the order the mechanism suggests.

export interface RootCause {
  symptom: SymptomId;
  /** What to look at, in DOMAIN's words. */
  inspect: readonly string[];
  /** Fix types worth trying, the first one first. */
  fixes: readonly FixType[];
  /** Why this fix, in a sentence a meeting can act on. */
  reason: string;
}

/** Fixes to definitions: proposed before any rule or process fix that also applies. */
const DEFINITION_FIXES: readonly FixType[] = ["acceptance_standard", "field_mapping"];

function ordered(fixes: readonly FixType[]): FixType[] {
  return [...fixes.filter((fix) => DEFINITION_FIXES.includes(fix)), ...fixes.filter((fix) => !DEFINITION_FIXES.includes(fix))];
}

/** Where a person, not a rule, is the common factor: the owner's or the team's capacity and habits. */
const PEOPLE_DIMENSIONS: readonly LeadDimension[] = ["owner", "team"];

export interface ConcentrationShape {
  failurePoint: FailurePoint;
  dimensions: readonly LeadDimension[];
  /** Of the failing leads, the share that failed unclear_owner through duplicate outreach. */
  duplicateShare: number;
}

export function rootCauseOf({ failurePoint, dimensions, duplicateShare }: ConcentrationShape): RootCause {
  const aboutPeople = dimensions.some((dimension) => PEOPLE_DIMENSIONS.includes(dimension));
  switch (failurePoint) {
    case "missing_context":
      return {
        symptom: "sales_says_leads_bad",
        inspect: ["source context", "the form and CRM fields that carry it"],
        fixes: ordered(["field_mapping", "acceptance_standard"]),
        reason: "Source, offer or conversion point did not travel with these leads: map the fields that carry them.",
      };
    case "unclear_owner":
      if (duplicateShare >= 0.5) {
        return {
          symptom: "worked_twice",
          inspect: ["duplicate handling", "account ownership"],
          fixes: ordered(["owner_rule", "routing_rule"]),
          reason: "Two people reached the same buyer or account: decide who owns an account before routing more leads to it.",
        };
      }
      return {
        symptom: "high_intent_waits",
        inspect: ["routing rules", "notifications", "owner capacity"],
        fixes: ordered(["owner_rule", "routing_rule"]),
        reason: "These leads sat without a person owning them: name who owns what the queue receives, then route to it.",
      };
    case "slow_timing":
      return {
        symptom: "high_intent_waits",
        inspect: aboutPeople ? ["owner capacity", "notifications", "routing rules"] : ["routing rules", "notifications", "owner capacity"],
        fixes: ordered(aboutPeople ? ["owner_rule", "routing_rule"] : ["routing_rule", "owner_rule"]),
        reason: aboutPeople
          ? "The delay follows the people who own these leads: look at their load and the rule for covering it."
          : "The delay follows where and when these leads arrive: look at the routing rule and who is notified then.",
      };
    case "vague_acceptance":
      return {
        symptom: "sales_says_leads_bad",
        inspect: ["acceptance criteria", "rejection reasons"],
        fixes: ordered(["acceptance_standard"]),
        reason: "Decisions here were made without the lead type's criteria: agree on the acceptance standard first.",
      };
    case "missing_next_step":
      return {
        symptom: "stall_after_first_touch",
        inspect: ["next-step rules", "qualification depth"],
        fixes: ordered(["note_structure", "owner_rule"]),
        reason: "Leads were touched and then drifted: make the next step and its date part of every touch.",
      };
    case "weak_feedback":
      return {
        symptom: "pipeline_unexplained",
        inspect: ["rejection reasons", "feedback fields", "source-to-outcome connection"],
        fixes: ordered(["acceptance_standard", "feedback_cadence"]),
        reason: "Rejections and outcomes here carry no usable reason: require a defined reason with detail, then review them weekly.",
      };
  }
}
