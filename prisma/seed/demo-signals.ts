/**
 * The rep's one-tap "was this what the source promised?" on a share of the demo's decisions, so the
 * dashboard's source fit reads as it does in a team that uses it: paid social is accepted about as often as
 * the other sources, yet reps mark half of its accepted leads as the wrong person, the wrong company or no
 * real buyer, which source-to-accepted alone hides. (Whether it is flagged as a finding also depends on its
 * acceptance rate beating the average, which varies with the demo's anchor.) Deterministic: a hash of the lead's id, no
 * random stream, so the scenarios planted elsewhere are untouched.
 */
import type { SourceSignal } from "../../lib/diagnosis/buyer-feedback.ts";
import type { DemoLead } from "./demo-types.ts";
import { hashSeed } from "./random.ts";

const POOR_FIT: readonly SourceSignal[] = ["wrong_person", "wrong_company", "not_a_real_buyer"];
/** Reps tap the signal on about three decisions in five. */
const TAPPED_SHARE = 0.6;

/** A stable number in [0, 1) for this text and purpose. */
const unitHash = (text: string, purpose: string): number => hashSeed(purpose, text) / 2 ** 32;

export function demoSourceSignal(lead: Pick<DemoLead, "externalId" | "acceptanceStatus" | "originalSource">): SourceSignal | null {
  if (lead.acceptanceStatus !== "accepted" && lead.acceptanceStatus !== "rejected") return null;
  if (unitHash(lead.externalId, "tapped") >= TAPPED_SHARE) return null;
  const poorShare = lead.acceptanceStatus === "rejected" ? 0.6 : lead.originalSource === "paid_social" ? 0.5 : 0.1;
  if (unitHash(lead.externalId, "fit") >= poorShare) return "good_fit";
  return POOR_FIT[Math.floor(unitHash(lead.externalId, "why") * POOR_FIT.length)]!;
}
