import type { DiagnosedSymptom } from "@/lib/diagnosis/types";

/** The symptoms the findings explain, and where to look for the root cause (DOMAIN.md). */
export function SymptomList({ symptoms }: { symptoms: DiagnosedSymptom[] }) {
  if (symptoms.length === 0) return null;
  return (
    <ul className="mt-4 grid gap-2 sm:grid-cols-2" aria-label="Symptoms and what to inspect">
      {symptoms.map((symptom) => (
        <li key={symptom.id} data-symptom={symptom.id} className="rounded-md border border-amber-200 bg-amber-50/60 px-3 py-2">
          <p className="text-sm font-medium text-slate-900">{symptom.label}</p>
          <p className="text-xs text-slate-700">Inspect: {symptom.inspect.join(", ")}</p>
        </li>
      ))}
    </ul>
  );
}
