import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DiagnosisStrip } from "@/components/diagnosis/diagnosis-strip";
import { SymptomList } from "@/components/diagnosis/symptom-list";
import { HandoffElementsPanel } from "@/components/leads/handoff-elements-panel";
import { EraseLeadButton } from "@/components/leads/erase-lead-button";
import { LeadConversation } from "@/components/leads/lead-conversation";
import { LeadDecisionPanel } from "@/components/leads/lead-decision-panel";
import { LeadSummary } from "@/components/leads/lead-summary";
import { LeadTimeline } from "@/components/leads/lead-timeline";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { tabTitle } from "@/lib/actions/tab-title";
import { evaluateHandoffElements } from "@/lib/leads/handoff-elements";
import { findOwnerDecision } from "@/lib/decisions/queue-queries";
import { findLeadConversation } from "@/lib/lead-comments/queries";
import { findLeadDetailPage } from "@/lib/leads/diagnosed-lead";
import { crmRecordFor } from "@/lib/sync/crm-record";
import { findLeadSystemNotes } from "@/lib/notify/lead-notes";

type Params = { params: Promise<{ id: string }> };

function parseId(raw: string): number | null {
  return /^\d{1,10}$/.test(raw) && Number(raw) <= 2 ** 31 - 1 ? Number(raw) : null;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const id = parseId((await params).id);
  return { title: await tabTitle("lead", id, "Lead") };
}

export default async function LeadPage({ params }: Params) {
  const user = await requirePageUser("leads.read");
  const id = parseId((await params).id);
  const [detail, notes] = id ? await Promise.all([findLeadDetailPage(id), findLeadSystemNotes(id)]) : [null, []];
  if (!detail) notFound();
  const { lead, timeZone, slaSummary, diagnosis } = detail;
  const elements = diagnosis ? evaluateHandoffElements(lead, diagnosis, slaSummary) : [];
  const [crm, decision, conversation] = await Promise.all([
    crmRecordFor(lead.id),
    can(user.role, "leads.decide") ? findOwnerDecision(user, lead.id) : null,
    findLeadConversation(lead.id, user.id),
  ]);

  return (
    <div className="space-y-5">
      <Breadcrumb trail={[{ href: "/leads", label: "Leads" }]} current={lead.name} />
      <LeadSummary lead={lead} diagnosis={diagnosis} timeZone={timeZone} crm={crm} />
      {decision && (
        <Card title="Your decision" description="This lead waits on you, as in your queue.">
          <LeadDecisionPanel decision={decision} userId={user.id} />
        </Card>
      )}
      <Card
        title="Diagnosis"
        description={diagnosis ? "Each step of the handoff, judged on this record's evidence. Choose a step to see why." : undefined}
      >
        {diagnosis ? (
          <>
            <DiagnosisStrip steps={diagnosis.steps} timeZone={timeZone} initialStep={diagnosis.firstBrokenStep} />
            <SymptomList symptoms={diagnosis.symptoms} />
          </>
        ) : (
          <p className="text-sm text-slate-600">The diagnosis could not be computed for this lead.</p>
        )}
      </Card>
      {diagnosis && (
        <Card title="Handoff elements" description="What the handoff had to transfer, judged from the same steps as the diagnosis above.">
          <HandoffElementsPanel elements={elements} timeZone={timeZone} />
        </Card>
      )}
      <Card
        title="Handoff timeline"
        description={`${lead.events.length} ${lead.events.length === 1 ? "event" : "events"}, oldest first. Times in ${timeZone}.`}
      >
        <LeadTimeline events={lead.events} notes={notes} timeZone={timeZone} />
      </Card>
      <Card title="Comments" description="Talk about this lead with the team. Follow it to hear of its decisions and comments.">
        <LeadConversation leadId={lead.id} conversation={conversation} timeZone={timeZone} />
      </Card>
      {can(user.role, "leads.erase") && (
        <Card
          title="Erase personal data"
          description="For a data-protection (GDPR) erasure request. The API does the same: DELETE /api/v1/leads/{id}."
        >
          <EraseLeadButton leadId={lead.id} name={lead.name} />
        </Card>
      )}
    </div>
  );
}
