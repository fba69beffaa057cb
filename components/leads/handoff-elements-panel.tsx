import clsx from "clsx";
import { Badge } from "@/components/ui/badge";
import type { ElementStatus } from "@/lib/diagnosis/types";
import type { HandoffElementView } from "@/lib/leads/handoff-elements";
import { formatDateTime } from "@/lib/time";

const STATUS: Record<ElementStatus, { tone: "good" | "warn" | "bad" | "neutral" | "muted"; label: string; box: string }> = {
  present: { tone: "good", label: "Present", box: "border-slate-200" },
  weak: { tone: "warn", label: "Weak", box: "border-amber-200 bg-amber-50/40" },
  broken: { tone: "bad", label: "Broken", box: "border-red-200 bg-red-50/40" },
  pending: { tone: "neutral", label: "Pending", box: "border-slate-200 bg-slate-50" },
  not_needed: { tone: "muted", label: "Not needed", box: "border-slate-200" },
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** The six elements, each with the verdict the diagnosis gave it and the fields behind it. */
export function HandoffElementsPanel({ elements, timeZone }: { elements: HandoffElementView[]; timeZone: string }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3" aria-label="Handoff elements">
      {elements.map((element) => {
        const problem = element.status === "broken" || element.status === "weak";
        return (
          <li
            key={element.id}
            data-element={element.id}
            data-status={element.status}
            className={clsx("min-w-0 rounded-md border p-3", STATUS[element.status].box)}
          >
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 className="text-sm font-semibold text-slate-900">{element.label}</h3>
              <Badge tone={STATUS[element.status].tone}>{STATUS[element.status].label}</Badge>
            </div>
            <p className="mt-0.5 text-xs text-slate-500">{element.question}</p>
            {element.reason && <p className="mt-1 text-xs text-slate-700">{element.reason}</p>}
            <dl className="mt-2 space-y-1 text-xs">
              {element.evidence.map((item) => (
                <div key={item.label} className="grid gap-x-2 sm:flex">
                  <dt className="shrink-0 text-slate-500 sm:w-32">{item.label}</dt>
                  <dd
                    className={clsx(
                      "min-w-0 break-words",
                      item.value === null && problem
                        ? "font-medium text-red-700"
                        : item.value === null
                          ? "text-slate-500"
                          : "text-slate-800",
                    )}
                  >
                    {item.value === null
                      ? problem
                        ? "Missing"
                        : "—"
                      : ISO_INSTANT.test(item.value)
                        ? formatDateTime(item.value, timeZone)
                        : item.value}
                  </dd>
                </div>
              ))}
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
