import { DEFAULT_SETTINGS } from "@/lib/diagnosis/defaults";
import type { LeadSlaSchedule } from "@/lib/alerts/schedule";
import type { LeadDiagnosis } from "@/lib/diagnosis/types";
import { reasonQualitySql } from "@/lib/metrics/reason-quality-sql";
import { sql, toQuery } from "@/lib/db/sql";
import type { Queryable } from "@/lib/db/queryable";

// Writes a batch of diagnoses in one statement: the summary columns the lead list filters and sorts on,
// and the two verdicts the dashboard counts: duplicate outreach (the engine's) and a rejected lead's
// reason quality (scored in SQL from the row as it is now, with the definitions' minimum detail length,
// exactly as the engine scores it: reason-quality-sql.int.test.ts). Every write path ends here, and the
// dashboard's daily figures (lead_rollup) follow each write to leads by trigger.

/** The stored rejection_reason_quality of a rejected lead, null for any other; $17 on are its parameters. */
const REJECTION_SCORE = toQuery(
  sql`(CASE WHEN l.acceptance_status = 'rejected' THEN ${reasonQualitySql(
    sql`l.rejection_reason_code`,
    sql`l.rejection_detail`,
    sql`COALESCE((SELECT minimum_specific_detail_length FROM workspace_settings WHERE id = 1), ${DEFAULT_SETTINGS.minimumSpecificDetailLength}::int)`,
  )}::float8 END)`,
  17,
);

const SLA_PARAMS = 17 + REJECTION_SCORE.values.length;

export interface DiagnosedLead {
  leadId: number;
  diagnosis: LeadDiagnosis;
  sla: LeadSlaSchedule;
}

// The alert scheduler's next look at the lead: the first live alert moment after the last moment the
// scheduler handled (so a re-diagnosis does not hand it back alerts it has already sent).
const NEXT_ALERT = `(SELECT min(m) FROM unnest(string_to_array(v.alert_moments, ',')::timestamptz[]) AS m
  WHERE m > COALESCE(l.sla_checked_at, '-infinity'::timestamptz))`;

const stepStatus = (diagnosis: LeadDiagnosis, step: string) => diagnosis.steps.find((result) => result.step === step)?.status ?? null;

/** `table`: where the leads are; an import saves its new leads' diagnoses on their staged rows (lib/import/diagnose.ts). */
export async function saveDiagnoses(client: Queryable, batch: DiagnosedLead[], computedAt: Date, table = "leads"): Promise<number> {
  if (batch.length === 0) return 0;
  const column = <T>(pick: (item: DiagnosedLead) => T) => batch.map(pick);
  // Rows whose summary did not change are not rewritten: re-diagnosing after a definition change
  // touches only the leads whose verdict moved. `l.id = ANY($1)` gives the planner an index condition:
  // joined to the unnest alone it hashed the whole table for each batch (an import's batches grew
  // slower with every lead it had already written).
  const result = await client.query(
    `UPDATE ${table} AS l SET
       flagged = v.flagged, severity = v.severity, first_broken_step = v.first_broken_step::"DiagnosisStep",
       failure_points = v.failure_points::"FailurePoint"[],
       step_capture = v.step_capture::"StepStatus", step_routing = v.step_routing::"StepStatus",
       step_acceptance = v.step_acceptance::"StepStatus", step_first_action = v.step_first_action::"StepStatus",
       step_qualification = v.step_qualification::"StepStatus", step_outcome = v.step_outcome::"StepStatus",
       step_issues = v.step_issues::text[],
       owner_assigned_at = COALESCE(v.owner_assigned_at, l.owner_assigned_at),
       first_sales_action_at = COALESCE(v.first_sales_action_at, l.first_sales_action_at), diagnosed_at = $14,
       duplicate_outreach = v.duplicate_outreach, rejection_reason_score = ${REJECTION_SCORE.text},
       sla_deadline_kind = v.sla_deadline_kind, sla_deadline_at = v.sla_deadline_at, sla_next_alert_at = ${NEXT_ALERT}
     FROM unnest($1::int[], $2::bool[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::timestamptz[], $13::timestamptz[], $15::text[], $16::bool[],
                 $${SLA_PARAMS}::text[], $${SLA_PARAMS + 1}::timestamptz[], $${SLA_PARAMS + 2}::text[])
       AS v(id, flagged, severity, first_broken_step, failure_points, step_capture, step_routing, step_acceptance, step_first_action, step_qualification, step_outcome, owner_assigned_at, first_sales_action_at, step_issues, duplicate_outreach,
            sla_deadline_kind, sla_deadline_at, alert_moments)
     WHERE l.id = v.id AND l.id = ANY($1::int[])
       AND (l.diagnosed_at IS NULL
         OR (l.sla_deadline_kind, l.sla_deadline_at, l.sla_next_alert_at) IS DISTINCT FROM (v.sla_deadline_kind, v.sla_deadline_at, ${NEXT_ALERT})
         OR (l.flagged, l.severity, l.first_broken_step::text, l.failure_points::text[], l.step_capture::text, l.step_routing::text, l.step_acceptance::text,
             l.step_first_action::text, l.step_qualification::text, l.step_outcome::text, l.duplicate_outreach, l.rejection_reason_score)
            IS DISTINCT FROM
            (v.flagged, v.severity, v.first_broken_step, v.failure_points::text[], v.step_capture, v.step_routing, v.step_acceptance,
             v.step_first_action, v.step_qualification, v.step_outcome, v.duplicate_outreach, ${REJECTION_SCORE.text})
         OR (v.owner_assigned_at IS NOT NULL AND l.owner_assigned_at IS DISTINCT FROM v.owner_assigned_at)
         OR (v.first_sales_action_at IS NOT NULL AND l.first_sales_action_at IS DISTINCT FROM v.first_sales_action_at))`,
    [
      column((item) => item.leadId),
      column((item) => item.diagnosis.flagged),
      column((item) => item.diagnosis.severity),
      column((item) => item.diagnosis.firstBrokenStep),
      column((item) => `{${item.diagnosis.failurePoints.join(",")}}`),
      column((item) => stepStatus(item.diagnosis, "capture")),
      column((item) => stepStatus(item.diagnosis, "routing")),
      column((item) => stepStatus(item.diagnosis, "acceptance")),
      column((item) => stepStatus(item.diagnosis, "first_action")),
      column((item) => stepStatus(item.diagnosis, "qualification")),
      column((item) => stepStatus(item.diagnosis, "outcome")),
      column((item) => item.diagnosis.facts.ownerAssignedAt ?? null),
      column((item) => item.diagnosis.facts.firstSalesActionAt ?? null),
      computedAt,
      column(
        (item) =>
          `{${item.diagnosis.steps
            .filter((step) => step.status !== "pass")
            .map((step) => `${step.step}:${step.status}`)
            .join(",")}}`,
      ),
      column((item) => item.diagnosis.facts.duplicateOutreach),
      ...REJECTION_SCORE.values,
      column((item) => item.sla.deadlineKind),
      column((item) => item.sla.deadlineAt),
      column((item) => item.sla.alertMoments.map((at) => at.toISOString()).join(",")),
    ],
  );
  return result.rowCount ?? 0;
}
