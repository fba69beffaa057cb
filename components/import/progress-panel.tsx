"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { ProgressBar } from "@/components/import/progress-bar";
import { Button } from "@/components/ui/button";
import { cancelImportAction } from "@/lib/import/actions";
import { PHASE_LABELS } from "@/lib/import/labels";
import type { ImportProgress } from "@/lib/import/queries";

// A running check or import: rows done, rows per second and time left, from the job's own progress in
// the database, so a reload (or another tab) picks it up where it is. Polls once a second until the
// run ends, then shows the result.

const POLL_MS = 1_000;

function seconds(value: number): string {
  if (!Number.isFinite(value)) return "";
  if (value < 60) return `${Math.max(1, Math.round(value))} s`;
  return `${Math.floor(value / 60)} min ${Math.round(value % 60)} s`;
}

export function ProgressPanel({ jobId, initial }: { jobId: number; initial: ImportProgress }) {
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  // The clock starts after hydration: server and browser render the same first frame.
  const [now, setNow] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const running = progress.status === "queued" || progress.status === "running";
  const refreshed = useRef(false);

  useEffect(() => {
    if (!running) {
      // The run ended: load the result once (the page then renders it instead of this panel).
      if (!refreshed.current) {
        refreshed.current = true;
        router.refresh();
      }
      return;
    }
    const tick = async () => {
      setNow(Date.now());
      const response = await fetch(`/api/import/jobs/${jobId}/progress`, { cache: "no-store" }).catch(() => null);
      if (response?.ok) setProgress((await response.json()) as ImportProgress);
    };
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, POLL_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [jobId, running, router]);

  const run = progress.summary.run ?? "import";
  const phase = progress.summary.progress?.phase ?? "waiting";
  const done = progress.summary.progress?.done ?? 0;
  const total = progress.summary.progress?.total ?? progress.rowsTotal;
  const startedAt = progress.summary.progress ? Date.parse(progress.summary.progress.startedAt) : (now ?? 0);
  const elapsed = now === null ? 0 : Math.max(0.001, (now - startedAt) / 1000);
  const rate = elapsed > 0 ? done / elapsed : 0;
  const left = rate > 0 ? (total - done) / rate : Number.POSITIVE_INFINITY;
  const unit = phase === "diagnosing" ? "leads" : "rows";
  const detail =
    phase === "waiting"
      ? "Queued: a worker picks it up within a few seconds."
      : `${Math.round(rate).toLocaleString("en")} ${unit}/s${done > 0 && done < total ? ` · about ${seconds(left)} left` : ""} · ${progress.rowsCreated.toLocaleString("en")} ${run === "check" ? "to create" : "created"}, ${progress.rowsUpdated.toLocaleString("en")} ${run === "check" ? "to update" : "updated"}, ${progress.rowsFailed.toLocaleString("en")} invalid`;

  return (
    <div className="space-y-3" aria-live="polite">
      <ProgressBar
        label={PHASE_LABELS[phase][run]}
        done={done}
        total={total}
        unit={unit}
        detail={running ? detail : "Finished. Loading the result…"}
      />
      {running && (
        <div className="flex flex-wrap items-center gap-3">
          <Button
            type="button"
            variant="secondary"
            size="sm"
            disabled={pending || progress.cancelRequested}
            onClick={() =>
              startTransition(async () => {
                const result = await cancelImportAction(jobId);
                setMessage(result.ok ? (result.message ?? "Cancelling…") : result.message);
              })
            }
          >
            {progress.cancelRequested ? "Cancelling…" : run === "check" ? "Cancel the check" : "Cancel the import"}
          </Button>
          <p className="text-xs text-slate-500">
            {run === "import" ? "Cancelling rolls the whole file back: nothing of it stays." : "Nothing is written during a check."}
          </p>
          <p role="status" className="text-sm text-slate-700">
            {message}
          </p>
        </div>
      )}
    </div>
  );
}
