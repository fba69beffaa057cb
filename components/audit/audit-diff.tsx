import clsx from "clsx";
import { summarizeDiff, type DiffStatus } from "@/lib/audit/diff";
import { readableAuditLines, type AuditNames, type ReadableLine } from "@/lib/audit/readable";

// One audit row's before and after, one line per field in words ("role: Viewer → Marketing"), people and
// teams by name. Changed fields are listed at once; the complete record (unchanged fields too) opens on
// demand. Every value is rendered as text, and long values wrap instead of widening the page.

const INLINE_LIMIT = 6;

const STATUS_STYLES: Record<DiffStatus, string> = {
  changed: "bg-amber-50",
  added: "bg-emerald-50",
  removed: "bg-red-50",
  unchanged: "text-slate-600",
};

export function AuditDiff({ before, after, names }: { before: unknown; after: unknown; names: AuditNames }) {
  const lines = readableAuditLines(before, after, names);
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  const changed = lines.filter((line) => line.status !== "unchanged");
  const summary = summarizeDiff(lines, hasBefore, hasAfter);
  // A creation or removal lists every field: keep those folded, show the edits inline.
  const inline = hasBefore && hasAfter ? changed.slice(0, INLINE_LIMIT) : [];

  return (
    <div className="min-w-0 space-y-1">
      {inline.length > 0 ? <ChangeList lines={inline} label="Changed fields" /> : <p className="text-xs text-slate-600">{summary}</p>}
      {lines.length > inline.length && (
        <details className="group">
          <summary className="cursor-pointer text-xs font-medium text-brand-700 hover:underline">
            {inline.length > 0
              ? `${summary}; show all ${lines.length} fields`
              : `Show the ${lines.length} ${lines.length === 1 ? "field" : "fields"}`}
          </summary>
          <ChangeList lines={lines} label="All fields, before and after" whole={!hasBefore || !hasAfter} className="mt-1" />
        </details>
      )}
    </div>
  );
}

interface ChangeListProps {
  lines: ReadableLine[];
  label: string;
  /** A whole record created or removed: each field's one value, without marking every line. */
  whole?: boolean;
  className?: string;
}

function ChangeList({ lines, label, whole = false, className }: ChangeListProps) {
  return (
    <ul aria-label={label} className={clsx("space-y-0.5 text-xs", className)}>
      {lines.map((line) => (
        <li
          key={line.key}
          data-status={line.status}
          className={clsx("rounded px-1.5 py-0.5 break-words whitespace-pre-wrap", !whole && STATUS_STYLES[line.status])}
        >
          <span className="font-medium text-slate-700">{line.label}:</span>{" "}
          {whole ? (line.after ?? line.before) : <LineValues line={line} />}
        </li>
      ))}
    </ul>
  );
}

function LineValues({ line }: { line: ReadableLine }) {
  switch (line.status) {
    case "changed":
      return (
        <>
          <span className="text-red-800">{line.before}</span> → <span className="font-medium text-emerald-800">{line.after}</span>
        </>
      );
    case "added":
      return <span className="font-medium text-emerald-800">{line.after}</span>;
    case "removed":
      return (
        <>
          <span className="text-red-800">{line.before}</span> <span className="text-slate-600">(removed)</span>
        </>
      );
    case "unchanged":
      return <>{line.after}</>;
  }
}
