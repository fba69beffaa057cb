"use client";

import { Fragment, useState } from "react";
import { RejectionReasonForm } from "@/components/definitions/rejection-reason-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { RejectionReasonDefinitionRow } from "@/lib/definitions/queries";

const COLUMNS = 5;

/** The rejection-reason taxonomy in its display order; one row at a time opens for editing. */
export function RejectionReasonsSection({ reasons, canEdit }: { reasons: RejectionReasonDefinitionRow[]; canEdit: boolean }) {
  const [editing, setEditing] = useState<number | "new" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const nextSortOrder = reasons.reduce((max, reason) => Math.max(max, reason.sortOrder), 0) + 1;

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
              Add reason
            </Button>
          )}
        </div>
      )}
      {editing === "new" && <RejectionReasonForm nextSortOrder={nextSortOrder} onDone={close} />}
      <div className="overflow-x-auto rounded-md border border-slate-200">
        <table className="min-w-full text-sm">
          <caption className="sr-only">Rejection reasons in the order reps see them</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="w-16 px-3 py-2">Order</th>
              <th scope="col" className="px-3 py-2">Reason</th>
              <th scope="col" className="px-3 py-2">Detail</th>
              <th scope="col" className="px-3 py-2">Status</th>
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {reasons.map((reason) => (
              <Fragment key={reason.id}>
                <tr className={reason.active ? "align-top" : "align-top text-slate-500"}>
                  <td className="px-3 py-2 tabular-nums text-slate-500">{reason.sortOrder}</td>
                  <td className="px-3 py-2">
                    <p className="font-medium text-slate-900">{reason.label}</p>
                    <p className="font-mono text-xs text-slate-500">{reason.code}</p>
                  </td>
                  <td className="px-3 py-2">
                    {reason.requiresDetail ? <Badge tone="info">Detail required</Badge> : <span className="text-xs text-slate-500">Optional</span>}
                    {reason.detailPrompt && <p className="mt-1 text-xs text-slate-600">Prompt: {reason.detailPrompt}</p>}
                  </td>
                  <td className="px-3 py-2">{reason.active ? <Badge tone="good">Active</Badge> : <Badge tone="muted">Inactive</Badge>}</td>
                  <td className="px-3 py-2 text-right">
                    {canEdit && editing !== reason.id && (
                      <Button type="button" variant="ghost" size="sm" onClick={() => open(reason.id)} aria-label={`Edit ${reason.label}`}>
                        Edit
                      </Button>
                    )}
                  </td>
                </tr>
                {editing === reason.id && (
                  <tr>
                    <td colSpan={COLUMNS} className="bg-white px-3 py-3">
                      <RejectionReasonForm key={reason.version} reason={reason} nextSortOrder={nextSortOrder} onDone={close} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
        {reasons.length === 0 && (
          <p className="px-4 py-8 text-center text-sm text-slate-500">
            No rejection reasons yet. {canEdit ? "Add the reasons reps may give, so every rejection tells marketing something usable." : "Revenue operations adds them here."}
          </p>
        )}
      </div>
    </div>
  );
}
