import { LeadTimeline } from "@/components/leads/lead-timeline";
import { AnnotationThread } from "@/components/review/annotation-thread";
import { FailurePointsPanel } from "@/components/review/failure-points-panel";
import { MarketingFacts } from "@/components/review/marketing-facts";
import { WorkspaceDiagnosis, WorkspaceFixes, type WorkspaceData } from "@/components/review/review-workspace";
import { SalesFacts } from "@/components/review/sales-facts";
import { SlaClockRow } from "@/components/review/sla-clock-row";
import { Card } from "@/components/ui/card";
import { can, type Role } from "@/lib/auth/permissions";
import type { ReviewSide } from "@/lib/review/sides";
import { slaClocks } from "@/lib/review/sla-clocks";

// The lead on the projector. What the room argues about comes first, on one screen: marketing's notes |
// the diagnosis | sales's notes. The facts behind them, the failure tags, the timeline and the fixes
// follow below for when someone asks. Same building blocks as the review board's side-by-side view.

export function PresenterWorkspace(props: { data: WorkspaceData; role: Role; timeZone: string; now: Date; meetingId: number }) {
  const { data, role, timeZone, now, meetingId } = props;
  const { lead, diagnosis, annotations } = data;
  const notes = (side: ReviewSide, canWrite: boolean) => (
    <AnnotationThread
      leadId={lead.id}
      side={side}
      notes={annotations.filter((note) => note.side === side)}
      canWrite={canWrite}
      timeZone={timeZone}
      singleLine
    />
  );
  return (
    <div className="space-y-4">
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.6fr)_minmax(0,1fr)]">
        <Card className="border-t-4 border-t-violet-400">{notes("marketing", can(role, "review.annotate_marketing"))}</Card>
        <WorkspaceDiagnosis diagnosis={diagnosis} timeZone={timeZone} />
        <Card className="border-t-4 border-t-sky-400">{notes("sales", can(role, "review.annotate_sales"))}</Card>
      </div>

      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.6fr)_minmax(0,1fr)]">
        <Card title="Marketing side" description="Capture context and what sales was told to expect">
          <MarketingFacts lead={lead} timeZone={timeZone} />
        </Card>
        <div className="space-y-4">
          <Card title="SLA clocks">
            <SlaClockRow clocks={slaClocks(diagnosis, now)} />
          </Card>
          <Card title="Failure points" description="Confirm, add or overrule what the diagnosis found; agree on the root cause.">
            <FailurePointsPanel data={data} canTag={can(role, "review.tag")} />
          </Card>
          <Card title="Handoff timeline" description={`Oldest first. Times in ${timeZone}.`}>
            <LeadTimeline events={lead.events} timeZone={timeZone} />
          </Card>
        </div>
        <Card title="Sales side" description="Routing, decision, first and next action, outcome">
          <SalesFacts lead={lead} timeZone={timeZone} now={now} />
        </Card>
      </div>

      <WorkspaceFixes data={data} role={role} meetingId={meetingId} />
    </div>
  );
}
