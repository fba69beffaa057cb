/**
 * Quality of a feedback reason (DOMAIN metric `rejection_reason_quality`):
 *   0   no code and no text
 *   0.5 a code alone, or free text alone
 *   1   a code plus specific detail
 * "Specific" = trimmed detail at least `minimumSpecificDetailLength` long and not a generic filler.
 * The code "other" explains nothing by itself, so it only counts as a code when the detail is specific.
 */
import type { RejectionReasonDefinition } from "./types";

export type ReasonQuality = 0 | 0.5 | 1;

export interface ReasonQualityOptions {
  minimumSpecificDetailLength: number;
}

/** Phrases that look like a reason but tell marketing nothing. Compared after normalising. */
export const GENERIC_REASON_FILLERS: readonly string[] = [
  "n/a",
  "na",
  "none",
  "nothing",
  "not interested",
  "bad lead",
  "bad fit",
  "not a fit",
  "no fit",
  "no",
  "other",
  "see notes",
  "junk",
  "spam",
  "test",
  "unknown",
  "tbd",
  "-",
  ".",
];

function normalise(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/[.!?,;:]+$/, "");
}

/** Text with at least one letter or digit; "-" or "..." is not text. */
export function hasMeaningfulText(text: string | null | undefined): boolean {
  return typeof text === "string" && /[\p{L}\p{N}]/u.test(text);
}

export function isGenericFiller(text: string): boolean {
  const n = normalise(text);
  return n === "" || GENERIC_REASON_FILLERS.includes(n) || GENERIC_REASON_FILLERS.includes(text.trim().toLowerCase());
}

export function isSpecificDetail(detail: string | null | undefined, opts: ReasonQualityOptions): boolean {
  if (!hasMeaningfulText(detail)) return false;
  const trimmed = (detail as string).trim();
  return trimmed.length >= Math.max(0, opts.minimumSpecificDetailLength) && !isGenericFiller(trimmed);
}

/** The code as it counts for feedback: blank codes and an unexplained "other" are no code. */
export function effectiveReasonCode(
  code: string | null | undefined,
  detail: string | null | undefined,
  opts: ReasonQualityOptions,
): string | null {
  const trimmed = typeof code === "string" ? code.trim() : "";
  if (trimmed === "") return null;
  if (trimmed.toLowerCase() === "other" && !isSpecificDetail(detail, opts)) return null;
  return trimmed;
}

export function scoreReasonQuality(
  code: string | null | undefined,
  detail: string | null | undefined,
  opts: ReasonQualityOptions,
): ReasonQuality {
  const usableCode = effectiveReasonCode(code, detail, opts);
  const specific = isSpecificDetail(detail, opts);
  if (usableCode !== null) return specific ? 1 : 0.5;
  return hasMeaningfulText(detail) ? 0.5 : 0;
}

export type ReasonProblem = "no_code" | "undefined_code" | "detail_required";

export interface ReasonCheck {
  /** The code as it counts: defined (or nothing is defined to judge by), null otherwise. */
  code: string | null;
  definition: RejectionReasonDefinition | null;
  /** DOMAIN "Usable reason": a defined code, plus specific detail when its definition requires it. */
  usable: boolean;
  problem: ReasonProblem | null;
  /** The 0 / 0.5 / 1 score, an undefined code counting as no code. */
  quality: ReasonQuality;
}

/**
 * One verdict on a reason for every step (acceptance, outcome) and the reason-quality fact: an
 * undefined code is no code anywhere. With no reasons defined at all, any code counts as defined.
 */
export function checkReason(
  code: string | null | undefined,
  detail: string | null | undefined,
  reasons: readonly RejectionReasonDefinition[],
  opts: ReasonQualityOptions,
): ReasonCheck {
  const effective = effectiveReasonCode(code, detail, opts);
  const definition = effective === null ? null : (reasons.find((r) => r.code === effective) ?? null);
  const undefinedCode = effective !== null && reasons.length > 0 && definition === null;
  const counted = effective === null || undefinedCode ? null : effective;
  const quality = scoreReasonQuality(counted, detail, opts);
  let problem: ReasonProblem | null = null;
  if (effective === null) problem = "no_code";
  else if (undefinedCode) problem = "undefined_code";
  else if (definition?.requiresDetail && !isSpecificDetail(detail, opts)) problem = "detail_required";
  return { code: counted, definition, usable: problem === null, problem, quality };
}
