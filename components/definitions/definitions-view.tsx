import { ObjectionsSection } from "@/components/definitions/objections-section";
import { LeadTypesSection } from "@/components/definitions/lead-types-section";
import { RejectionReasonsSection } from "@/components/definitions/rejection-reasons-section";
import { RediagnosisStatus } from "@/components/definitions/rediagnosis-status";
import { SlaForm } from "@/components/definitions/sla-form";
import { TeamHolidaysForm } from "@/components/definitions/team-holidays-form";
import { WorkspaceSettingsForm } from "@/components/definitions/workspace-settings-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { ObjectionDefinitionRow } from "@/lib/definitions/objections";
import type { DefinitionsOverview } from "@/lib/definitions/queries";
import type { TeamCalendarRow } from "@/lib/definitions/team-calendars";

// The definitions page body: four calm cards, each with its own small form(s). Readers without
// "definitions.edit" see the same values, disabled, with a note saying who can change them.
export function DefinitionsView({
  definitions,
  objections,
  teams,
  canEdit,
}: {
  definitions: DefinitionsOverview;
  objections: ObjectionDefinitionRow[];
  teams: TeamCalendarRow[];
  canEdit: boolean;
}) {
  const { slas, workspace, leadTypes, rejectionReasons, rediagnosis } = definitions;
  return (
    <>
      <PageHeader
        title="Definitions"
        description="What a good handoff means here: how fast each priority must move, the working calendar, the kinds of leads with the evidence sales needs, and the reasons reps give. Every diagnosis is computed from these, so saving a change re-diagnoses all leads. A changed SLA target, calendar, window or holiday list applies to leads captured from the moment you save, unless you apply it to past leads too: preview its impact first."
      />
      {!canEdit && (
        <p role="note" className="mb-5 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-600 shadow-sm">
          You can read these definitions. Revenue operations and admins can change them; ask them when a definition no longer fits how you
          work.
        </p>
      )}
      <RediagnosisStatus progress={rediagnosis} timeZone={workspace.timeZone} />
      <div className="space-y-5">
        <Card
          title="SLA targets by priority"
          description="How fast each priority must be handled. A lead's priority comes from its lead type."
        >
          <p className="mb-4 rounded-md bg-slate-50 px-3 py-2 text-xs leading-relaxed text-slate-600">
            Each clock starts at the step that owes the next move: the <strong className="font-medium text-slate-800">owner</strong> SLA
            runs from capture; the <strong className="font-medium text-slate-800">decision</strong> and{" "}
            <strong className="font-medium text-slate-800">first-action</strong> SLAs run from assignment to a person. Minutes and hours run
            on the wall clock; business days follow the working calendar below.
          </p>
          <div className="divide-y divide-slate-100">
            {slas.map((sla) => (
              <SlaForm
                key={sla.priority}
                sla={sla}
                canEdit={canEdit}
                usedBy={leadTypes.filter((type) => type.active && type.priority === sla.priority).map((type) => type.name)}
              />
            ))}
          </div>
        </Card>

        <Card
          title="Working calendar and diagnosis windows"
          description={`Times are in ${workspace.timeZone}. These settle what "one business day" means and when the diagnosis calls a lead stalled, duplicated or missing feedback.`}
        >
          <WorkspaceSettingsForm settings={workspace} canEdit={canEdit} />
        </Card>

        {teams.length > 0 && (
          <Card
            title="Team holidays"
            description="For teams that work in another country: the business-time clocks of the leads a team's people own skip the team's holidays instead of the workspace's."
          >
            <div className="divide-y divide-slate-100">
              {teams.map((team) => (
                <TeamHolidaysForm key={team.teamId} team={team} canEdit={canEdit} />
              ))}
            </div>
          </Card>
        )}

        <Card
          title="Lead types"
          description="The kinds of leads that arrive, how urgent each is, and the evidence sales checks before accepting one. Fix these before automating routing."
        >
          <LeadTypesSection leadTypes={leadTypes} canEdit={canEdit} />
        </Card>

        <Card
          title="Rejection reasons"
          description="The structured reasons reps choose from when they reject a lead. A reason marked as needing detail only counts as usable feedback when the rep explains."
        >
          <RejectionReasonsSection reasons={rejectionReasons} canEdit={canEdit} />
        </Card>

        <Card
          title="Buyer objections and source-quality signals"
          description="What the buyer objected to (recorded on a rejection, disqualification, loss or first conversation) and whether the lead was what its source promised (one tap on accept or reject: good fit, wrong person, wrong company, not a real buyer). Both are optional: they never block a decision."
        >
          <p className="mb-4 rounded-md bg-slate-50 px-3 py-2 text-xs leading-relaxed text-slate-600">
            <strong className="font-medium text-slate-800">Reason quality is not changed by either.</strong> The score (0 no reason, 0.5 a
            code or text alone, 1 a code plus specific detail) judges the rejection reason and the detail written for it. An objection is a
            second code picked from a list, not detail, and its short text says what the buyer said rather than why sales said no, so
            neither lifts a reason to 1; a signal judges the source, not the reason. They count where they belong: objections and signals
            per source and campaign on Sales feedback, with the share of decisions that carry a signal.
          </p>
          <ObjectionsSection objections={objections} canEdit={canEdit} />
        </Card>
      </div>
    </>
  );
}
