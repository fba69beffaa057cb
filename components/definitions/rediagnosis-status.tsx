"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { RediagnosisProgress } from "@/lib/rediagnosis/progress";
import { formatDateTime } from "@/lib/time";

const REFRESH_MS = 2000;

/** After a definition change: how far the re-diagnosis of every lead has got, and when it was done. */
export function RediagnosisStatus({ progress, timeZone }: { progress: RediagnosisProgress | null; timeZone: string }) {
  const router = useRouter();
  const running = progress !== null && progress.finishedAt === null;
  useEffect(() => {
    if (!running) return;
    // The run is in PostgreSQL, done by whichever instance took the job: re-read the page until it ends.
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [running, router]);
  if (!progress) return null;
  const time = (date: Date) => formatDateTime(date, timeZone);
  const text = progress.finishedAt
    ? `Re-diagnosis done ${time(progress.finishedAt)}: ${progress.done.toLocaleString("en-GB")} leads judged by the definitions in force (${progress.reason.replace(/^definitions: /, "")}).`
    : progress.startedAt && progress.total !== null
      ? `Re-diagnosing leads after "${progress.reason.replace(/^definitions: /, "")}": ${progress.done.toLocaleString("en-GB")} of ${progress.total.toLocaleString("en-GB")} done.`
      : `Re-diagnosis requested ${time(progress.requestedAt)} (${progress.reason.replace(/^definitions: /, "")}); waiting to start.`;
  return (
    <div role="status" className="mb-5 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-700 shadow-sm">
      <p>{text}</p>
      {running && progress.total ? (
        <progress
          className="mt-2 h-1.5 w-full accent-brand-600"
          max={progress.total}
          value={progress.done}
          aria-label="Re-diagnosis progress"
        />
      ) : null}
    </div>
  );
}
