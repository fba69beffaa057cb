"use client";

import { useState, useTransition } from "react";
import type { FixValues } from "@/components/fixes/fix-fields";
import { FixProposalForm } from "@/components/fixes/fix-proposal-form";
import { useJsonDraft } from "@/components/review/use-draft";
import { WriteStatus } from "@/components/review/write-status";
import { Button } from "@/components/ui/button";
import type { FailurePoint } from "@/lib/diagnosis/vocabulary";
import { proposeFix } from "@/lib/fixes/actions";
import { SUGGESTED_FIX } from "@/lib/fixes/metrics";
import type { FixOwnerOption } from "@/lib/fixes/queries";
import type { ActionResult } from "@/lib/actions/result";

// Records the fix agreed for a lead (and, in a meeting, for that meeting): a fix type, a specific
// description, an owner and a due date. Starts from the agreed root cause's usual fix; kept as a draft.

function startingValues(rootCause: FailurePoint | null): FixValues {
  const suggestion = rootCause ? SUGGESTED_FIX[rootCause] : null;
  return {
    title: "",
    fixType: suggestion?.fixType ?? "field_mapping",
    description: "",
    failurePoint: rootCause ?? "",
    expectedMetric: suggestion?.metric ?? "",
    ownerId: "",
    dueDate: "",
  };
}

export function NewFixForm({
  leadId,
  meetingId,
  rootCause,
  owners,
}: {
  leadId: number;
  meetingId?: number;
  rootCause: FailurePoint | null;
  owners: FixOwnerOption[];
}) {
  const draftKey = `fix:new:${leadId}${meetingId ? `:meeting:${meetingId}` : ""}`;
  const [draft, setDraft, clearDraft] = useJsonDraft<FixValues>(draftKey);
  const [result, setResult] = useState<ActionResult<{ id: number }> | null>(null);
  const [pending, startTransition] = useTransition();

  if (!draft) {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <Button
          type="button"
          size="sm"
          id="fix-open"
          onClick={() => {
            setResult(null);
            setDraft(startingValues(rootCause));
          }}
        >
          Record a fix
        </Button>
        <WriteStatus result={result} />
      </div>
    );
  }

  function save(values: FixValues) {
    startTransition(async () => {
      const outcome = await proposeFix({ ...values, leadIds: [leadId], meetingId });
      setResult(outcome);
      if (outcome.ok) clearDraft();
    });
  }

  return (
    <FixProposalForm
      label="Record a fix"
      idPrefix="fix-new"
      values={draft}
      onChange={setDraft}
      owners={owners}
      result={result}
      pending={pending}
      onSave={save}
      cancelLabel="Discard"
      onCancel={() => {
        clearDraft();
        setResult(null);
      }}
      evidenceNote={<span className="text-[11px] text-slate-500">This lead is cited as evidence; cite more from their pages.</span>}
    />
  );
}
