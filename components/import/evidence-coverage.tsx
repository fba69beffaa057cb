import { COVERAGE_FIELDS, type SourceCoverage } from "@/lib/import/evidence-coverage";

const percent = (count: number, total: number) => (total ? `${Math.round((count / total) * 100)}%` : "–");

/**
 * Which DOMAIN evidence fields each source system's leads carry, as a share of its leads. "Not in the
 * source" means the import had no column for the field at all: a reporting gap (fix it in the CRM's
 * export: field mapping), which the diagnosis does not count as a handoff failure.
 */
export function EvidenceCoverage({ sources }: { sources: SourceCoverage[] }) {
  if (sources.length === 0) return <p className="py-6 text-center text-sm text-slate-500">No leads yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className="sr-only">Evidence coverage by source system</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
          <tr>
            <th scope="col" className="px-2.5 py-2">
              Evidence field
            </th>
            {sources.map((source) => (
              <th key={source.sourceSystem} scope="col" className="px-2.5 py-2 text-right">
                {source.sourceSystem}{" "}
                <span className="font-normal normal-case">
                  ({source.leads.toLocaleString("en")} {source.leads === 1 ? "lead" : "leads"})
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {COVERAGE_FIELDS.map((field) => (
            <tr key={field.id}>
              <th scope="row" className="px-2.5 py-2 text-left font-medium text-slate-700">
                {field.label}
              </th>
              {sources.map((source) => {
                const coverage = source.fields[field.id];
                return (
                  <td
                    key={source.sourceSystem}
                    className="px-2.5 py-2 text-right tabular-nums"
                    data-source={source.sourceSystem}
                    data-field={field.id}
                  >
                    <span className={coverage.withValue === 0 ? "text-slate-400" : "text-slate-900"}>
                      {percent(coverage.withValue, source.leads)}
                    </span>
                    {coverage.notRecorded > 0 && (
                      <p className="text-xs text-amber-700">
                        {coverage.notRecorded === source.leads
                          ? "not in the source"
                          : `not in the source for ${percent(coverage.notRecorded, source.leads)}`}
                      </p>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
