import clsx from "clsx";

// Where the import stands: upload, mapping, check (dry run), import.
const STEPS = ["Upload", "Map columns and values", "Check every row", "Import"] as const;

function currentStep(status: string): number {
  if (status === "uploaded") return 1;
  if (status === "mapped") return 1;
  if (status === "validated") return 3;
  return 3;
}

export function ImportSteps({ status, run }: { status: string; run?: "check" | "import" }) {
  const current = (status === "queued" || status === "running") && run === "check" ? 2 : currentStep(status);
  const finished = status === "succeeded";
  return (
    <ol aria-label="Import steps" className="mb-5 flex flex-wrap gap-2 text-xs">
      {STEPS.map((step, index) => {
        const done = index < current || finished;
        return (
          <li
            key={step}
            aria-current={index === current && !finished ? "step" : undefined}
            className={clsx(
              "flex items-center gap-1.5 rounded-full px-3 py-1 ring-1 ring-inset",
              done
                ? "bg-emerald-50 text-emerald-800 ring-emerald-200"
                : index === current
                  ? "bg-brand-50 font-medium text-brand-700 ring-brand-100"
                  : "bg-white text-slate-500 ring-slate-200",
            )}
          >
            <span aria-hidden>{done ? "✓" : index + 1}</span> {step}
          </li>
        );
      })}
    </ol>
  );
}
