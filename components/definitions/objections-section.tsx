"use client";

import { activeColumn, EditableSection, NameWithCode, sortOrderAfter } from "@/components/definitions/editable-section";
import { ObjectionForm } from "@/components/definitions/objection-form";
import { Badge } from "@/components/ui/badge";
import type { EntityColumn } from "@/components/ui/entity-table";
import type { ObjectionDefinitionRow } from "@/lib/definitions/objections";

const COLUMNS: EntityColumn<ObjectionDefinitionRow>[] = [
  { header: "Order", className: "w-16 tabular-nums text-slate-500", cell: (objection) => objection.sortOrder },
  {
    header: "Objection",
    cell: (objection) => <NameWithCode name={objection.label} code={objection.code} />,
  },
  {
    header: "Short text",
    cell: (objection) =>
      objection.requiresDetail ? <Badge tone="info">Required</Badge> : <span className="text-xs text-slate-500">Optional</span>,
  },
  activeColumn(),
];

/** The buyer objections reps pick from, in their display order; one row at a time opens for editing. */
export function ObjectionsSection({ objections, canEdit }: { objections: ObjectionDefinitionRow[]; canEdit: boolean }) {
  const nextSortOrder = sortOrderAfter(objections);
  return (
    <EditableSection
      caption="Buyer objections in the order reps see them"
      rows={objections}
      columns={COLUMNS}
      canEdit={canEdit}
      addLabel="Add objection"
      nameOf={(objection) => objection.label}
      empty="No objections defined. Reps can still decide; they just cannot say what the buyer objected to."
      form={(objection, done) =>
        objection ? (
          <ObjectionForm key={objection.version} objection={objection} nextSortOrder={nextSortOrder} onDone={done} />
        ) : (
          <ObjectionForm nextSortOrder={nextSortOrder} onDone={done} />
        )
      }
    />
  );
}
