/**
 * Whether a decision (accepted/rejected/qualified/disqualified) evaluated the lead type's acceptance
 * criteria. No criteria evaluated fails; an unknown lead type or one without criteria cannot be
 * checked and warns, never passes silently.
 */
import type { DiagnosisContext } from "./context";
import { eventEvidence, fieldEvidence } from "./evidence";
import type { Finding } from "./step-result";
import type { DiagnosisEvent, Evidence } from "./types";

export interface CriteriaCheck {
  findings: Finding[];
  evidence: Evidence[];
}

const POSITIVE_DECISIONS = new Set(["accepted", "qualified"]);

/** Warns once when the lead type cannot tell us which criteria to expect; null when criteria are known. */
export function criteriaDefinitionProblem(ctx: DiagnosisContext): CriteriaCheck | null {
  const leadType = ctx.input.leadType;
  if (!leadType) {
    return {
      findings: [
        { level: "warn", point: "vague_acceptance", message: "the lead type is unknown, so acceptance criteria cannot be checked" },
      ],
      evidence: [fieldEvidence("No lead type definition: acceptance criteria unknown", "lead_type", ctx.input.lead.leadTypeKey)],
    };
  }
  if (leadType.acceptanceCriteria.length === 0) {
    return {
      findings: [{ level: "warn", point: "vague_acceptance", message: `lead type "${leadType.name}" defines no acceptance criteria` }],
      evidence: [fieldEvidence("Lead type has no acceptance criteria", "lead_type", leadType.key)],
    };
  }
  return null;
}

/** Checks one decision event (or a status recorded without any event when `event` is null). */
export function checkDecisionCriteria(ctx: DiagnosisContext, event: DiagnosisEvent | null, decision: string): CriteriaCheck {
  const leadType = ctx.input.leadType;
  if (!leadType || leadType.acceptanceCriteria.length === 0) return { findings: [], evidence: [] };
  const expected = leadType.acceptanceCriteria;

  if (event === null) {
    return {
      findings: [
        {
          level: "fail",
          point: "vague_acceptance",
          message: `${decision} recorded on the lead without evaluating the acceptance criteria`,
        },
      ],
      evidence: [fieldEvidence(`Status "${decision}" recorded without a decision event or criteria`, "acceptance_status", decision)],
    };
  }

  const raw = event.details?.criteria;
  const evaluated: Record<string, boolean> =
    raw !== null && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, boolean>) : {};
  const known = expected.filter((c) => typeof evaluated[c.id] === "boolean");
  if (known.length === 0) {
    return {
      findings: [{ level: "fail", point: "vague_acceptance", message: `${decision} without evaluating the acceptance criteria` }],
      evidence: [eventEvidence(`${capitalise(decision)} with no criteria evaluated (${expected.length} defined)`, event, { value: 0 })],
    };
  }

  const findings: Finding[] = [];
  const evidence: Evidence[] = [
    eventEvidence(`${capitalise(decision)}: ${known.length} of ${expected.length} criteria evaluated`, event, { value: known.length }),
  ];
  const skipped = expected.filter((c) => typeof evaluated[c.id] !== "boolean");
  if (skipped.length > 0) {
    evidence.push(eventEvidence(`Criteria not evaluated: ${skipped.map((c) => c.label).join("; ")}`, event));
    findings.push({ level: "warn", point: "vague_acceptance", message: `${decision} with ${skipped.length} criteria not evaluated` });
  }
  const unmet = known.filter((c) => evaluated[c.id] === false);
  if (POSITIVE_DECISIONS.has(event.type) && unmet.length > 0) {
    evidence.push(eventEvidence(`${capitalise(decision)} although not met: ${unmet.map((c) => c.label).join("; ")}`, event));
    findings.push({ level: "warn", point: "vague_acceptance", message: `${decision} although ${unmet.length} criteria were not met` });
  }
  if (!POSITIVE_DECISIONS.has(event.type) && unmet.length === 0 && skipped.length === 0) {
    evidence.push(eventEvidence(`${capitalise(decision)} although every criterion was met`, event));
    findings.push({ level: "warn", point: "vague_acceptance", message: `${decision} although every criterion was met` });
  }
  return { findings, evidence };
}

function capitalise(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
