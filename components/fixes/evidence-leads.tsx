"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { WriteStatus } from "@/components/review/write-status";
import { FAILURE_POINT_LABELS } from "@/lib/diagnosis/labels";
import type { FailurePoint } from "@/lib/diagnosis/vocabulary";
import { removeLeadFromFix } from "@/lib/fixes/actions";
import type { ActionResult } from "@/lib/actions/result";

/** The leads a fix cites as evidence; the last one cannot be removed (a fix needs evidence). */
export function EvidenceLeads({
  fixId,
  leads,
  canEdit,
}: {
  fixId: number;
  leads: { id: number; name: string; company: string | null; failurePoints?: FailurePoint[] }[];
  canEdit: boolean;
}) {
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div>
      <ul aria-label="Evidence leads" className="divide-y divide-slate-100">
        {leads.map((lead) => (
          <li key={lead.id} className="flex items-center justify-between gap-2 py-1.5 text-sm">
            <span className="min-w-0">
              <Link href={`/review/${lead.id}`} className="text-brand-700 hover:underline">
                {lead.name}
              </Link>
              <span className="text-slate-500"> · {lead.company ?? "no company"}</span>
              {lead.failurePoints && lead.failurePoints.length > 0 && (
                <span className="block text-xs text-slate-500">
                  {lead.failurePoints.map((point) => FAILURE_POINT_LABELS[point]).join(", ")}
                </span>
              )}
            </span>
            {canEdit && leads.length > 1 && (
              <button
                type="button"
                disabled={pending}
                onClick={() => startTransition(async () => setResult(await removeLeadFromFix({ fixId, leadId: lead.id })))}
                className="shrink-0 text-xs text-slate-600 hover:underline"
              >
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-slate-500">Cite more leads from their side-by-side view (“cite this lead on an open fix”).</p>
      <WriteStatus result={result} className="mt-1" />
    </div>
  );
}
