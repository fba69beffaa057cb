import { DiagnosisStrip } from "@/components/diagnosis/diagnosis-strip";
import { SymptomList } from "@/components/diagnosis/symptom-list";
import { LeadFixes } from "@/components/fixes/lead-fixes";
import { LeadTimeline } from "@/components/leads/lead-timeline";
import { AnnotationThread } from "@/components/review/annotation-thread";
import { FailurePointsPanel } from "@/components/review/failure-points-panel";
import { MarketingFacts } from "@/components/review/marketing-facts";
import { SalesFacts } from "@/components/review/sales-facts";
import { SlaClockRow } from "@/components/review/sla-clock-row";
import { Card } from "@/components/ui/card";
import { can, type Role } from "@/lib/auth/permissions";
import type { FixType } from "@/lib/diagnosis/vocabulary";
import type { FixOwnerOption } from "@/lib/fixes/queries";
import type { ReviewLeadData } from "@/lib/review/queries";
import { slaClocks } from "@/lib/review/sla-clocks";

// The side-by-side view of one lead: marketing | timeline and diagnosis | sales, then the fixes. Used by
// the review board and by the meeting's presenter flow. Controls follow the permission table; the
// server enforces the same table on every write.

export interface WorkspaceData extends ReviewLeadData {
  owners: FixOwnerOption[];
  citeableFixes: { id: number; title: string; fixType: FixType }[];
}

export function ReviewWorkspace({
  data,
  role,
  timeZone,
  now,
  meetingId,
}: {
  data: WorkspaceData;
  role: Role;
  timeZone: string;
  now: Date;
  meetingId?: number;
}) {
  const { lead, diagnosis, annotations } = data;
  const canTag = can(role, "review.tag");
  return (
    <div className="space-y-4">
      <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,1fr)_minmax(0,1.45fr)_minmax(0,1fr)]">
        <Card
          title="Marketing side"
          description="Capture context and what sales was told to expect"
          className="border-t-4 border-t-violet-400"
        >
          <MarketingFacts lead={lead} timeZone={timeZone} />
          <div className="mt-4 border-t border-slate-100 pt-3">
            <AnnotationThread
              leadId={lead.id}
              side="marketing"
              notes={annotations.filter((note) => note.side === "marketing")}
              canWrite={can(role, "review.annotate_marketing")}
              timeZone={timeZone}
            />
          </div>
        </Card>

        <div className="space-y-4">
          <Card
            title="SLA clocks"
            description={
              data.sla
                ? `Targets for ${lead.priority?.toUpperCase() ?? "this priority"}, in elapsed time`
                : "Targets for this lead's priority"
            }
          >
            <SlaClockRow clocks={slaClocks(diagnosis, now)} />
          </Card>
          <WorkspaceDiagnosis diagnosis={diagnosis} timeZone={timeZone} />
          <Card title="Failure points" description="Confirm, add or overrule what the diagnosis found; agree on the root cause.">
            <FailurePointsPanel data={data} canTag={canTag} />
          </Card>
          <Card
            title="Handoff timeline"
            description={`${lead.events.length} ${lead.events.length === 1 ? "event" : "events"}, oldest first. Times in ${timeZone}.`}
          >
            <LeadTimeline events={lead.events} timeZone={timeZone} />
          </Card>
        </div>

        <Card title="Sales side" description="Routing, decision, first and next action, outcome" className="border-t-4 border-t-sky-400">
          <SalesFacts lead={lead} timeZone={timeZone} now={now} />
          <div className="mt-4 border-t border-slate-100 pt-3">
            <AnnotationThread
              leadId={lead.id}
              side="sales"
              notes={annotations.filter((note) => note.side === "sales")}
              canWrite={can(role, "review.annotate_sales")}
              timeZone={timeZone}
            />
          </div>
        </Card>
      </div>

      <WorkspaceFixes data={data} role={role} meetingId={meetingId} />
    </div>
  );
}

/** The diagnosis strip and its symptoms, shared by the review board and the presenter. */
export function WorkspaceDiagnosis({ diagnosis, timeZone }: { diagnosis: WorkspaceData["diagnosis"]; timeZone: string }) {
  return (
    <Card title="Diagnosis" description="Choose a step to see the evidence behind it.">
      {diagnosis ? (
        <div>
          <DiagnosisStrip steps={diagnosis.steps} timeZone={timeZone} initialStep={diagnosis.firstBrokenStep} />
          <SymptomList symptoms={diagnosis.symptoms} />
        </div>
      ) : (
        <p className="text-sm text-slate-600">This lead has not been diagnosed yet.</p>
      )}
    </Card>
  );
}

/** The lead's fixes (and the form to record one), shared by the review board and the presenter. */
export function WorkspaceFixes({ data, role, meetingId }: { data: WorkspaceData; role: Role; meetingId?: number }) {
  return (
    <Card title="Fixes" description="Every review ends with a specific fix: a field, a rule or a standard, with an owner and a due date.">
      <LeadFixes
        leadId={data.lead.id}
        fixes={data.fixes}
        citeableFixes={data.citeableFixes}
        owners={data.owners}
        rootCause={data.review?.rootCause ?? null}
        canPropose={can(role, "fixes.propose")}
        meetingId={meetingId}
      />
    </Card>
  );
}
