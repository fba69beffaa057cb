"use client";

import clsx from "clsx";
import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { FAILURE_POINT_LABELS, STEP_LABELS, STEP_QUESTIONS, STEP_STATUS_LABELS } from "@/lib/diagnosis/labels";
import type { Evidence, StepResult } from "@/lib/diagnosis/types";
import { formatDateTime, formatDuration } from "@/lib/time";

const STATUS_STYLE: Record<StepResult["status"], { cell: string; dot: string; tone: "good" | "warn" | "bad" | "neutral" | "muted" }> = {
  pass: { cell: "border-emerald-200 bg-emerald-50", dot: "bg-emerald-500", tone: "good" },
  warn: { cell: "border-amber-200 bg-amber-50", dot: "bg-amber-500", tone: "warn" },
  fail: { cell: "border-red-300 bg-red-50", dot: "bg-red-600", tone: "bad" },
  pending: { cell: "border-slate-200 bg-slate-50", dot: "bg-slate-400", tone: "neutral" },
  not_applicable: { cell: "border-slate-200 bg-white", dot: "bg-slate-200", tone: "muted" },
};

/** The six diagnosis steps side by side; choosing one shows the evidence behind its verdict. */
export function DiagnosisStrip({ steps, timeZone, initialStep }: { steps: StepResult[]; timeZone: string; initialStep?: string | null }) {
  const [selected, setSelected] = useState(initialStep ?? steps.find((step) => step.status !== "pass")?.step ?? steps[0]?.step);
  const current = steps.find((step) => step.step === selected);
  // Sized by the space it is given (a container), not the screen: the lead page's full width, the review
  // board's middle column and a phone each get the layout that fits them.
  return (
    <div className="@container">
      <ol className="grid grid-cols-1 gap-1.5 @sm:grid-cols-3 @sm:gap-2 @4xl:grid-cols-6" aria-label="Diagnosis steps">
        {steps.map((step, index) => {
          const style = STATUS_STYLE[step.status];
          const active = step.step === selected;
          return (
            <li key={step.step} data-step={step.step} data-status={step.status}>
              <button
                type="button"
                onClick={() => setSelected(step.step)}
                aria-pressed={active}
                className={clsx(
                  "flex h-full w-full flex-wrap items-center gap-x-3 gap-y-1 rounded-md border px-2.5 py-2 text-left transition @sm:flex-col @sm:flex-nowrap @sm:items-start @sm:gap-0 @sm:py-2.5",
                  style.cell,
                  active ? "ring-2 ring-brand-500" : "hover:brightness-95",
                )}
              >
                <span className="flex items-center gap-1.5 text-xs font-semibold text-slate-500">
                  <span aria-hidden className={clsx("h-2 w-2 rounded-full", style.dot)} />
                  {index + 1}. {STEP_LABELS[step.step]}
                </span>
                <span className="text-sm font-semibold text-slate-900 @sm:mt-1">{STEP_STATUS_LABELS[step.status]}</span>
                {step.failurePoints.length > 0 && (
                  <span className="flex flex-wrap gap-1 @sm:mt-1">
                    {step.failurePoints.map((point) => (
                      <Badge key={point} tone={style.tone}>
                        {FAILURE_POINT_LABELS[point]}
                      </Badge>
                    ))}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
      {current && (
        <section aria-label={`${STEP_LABELS[current.step]} evidence`} className="mt-3 rounded-md border border-slate-200 bg-white p-4">
          <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{STEP_QUESTIONS[current.step]}</p>
          <p className="mt-1 text-sm text-slate-900">{current.summary}</p>
          {current.evidence.length > 0 ? (
            // Focusable so a keyboard user can scroll the evidence sideways where it is a table.
            <div className="mt-3 @lg:overflow-x-auto" tabIndex={0} role="region" aria-label="Evidence used">
              {/* In a narrow space each row is a small card (label, value, target stacked); a table where it fits. */}
              <table className="block w-full text-left text-xs @lg:table @lg:min-w-[28rem]">
                <caption className="sr-only">Evidence used</caption>
                <thead className="hidden text-slate-500 @lg:table-header-group">
                  <tr>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      Evidence
                    </th>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      Value
                    </th>
                    <th scope="col" className="py-1 font-medium">
                      Against target
                    </th>
                  </tr>
                </thead>
                <tbody className="block divide-y divide-slate-100 @lg:table-row-group">
                  {current.evidence.map((item, index) => (
                    <EvidenceRow key={`${item.label}-${index}`} item={item} timeZone={timeZone} />
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="mt-2 text-xs text-slate-500">No evidence was needed for this verdict.</p>
          )}
        </section>
      )}
    </div>
  );
}

/** "2 d 4 h", or for a business-day clock "2 d 4 h elapsed · 9 h working time". */
function measured(item: Evidence): string {
  if (item.minutes === undefined) return "";
  const raw = formatDuration(item.minutes * 60_000);
  return item.workingMinutes !== undefined ? `${raw} elapsed · ${formatDuration(item.workingMinutes * 60_000)} working time` : raw;
}

/** The SLA as defined ("1 business day (8 h working time)"), never a business day restated as 1,440 minutes. */
function target(item: Evidence): { text: string; over: number | null } | null {
  if (item.targetMinutes === undefined) return null;
  if (item.targetWorkingMinutes !== undefined) {
    const over = item.minutes !== undefined && item.workingMinutes !== undefined ? item.workingMinutes - item.targetWorkingMinutes : null;
    return { text: `${item.target ?? ""} (${formatDuration(item.targetWorkingMinutes * 60_000)} working time)`.trim(), over };
  }
  return {
    text: item.target ?? formatDuration(item.targetMinutes * 60_000),
    over: item.minutes !== undefined ? item.minutes - item.targetMinutes : null,
  };
}

function EvidenceRow({ item, timeZone }: { item: Evidence; timeZone: string }) {
  const value =
    item.minutes !== undefined
      ? measured(item)
      : item.at
        ? formatDateTime(item.at, timeZone)
        : item.value === null
          ? "Missing"
          : item.value !== undefined
            ? String(item.value)
            : "";
  const goal = target(item);
  const over = goal?.over !== null && goal?.over !== undefined && goal.over > 0;
  return (
    <tr className="block py-1.5 @lg:table-row @lg:py-0">
      <td className="block py-0.5 text-slate-700 @lg:table-cell @lg:py-1.5 @lg:pr-3">
        {item.label}
        {item.leadId && (
          <Link href={`/leads/${item.leadId}`} className="ml-1 font-medium text-brand-700 underline-offset-2 hover:underline">
            Open lead {item.leadId}
          </Link>
        )}
      </td>
      <td
        className={clsx(
          "block py-0.5 tabular-nums @lg:table-cell @lg:py-1.5 @lg:pr-3",
          item.value === null ? "font-medium text-red-700" : "text-slate-900",
        )}
      >
        {value || "—"}
      </td>
      <td className="block py-0.5 text-slate-600 tabular-nums @lg:table-cell @lg:py-1.5">
        {goal && (
          <span className={clsx(item.minutes === undefined ? "text-slate-600" : over ? "font-medium text-red-700" : "text-emerald-700")}>
            target {goal.text}
            {over
              ? ` · over by ${formatDuration(goal.over! * 60_000)}${item.workingMinutes !== undefined ? " working time" : ""}`
              : item.minutes !== undefined
                ? " · met"
                : ""}
          </span>
        )}
        {item.deadline && <span className="ml-1 text-slate-500">deadline {formatDateTime(item.deadline, timeZone)}</span>}
      </td>
    </tr>
  );
}
