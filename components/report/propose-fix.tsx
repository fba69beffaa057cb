"use client";

import { useState, useTransition } from "react";
import Link from "next/link";
import type { FixValues } from "@/components/fixes/fix-fields";
import { FixProposalForm } from "@/components/fixes/fix-proposal-form";
import { Button } from "@/components/ui/button";
import type { FailurePoint, FixType } from "@/lib/diagnosis/vocabulary";
import type { FixOwnerOption } from "@/lib/fixes/queries";
import type { DimensionFilter } from "@/lib/lead-set/dimensions";
import { proposeFixFromFinding } from "@/lib/report/actions";
import type { ActionResult } from "@/lib/actions/result";

// "Propose a fix" on a finding: the fix type to try first, the failure point and its metric come filled
// in; the finding's failing leads become the evidence when it is saved.

export interface FindingRef {
  from: string;
  to: string;
  failurePoint: FailurePoint;
  where: DimensionFilter[];
}

export function ProposeFixFromFinding({
  finding,
  starting,
  owners,
}: {
  finding: FindingRef;
  starting: { title: string; fixType: FixType; metric: string; description: string };
  owners: FixOwnerOption[];
}) {
  const [values, setValues] = useState<FixValues | null>(null);
  const [result, setResult] = useState<ActionResult<{ id: number }> | null>(null);
  const [pending, startTransition] = useTransition();

  if (!values) {
    return (
      <div className="flex flex-wrap items-center gap-2">
        <Button
          type="button"
          size="sm"
          variant="secondary"
          onClick={() => {
            setResult(null);
            setValues({
              title: starting.title,
              fixType: starting.fixType,
              description: starting.description,
              failurePoint: finding.failurePoint,
              expectedMetric: starting.metric,
              ownerId: "",
              dueDate: "",
            });
          }}
        >
          Propose a fix
        </Button>
        {result?.ok && (
          <span role="status" className="text-xs text-emerald-700">
            {result.message}{" "}
            <Link className="font-medium underline" href={`/fixes/${result.data.id}`}>
              Open the fix
            </Link>
          </span>
        )}
      </div>
    );
  }

  return (
    <FixProposalForm
      label="Propose a fix for this finding"
      className="w-full"
      idPrefix={`fix-${finding.failurePoint}-${finding.where.map((part) => part.dimension).join("-")}`}
      values={values}
      onChange={setValues}
      owners={owners}
      result={result}
      pending={pending}
      onSave={(proposed) =>
        startTransition(async () => {
          const outcome = await proposeFixFromFinding(finding, proposed);
          setResult(outcome);
          if (outcome.ok) setValues(null);
        })
      }
      cancelLabel="Cancel"
      onCancel={() => setValues(null)}
      evidenceNote={
        <span className="text-xs text-slate-600">
          The finding&apos;s failing leads (up to 200, most severe first) are cited as evidence.
        </span>
      }
    />
  );
}
