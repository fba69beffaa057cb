"use client";

import { useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";

type PreviewAction = (formData: FormData) => Promise<ActionResult<{ text: string }>>;

/**
 * A definition form's effective date: by default a change applies to leads captured from the save on;
 * "apply to past leads too" re-judges them. "Preview impact" computes, before saving, how many leads of
 * the last weeks the change would flag or clear. The form clears a shown preview when edited (`clear`).
 */
export function useImpactPreview(action: PreviewAction) {
  const formRef = useRef<HTMLFormElement>(null);
  const [impact, setImpact] = useState<string | null>(null);
  const [previewing, startPreview] = useTransition();
  const preview = () =>
    startPreview(async () => {
      if (!formRef.current) return;
      const result = await action(new FormData(formRef.current));
      setImpact(result.ok ? result.data.text : result.message);
    });
  return { formRef, impact, previewing, preview, clear: () => setImpact(null) };
}

export function EffectiveDateControls({
  kept,
  preview,
  previewing,
  impact,
}: {
  /** What earlier leads keep: "the targets", "the calendar and windows". */
  kept: string;
} & Pick<ReturnType<typeof useImpactPreview>, "preview" | "previewing" | "impact">) {
  return (
    <>
      <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2 text-xs">
        <label className="flex items-center gap-1.5 text-slate-700">
          <input type="checkbox" name="applyToPast" className="accent-brand-600" />
          Apply to past leads too (otherwise leads captured before saving keep {kept} they were judged by)
        </label>
        <button
          type="button"
          onClick={preview}
          disabled={previewing}
          className="rounded-md border border-slate-300 bg-white px-2.5 py-1 font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
        >
          {previewing ? "Computing impact…" : "Preview impact"}
        </button>
      </div>
      <p aria-live="polite" className="mt-1 text-xs text-slate-700">
        {impact}
      </p>
    </>
  );
}
