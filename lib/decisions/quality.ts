import { scoreReasonQuality, type ReasonQuality } from "@/lib/diagnosis/reason-quality";
import type { ReasonOption } from "@/lib/decisions/schemas";

// What the rep sees about a rejection's usefulness while writing it and after saving: the DOMAIN score
// (0 none, 0.5 a code or text alone, 1 a code plus specific detail) and a nudge towards a 1.

export interface ReasonQualityFeedback {
  score: ReasonQuality;
  /** "Specific", "Partial", "None". */
  label: string;
  /** What would make it better; null when it is already specific. */
  nudge: string | null;
}

export function reasonQualityFeedback(
  code: string | null | undefined,
  detail: string | null | undefined,
  reasons: readonly ReasonOption[],
  minimumSpecificDetailLength: number,
): ReasonQualityFeedback {
  const score = scoreReasonQuality(code, detail, { minimumSpecificDetailLength });
  if (score === 1) return { score, label: "Specific", nudge: null };
  const reason = reasons.find((option) => option.code === code);
  if (score === 0)
    return { score, label: "None", nudge: "Pick a reason and say specifically why: marketing cannot act on a rejection without one." };
  if (!reason) return { score, label: "Partial", nudge: "Pick the reason code that fits, so marketing can count it." };
  const prompt = reason.detailPrompt ?? "what exactly made this lead a no (which criterion, which record, what evidence)?";
  return {
    score,
    label: "Partial",
    nudge: `Add a specific detail (at least ${minimumSpecificDetailLength} characters): ${prompt.charAt(0).toLowerCase()}${prompt.slice(1)}`,
  };
}

/** The message shown once a rejection is saved: the score, and the nudge when it is not yet specific. */
export function rejectionSavedMessage(feedback: ReasonQualityFeedback, leadName: string): string {
  const base = `Rejected ${leadName}. Reason quality ${feedback.score} of 1 (${feedback.label.toLowerCase()}).`;
  return feedback.nudge
    ? `${base} Marketing sees the code but not why: next time, ${feedback.nudge.charAt(0).toLowerCase()}${feedback.nudge.slice(1)}`
    : `${base} Marketing can act on it.`;
}
