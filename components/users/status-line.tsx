import clsx from "clsx";
import type { ActionResult } from "@/lib/actions/result";

/** A form's outcome, announced politely to screen readers; the region is always present. */
export function StatusLine({ state, className }: { state: Pick<ActionResult, "ok" | "message"> | null; className?: string }) {
  return (
    <p
      role="status"
      aria-live="polite"
      aria-atomic="true"
      className={clsx("min-h-5 text-sm", state?.ok === false ? "text-red-700" : "text-emerald-700", className)}
    >
      {state?.message}
    </p>
  );
}
