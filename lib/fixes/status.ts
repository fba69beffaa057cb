// A fix's life: open -> in progress -> done -> verified (the metric moved). `doneAt` marks when the
// change went live (the dashboards draw their fix markers from it), so it is set when a fix becomes
// done, kept through verification, and cleared if the fix is reopened.
export const FIX_STATUSES = ["open", "in_progress", "done", "verified"] as const;
export type FixStatus = (typeof FIX_STATUSES)[number];

export const FIX_STATUS_LABELS: Record<FixStatus, string> = {
  open: "Open",
  in_progress: "In progress",
  done: "Done",
  verified: "Verified",
};

/** The fields every list of fixes reads (the fixes page, a meeting's summary, the audit snapshot). */
export const FIX_FIELDS = {
  id: true,
  title: true,
  fixType: true,
  description: true,
  failurePoint: true,
  expectedMetric: true,
  status: true,
  dueDate: true,
} as const;

export interface FixTimestamps {
  doneAt: Date | null;
  verifiedAt: Date | null;
}

export function statusTimestamps(current: FixTimestamps, status: FixStatus, now: Date): FixTimestamps {
  if (status === "open" || status === "in_progress") return { doneAt: null, verifiedAt: null };
  const doneAt = current.doneAt ?? now;
  if (status === "done") return { doneAt, verifiedAt: null };
  return { doneAt, verifiedAt: current.verifiedAt ?? now };
}

/** A due date before today (yyyy-mm-dd in the workspace time zone) on a fix that is not done yet. */
export function isOverdue(status: FixStatus, dueDate: string | null, today: string): boolean {
  return dueDate !== null && (status === "open" || status === "in_progress") && dueDate < today;
}
