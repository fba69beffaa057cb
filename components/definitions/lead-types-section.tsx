"use client";

import { Fragment, useState } from "react";
import { LeadTypeForm } from "@/components/definitions/lead-type-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { LeadTypeDefinitionRow } from "@/lib/definitions/queries";
import { INTENT_LABELS, PRIORITY_LABELS } from "@/lib/diagnosis/labels";

const COLUMNS = 6;

/** The lead types as a compact table; one row at a time opens for editing, or the form for a new type. */
export function LeadTypesSection({ leadTypes, canEdit }: { leadTypes: LeadTypeDefinitionRow[]; canEdit: boolean }) {
  const [editing, setEditing] = useState<number | "new" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const open = (target: number | "new") => {
    setNotice(null);
    setEditing(target);
  };
  const close = (message?: string) => {
    setEditing(null);
    if (message) setNotice(message);
  };

  return (
    <div className="space-y-3">
      {canEdit && (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p role="status" aria-live="polite" className="min-h-5 text-sm text-emerald-700">
            {notice}
          </p>
          {editing !== "new" && (
            <Button type="button" variant="secondary" size="sm" onClick={() => open("new")}>
              Add lead type
            </Button>
          )}
        </div>
      )}
      {editing === "new" && <LeadTypeForm onDone={close} />}
      <div className="overflow-x-auto rounded-md border border-slate-200">
        <table className="min-w-full text-sm">
          <caption className="sr-only">Lead types with their intent, priority and acceptance criteria</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-2">Lead type</th>
              <th scope="col" className="px-3 py-2">Intent</th>
              <th scope="col" className="px-3 py-2">Priority</th>
              <th scope="col" className="px-3 py-2">Acceptance criteria</th>
              <th scope="col" className="px-3 py-2">Status</th>
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {leadTypes.map((type) => (
              <Fragment key={type.id}>
                <tr className={type.active ? "align-top" : "align-top text-slate-500"}>
                  <td className="px-3 py-2">
                    <p className="font-medium text-slate-900">{type.name}</p>
                    <p className="font-mono text-xs text-slate-500">{type.key}</p>
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">{INTENT_LABELS[type.intent]}</td>
                  <td className="whitespace-nowrap px-3 py-2">{PRIORITY_LABELS[type.priority]}</td>
                  <td className="px-3 py-2">
                    {type.acceptanceCriteria.length > 0 ? (
                      <ul className="list-disc space-y-0.5 pl-4 text-xs text-slate-700">
                        {type.acceptanceCriteria.map((criterion) => (
                          <li key={criterion.id}>{criterion.label}</li>
                        ))}
                      </ul>
                    ) : (
                      <Badge tone="warn">None: acceptance will be vague</Badge>
                    )}
                  </td>
                  <td className="px-3 py-2">{type.active ? <Badge tone="good">Active</Badge> : <Badge tone="muted">Inactive</Badge>}</td>
                  <td className="px-3 py-2 text-right">
                    {canEdit && editing !== type.id && (
                      <Button type="button" variant="ghost" size="sm" onClick={() => open(type.id)} aria-label={`Edit ${type.name}`}>
                        Edit
                      </Button>
                    )}
                  </td>
                </tr>
                {editing === type.id && (
                  <tr>
                    <td colSpan={COLUMNS} className="bg-white px-3 py-3">
                      <LeadTypeForm key={type.version} leadType={type} onDone={close} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
        {leadTypes.length === 0 && (
          <p className="px-4 py-8 text-center text-sm text-slate-500">
            No lead types yet. {canEdit ? "Add the kinds of leads you receive, starting with the most urgent." : "Revenue operations adds them here."}
          </p>
        )}
      </div>
    </div>
  );
}
