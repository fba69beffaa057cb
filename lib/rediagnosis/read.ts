import { diagnoseLead } from "@/lib/diagnosis/diagnose";
import type { LeadDiagnosis } from "@/lib/diagnosis/types";
import { loadDiagnosisDefinitions } from "@/lib/rediagnosis/definitions";
import { loadDiagnosisInputs } from "@/lib/rediagnosis/load-batch";
import type { Queryable } from "@/lib/db/queryable";

/**
 * A lead's full diagnosis with its evidence, computed now from its record, timeline and the definitions
 * in force. Only the summary (flag, severity, step statuses) is stored for the lists; the evidence is
 * recomputed on read, so the detail page is always current and nothing heavy is written per lead.
 */
export async function diagnoseStoredLead(client: Queryable, leadId: number, now = new Date()): Promise<LeadDiagnosis | null> {
  const definitions = await loadDiagnosisDefinitions(client);
  const [input] = await loadDiagnosisInputs(client, [leadId], definitions, now);
  return input ? diagnoseLead(input) : null;
}
