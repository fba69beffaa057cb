"use client";

import { Fragment, useState } from "react";
import { ObjectionForm } from "@/components/definitions/objection-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { ObjectionDefinitionRow } from "@/lib/definitions/objections";

/** The buyer objections reps pick from, in their display order; one row at a time opens for editing. */
export function ObjectionsSection({ objections, canEdit }: { objections: ObjectionDefinitionRow[]; canEdit: boolean }) {
  const [editing, setEditing] = useState<number | "new" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const nextSortOrder = objections.reduce((max, objection) => Math.max(max, objection.sortOrder), 0) + 1;
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
              Add objection
            </Button>
          )}
        </div>
      )}
      {editing === "new" && <ObjectionForm nextSortOrder={nextSortOrder} onDone={close} />}
      <div className="overflow-x-auto rounded-md border border-slate-200">
        <table className="min-w-full text-sm">
          <caption className="sr-only">Buyer objections in the order reps see them</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
            <tr>
              <th scope="col" className="w-16 px-3 py-2">
                Order
              </th>
              <th scope="col" className="px-3 py-2">
                Objection
              </th>
              <th scope="col" className="px-3 py-2">
                Short text
              </th>
              <th scope="col" className="px-3 py-2">
                Status
              </th>
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {objections.map((objection) => (
              <Fragment key={objection.id}>
                <tr className={objection.active ? "align-top" : "align-top text-slate-500"}>
                  <td className="px-3 py-2 text-slate-500 tabular-nums">{objection.sortOrder}</td>
                  <td className="px-3 py-2">
                    <p className="font-medium text-slate-900">{objection.label}</p>
                    <p className="font-mono text-xs text-slate-500">{objection.code}</p>
                  </td>
                  <td className="px-3 py-2">
                    {objection.requiresDetail ? (
                      <Badge tone="info">Required</Badge>
                    ) : (
                      <span className="text-xs text-slate-500">Optional</span>
                    )}
                  </td>
                  <td className="px-3 py-2">
                    {objection.active ? <Badge tone="good">Active</Badge> : <Badge tone="muted">Inactive</Badge>}
                  </td>
                  <td className="px-3 py-2 text-right">
                    {canEdit && editing !== objection.id && (
                      <Button
                        type="button"
                        variant="ghost"
                        size="sm"
                        onClick={() => open(objection.id)}
                        aria-label={`Edit ${objection.label}`}
                      >
                        Edit
                      </Button>
                    )}
                  </td>
                </tr>
                {editing === objection.id && (
                  <tr>
                    <td colSpan={5} className="bg-white px-3 py-3">
                      <ObjectionForm key={objection.version} objection={objection} nextSortOrder={nextSortOrder} onDone={close} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
        {objections.length === 0 && (
          <p className="px-4 py-8 text-center text-sm text-slate-500">
            No objections defined. Reps can still decide; they just cannot say what the buyer objected to.
          </p>
        )}
      </div>
    </div>
  );
}
