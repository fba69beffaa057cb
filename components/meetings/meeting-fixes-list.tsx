import Link from "next/link";
import { formatDate } from "@/lib/time";

/** The fixes this meeting has recorded so far, so the room sees what it has agreed. */
export function MeetingFixesList({
  fixes,
}: {
  fixes: { id: number; title: string; owner: { name: string } | null; dueDate: string | null }[];
}) {
  return (
    <section aria-label="Fixes agreed in this meeting" className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <h2 className="text-sm font-semibold text-slate-900">Fixes agreed so far ({fixes.length})</h2>
      {fixes.length ? (
        <ul className="mt-1 space-y-0.5 text-sm">
          {fixes.map((fix) => (
            <li key={fix.id}>
              <Link href={`/fixes/${fix.id}`} className="text-brand-700 hover:underline">
                {fix.title}
              </Link>
              <span className="text-slate-500">
                {" "}
                · {fix.owner?.name ?? "no owner"} · {fix.dueDate ? `due ${formatDate(`${fix.dueDate}T12:00:00Z`, "UTC")}` : "no due date"}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-sm text-slate-500">None yet. Press f to record the fix for the lead on screen.</p>
      )}
    </section>
  );
}
