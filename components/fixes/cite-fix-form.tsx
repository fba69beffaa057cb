"use client";

import { useState, useTransition } from "react";
import { WriteStatus } from "@/components/review/write-status";
import { Button } from "@/components/ui/button";
import { FIX_TYPE_LABELS } from "@/lib/diagnosis/labels";
import type { FixType } from "@/lib/diagnosis/vocabulary";
import { citeLeadOnFix } from "@/lib/fixes/actions";
import type { ActionResult } from "@/lib/actions/result";

/** One fix can cite many leads: adds this lead as evidence to a fix still being worked on. */
export function CiteFixForm({ leadId, fixes }: { leadId: number; fixes: { id: number; title: string; fixType: FixType }[] }) {
  const [fixId, setFixId] = useState("");
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  if (fixes.length === 0) return null;
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (!fixId) return;
        startTransition(async () => {
          const outcome = await citeLeadOnFix({ fixId, leadId });
          setResult(outcome);
          if (outcome.ok) setFixId("");
        });
      }}
    >
      <div className="min-w-0 flex-1">
        <label htmlFor="cite-fix" className="block text-xs font-medium text-slate-700">
          Or cite this lead on an open fix
        </label>
        <select
          id="cite-fix"
          value={fixId}
          onChange={(event) => setFixId(event.target.value)}
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
        >
          <option value="">Choose a fix…</option>
          {fixes.map((fix) => (
            <option key={fix.id} value={fix.id}>
              {fix.title} ({FIX_TYPE_LABELS[fix.fixType]})
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" size="sm" variant="secondary" disabled={!fixId || pending}>
        Cite as evidence
      </Button>
      <WriteStatus result={result} className="w-full" />
    </form>
  );
}
