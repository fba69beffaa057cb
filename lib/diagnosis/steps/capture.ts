/**
 * capture: did the source context travel with the lead? Missing source, conversion point or lead
 * type fails; an inbound lead with neither a campaign nor an offer warns (one of them is enough, DOMAIN
 * "Inbound context"); a lead type with no definition warns
 * (its criteria and priority cannot be used downstream).
 */
import type { DiagnosisContext } from "../context";
import { fieldEvidence, isBlank } from "../evidence";
import { buildStepResult, type Finding } from "../step-result";
import type { Evidence, StepResult } from "../types";

const REQUIRED = [
  { key: "originalSource", field: "original_source", label: "Original source" },
  { key: "conversionPoint", field: "conversion_point", label: "Conversion point (form or page)" },
  { key: "leadTypeKey", field: "lead_type", label: "Lead type" },
] as const;

const INBOUND_CONTEXT = [
  { key: "campaign", field: "campaign", label: "Campaign" },
  { key: "offer", field: "offer", label: "Offer" },
] as const;

function isInbound(source: string | null, inboundSources: readonly string[]): boolean {
  if (isBlank(source)) return false;
  const s = (source as string).trim().toLowerCase();
  return inboundSources.some((i) => i.trim().toLowerCase() === s);
}

export function diagnoseCapture(ctx: DiagnosisContext): StepResult {
  const { lead, leadType, settings } = ctx.input;
  const findings: Finding[] = [];
  const evidence: Evidence[] = [];

  const missingRequired = REQUIRED.filter((r) => isBlank(lead[r.key]));
  for (const r of REQUIRED) {
    const value = lead[r.key];
    evidence.push(
      isBlank(value) ? fieldEvidence(`${r.label} missing`, r.field, null) : fieldEvidence(r.label, r.field, (value as string).trim()),
    );
  }
  if (missingRequired.length > 0) {
    findings.push({
      level: "fail",
      point: "missing_context",
      message: `${missingRequired.map((r) => r.label.toLowerCase()).join(", ")} did not travel with the lead`,
    });
  }

  if (!(lead.capturedAt instanceof Date) || !Number.isFinite(lead.capturedAt.getTime())) {
    evidence.push(fieldEvidence("Capture time missing or invalid: no SLA clock can start", "captured_at", null));
    findings.push({ level: "fail", point: "missing_context", message: "the capture time is missing" });
  }

  if (!isBlank(lead.leadTypeKey) && leadType === null) {
    evidence.push(fieldEvidence("Lead type has no definition (no criteria or priority known)", "lead_type", lead.leadTypeKey));
    findings.push({
      level: "warn",
      point: "missing_context",
      message: `lead type "${String(lead.leadTypeKey).trim()}" is not a defined lead type`,
    });
  }

  const inbound = isInbound(lead.originalSource, settings.inboundSources ?? []);
  const present = INBOUND_CONTEXT.filter((c) => !isBlank(lead[c.key]));
  for (const c of present) evidence.push(fieldEvidence(c.label, c.field, (lead[c.key] as string).trim()));
  if (inbound && present.length === 0) {
    evidence.push(fieldEvidence("Neither campaign nor offer on an inbound lead", "campaign", null));
    findings.push({ level: "warn", point: "missing_context", message: "inbound lead with neither a campaign nor an offer" });
  }

  if (!isBlank(lead.buyerMessage)) evidence.push(fieldEvidence("Buyer's message", "buyer_message", lead.buyerMessage));
  if (!isBlank(lead.landingPage)) evidence.push(fieldEvidence("Landing page", "landing_page", lead.landingPage));

  return buildStepResult("capture", findings, evidence, "Source, conversion point and lead type travelled with the lead");
}
