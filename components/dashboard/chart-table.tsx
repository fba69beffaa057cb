import Link from "next/link";
import type { TableData } from "@/lib/metrics/table";
import { formatValue } from "@/components/dashboard/format";

/** A chart's numbers as a table; every count that narrows to leads links to exactly those leads. */
export function ChartTable({ table, caption }: { table: TableData; caption: string }) {
  return (
    <div className="max-h-96 overflow-auto rounded-md border border-slate-100">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-slate-50 text-left text-xs font-semibold text-slate-500">
          <tr>
            {table.columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={`px-3 py-2 whitespace-nowrap ${column.kind === "text" || column.kind === "date" ? "" : "text-right"}`}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.rows.map((row, index) => (
            <tr key={index} className="hover:bg-slate-50">
              {table.columns.map((column) => {
                const item = row[column.key];
                const kind = item?.kind ?? column.kind;
                const text = formatValue(item?.value ?? null, kind);
                const numeric = typeof item?.value === "number";
                return (
                  <td key={column.key} className={`px-3 py-1.5 whitespace-nowrap ${numeric ? "text-right tabular-nums" : ""}`}>
                    {item?.href ? (
                      <Link href={item.href} className="font-medium text-brand-700 hover:underline">
                        {text}
                      </Link>
                    ) : (
                      text
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
