import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DiagnosisStrip } from "@/components/diagnosis/diagnosis-strip";
import { SymptomList } from "@/components/diagnosis/symptom-list";
import { HandoffElementsPanel } from "@/components/leads/handoff-elements-panel";
import { LeadSummary } from "@/components/leads/lead-summary";
import { LeadTimeline } from "@/components/leads/lead-timeline";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Card } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/session";
import { evaluateHandoffElements } from "@/lib/leads/handoff-elements";
import { findLeadDetailPage } from "@/lib/leads/queries";

type Params = { params: Promise<{ id: string }> };

function parseId(raw: string): number | null {
  return /^\d{1,10}$/.test(raw) && Number(raw) <= 2 ** 31 - 1 ? Number(raw) : null;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const id = parseId((await params).id);
  return { title: id ? `Lead ${id}` : "Lead" };
}

export default async function LeadPage({ params }: Params) {
  await requirePageUser("leads.read");
  const id = parseId((await params).id);
  const detail = id ? await findLeadDetailPage(id) : null;
  if (!detail) notFound();
  const { lead, timeZone, slaSummary, diagnosis } = detail;
  const elements = evaluateHandoffElements({ ...lead, slaSummary });

  return (
    <div className="space-y-5">
      <Breadcrumb trail={[{ href: "/leads", label: "Leads" }]} current={lead.name} />
      <LeadSummary lead={lead} timeZone={timeZone} />
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
      <Card title="Handoff elements" description="What the handoff had to transfer, and whether this record shows it.">
        <HandoffElementsPanel elements={elements} timeZone={timeZone} />
      </Card>
      <Card title="Handoff timeline" description={`${lead.events.length} ${lead.events.length === 1 ? "event" : "events"}, oldest first. Times in ${timeZone}.`}>
        <LeadTimeline events={lead.events} timeZone={timeZone} />
      </Card>
    </div>
  );
}
