"use client";

import { activeColumn, EditableSection, NameWithCode } from "@/components/definitions/editable-section";
import { LeadTypeForm } from "@/components/definitions/lead-type-form";
import { Badge } from "@/components/ui/badge";
import type { EntityColumn } from "@/components/ui/entity-table";
import type { LeadTypeDefinitionRow } from "@/lib/definitions/queries";
import { INTENT_LABELS, PRIORITY_LABELS } from "@/lib/diagnosis/labels";

const COLUMNS: EntityColumn<LeadTypeDefinitionRow>[] = [
  {
    header: "Lead type",
    cell: (type) => <NameWithCode name={type.name} code={type.key} />,
  },
  { header: "Intent", className: "whitespace-nowrap", cell: (type) => INTENT_LABELS[type.intent] },
  { header: "Priority", className: "whitespace-nowrap", cell: (type) => PRIORITY_LABELS[type.priority] },
  {
    header: "Acceptance criteria",
    cell: (type) =>
      type.acceptanceCriteria.length > 0 ? (
        <ul className="list-disc space-y-0.5 pl-4 text-xs text-slate-700">
          {type.acceptanceCriteria.map((criterion) => (
            <li key={criterion.id}>{criterion.label}</li>
          ))}
        </ul>
      ) : (
        <Badge tone="warn">None: acceptance will be vague</Badge>
      ),
  },
  activeColumn(),
];

/** The lead types as a compact table; one row at a time opens for editing, or the form for a new type. */
export function LeadTypesSection({ leadTypes, canEdit }: { leadTypes: LeadTypeDefinitionRow[]; canEdit: boolean }) {
  return (
    <EditableSection
      caption="Lead types with their intent, priority and acceptance criteria"
      rows={leadTypes}
      columns={COLUMNS}
      canEdit={canEdit}
      addLabel="Add lead type"
      nameOf={(type) => type.name}
      empty={`No lead types yet. ${canEdit ? "Add the kinds of leads you receive, starting with the most urgent." : "Revenue operations adds them here."}`}
      form={(type, done) => (type ? <LeadTypeForm key={type.version} leadType={type} onDone={done} /> : <LeadTypeForm onDone={done} />)}
    />
  );
}
