import clsx from "clsx";
import { Badge } from "@/components/ui/badge";
import type { HandoffElementView } from "@/lib/leads/handoff-elements";
import { formatDateTime } from "@/lib/time";

const STATUS = {
  present: { tone: "good", label: "Present" },
  partial: { tone: "warn", label: "Partly missing" },
  missing: { tone: "bad", label: "Missing" },
} as const;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export function HandoffElementsPanel({ elements, timeZone }: { elements: HandoffElementView[]; timeZone: string }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3" aria-label="Handoff elements">
      {elements.map((element) => (
        <li key={element.id} data-element={element.id} data-status={element.status} className={clsx("rounded-md border p-3", element.status === "present" ? "border-slate-200" : element.status === "partial" ? "border-amber-200 bg-amber-50/40" : "border-red-200 bg-red-50/40")}>
          <div className="flex items-center justify-between gap-2">
            <h3 className="text-sm font-semibold text-slate-900">{element.label}</h3>
            <Badge tone={STATUS[element.status].tone}>{STATUS[element.status].label}</Badge>
          </div>
          <p className="mt-0.5 text-xs text-slate-500">{element.question}</p>
          <dl className="mt-2 space-y-1 text-xs">
            {element.evidence.map((item) => (
              <div key={item.label} className="flex gap-2">
                <dt className="w-32 shrink-0 text-slate-500">{item.label}</dt>
                <dd className={clsx("min-w-0 break-words", item.value === null ? "font-medium text-red-700" : "text-slate-800")}>
                  {item.value === null ? "Missing" : ISO_INSTANT.test(item.value) ? formatDateTime(item.value, timeZone) : item.value}
                </dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ul>
  );
}
