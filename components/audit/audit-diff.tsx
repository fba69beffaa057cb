import clsx from "clsx";
import { diffAuditValues, summarizeDiff, type DiffLine, type DiffStatus } from "@/lib/audit/diff";

// One audit row's before and after, field by field. Changed fields are listed at once and highlighted;
// the complete record (unchanged fields too) opens on demand. Every value is rendered as text.

const INLINE_LIMIT = 6;

const STATUS_STYLES: Record<DiffStatus, { row: string; label: string }> = {
  changed: { row: "bg-amber-50", label: "changed" },
  added: { row: "bg-emerald-50", label: "added" },
  removed: { row: "bg-red-50", label: "removed" },
  unchanged: { row: "", label: "" },
};

export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const lines = diffAuditValues(before, after);
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  const changed = lines.filter((line) => line.status !== "unchanged");
  const summary = summarizeDiff(lines, hasBefore, hasAfter);
  // A creation or removal lists every field: keep those folded, show the edits inline.
  const inline = hasBefore && hasAfter ? changed.slice(0, INLINE_LIMIT) : [];

  return (
    <div className="max-w-2xl min-w-[24rem] space-y-1">
      {inline.length > 0 ? <DiffTable lines={inline} caption="Changed fields" /> : <p className="text-xs text-slate-600">{summary}</p>}
      {lines.length > inline.length && (
        <details className="group">
          <summary className="cursor-pointer text-xs font-medium text-brand-700 hover:underline">
            {inline.length > 0
              ? `${summary}; show all ${lines.length} fields`
              : `Show the ${lines.length} ${lines.length === 1 ? "field" : "fields"}`}
          </summary>
          <div className="mt-1">
            <DiffTable lines={lines} caption="All fields, before and after" />
          </div>
        </details>
      )}
    </div>
  );
}

function DiffTable({ lines, caption }: { lines: DiffLine[]; caption: string }) {
  return (
    <table className="w-full table-fixed border-separate border-spacing-0 overflow-hidden rounded-md text-xs ring-1 ring-slate-200">
      <caption className="sr-only">{caption}</caption>
      <thead className="bg-slate-50 text-left text-[11px] font-semibold tracking-wide text-slate-500 uppercase">
        <tr>
          <th scope="col" className="w-[34%] px-2 py-1">
            Field
          </th>
          <th scope="col" className="w-[33%] px-2 py-1">
            Before
          </th>
          <th scope="col" className="w-[33%] px-2 py-1">
            After
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => {
          const style = STATUS_STYLES[line.status];
          return (
            <tr key={line.key} className={clsx(style.row, line.status === "unchanged" && "text-slate-500")} data-status={line.status}>
              <th scope="row" className="px-2 py-1 text-left align-top font-mono font-normal break-words">
                {line.key}
                {style.label && <span className="sr-only"> ({style.label})</span>}
              </th>
              <td
                className={clsx(
                  "px-2 py-1 align-top break-words whitespace-pre-wrap",
                  line.status !== "unchanged" && line.before !== undefined && "text-red-800",
                )}
              >
                {line.before ?? <span className="text-slate-400">—</span>}
              </td>
              <td
                className={clsx(
                  "px-2 py-1 align-top break-words whitespace-pre-wrap",
                  line.status !== "unchanged" && line.after !== undefined && "font-medium text-emerald-800",
                )}
              >
                {line.after ?? <span className="text-slate-400">—</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
