import clsx from "clsx";
import type { ActionResult } from "@/lib/actions/result";

/**
 * The outcome of a review write, announced politely. A refused stale write shows the newer text next to
 * the user's own (which stays in the editor), so nothing is lost and nothing is silently overwritten.
 */
export function WriteStatus({ result, className }: { result: ActionResult<unknown> | null; className?: string }) {
  const failed = result?.ok === false;
  const fieldErrors = failed ? Object.values(result.fieldErrors ?? {}).flat() : [];
  return (
    <div
      role="status"
      aria-live="polite"
      aria-atomic="true"
      className={clsx("text-xs", failed ? "text-red-700" : "text-emerald-700", className)}
    >
      {failed && result.latest ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-2 text-amber-900" data-conflict>
          <p className="font-medium">Not saved: someone else changed this first.</p>
          <p className="mt-1">{result.latest.text === null ? "It has since been deleted." : "Their version now reads:"}</p>
          {result.latest.text !== null && (
            <p className="mt-1 rounded bg-white/70 px-2 py-1 whitespace-pre-wrap text-slate-800">{result.latest.text}</p>
          )}
          <p className="mt-1">Your text is still below. Compare, then save again to replace theirs, or cancel to keep it.</p>
        </div>
      ) : (
        <>
          {result?.message && (!failed || fieldErrors.length === 0) && <p>{result.message}</p>}
          {fieldErrors.map((error) => (
            <p key={error}>{error}</p>
          ))}
        </>
      )}
    </div>
  );
}
