import { FAILURE_POINTS, type FailurePoint } from "@/lib/diagnosis/vocabulary";

// What people concluded about a lead's failure points, on top of what the diagnosis found. A tag
// confirms a diagnosed point, adds one the diagnosis missed (e.g. a generic first message is
// `missing_context`), or marks a diagnosed one as not a failure, with the reason.
export const TAG_VERDICTS = ["confirmed", "added", "not_a_failure"] as const;
export type TagVerdict = (typeof TAG_VERDICTS)[number];

export interface TagLike {
  failurePoint: FailurePoint;
  verdict: TagVerdict;
}

/** The failure points that stand after review: diagnosed or added, minus those marked not a failure. */
export function effectiveFailurePoints(diagnosed: readonly FailurePoint[], tags: readonly TagLike[]): FailurePoint[] {
  const verdicts = new Map(tags.map((tag) => [tag.failurePoint, tag.verdict]));
  return FAILURE_POINTS.filter((point) => {
    const verdict = verdicts.get(point);
    if (verdict === "not_a_failure") return false;
    return diagnosed.includes(point) || verdict === "confirmed" || verdict === "added";
  });
}

/**
 * The verdict a "this is a failure" tag gets: `confirmed` when the diagnosis found the point, `added`
 * when people found it themselves. Computed on the server so the record never contradicts the diagnosis.
 */
export function failureVerdict(diagnosed: readonly FailurePoint[], point: FailurePoint): "confirmed" | "added" {
  return diagnosed.includes(point) ? "confirmed" : "added";
}

export const TAG_VERDICT_LABELS: Record<TagVerdict, string> = {
  confirmed: "Confirmed",
  added: "Added in review",
  not_a_failure: "Not a failure",
};
