import clsx from "clsx";
import type { ReactNode } from "react";

// A side's facts as label / value pairs. A missing value says "Missing" in red: if the record cannot
// show it, the handoff did not transfer it.
export interface Fact {
  label: string;
  value: ReactNode | null;
  /** A long text (the buyer's message): shown as a quote. */
  quote?: boolean;
  hint?: ReactNode;
}

export function FactList({ facts }: { facts: Fact[] }) {
  return (
    <dl className="space-y-2.5 text-sm">
      {facts.map((fact) => (
        <div key={fact.label}>
          <dt className="text-xs font-medium text-slate-500">{fact.label}</dt>
          <dd className={clsx("mt-0.5 break-words", fact.value === null ? "font-medium text-red-700" : "text-slate-900")}>
            {fact.value === null ? (
              "Missing"
            ) : fact.quote ? (
              <blockquote className="border-l-2 border-slate-200 pl-2 whitespace-pre-wrap text-slate-700">{fact.value}</blockquote>
            ) : (
              fact.value
            )}
            {fact.hint && <span className="block text-xs font-normal text-slate-500">{fact.hint}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
