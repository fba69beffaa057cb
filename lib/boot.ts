import { getEnv } from "@/lib/env";

// Refuse to start with invalid settings (one readable line, non-zero exit), then start the background
// workers. Jobs live in PostgreSQL, so every instance takes its share and none holds state of its own.
export async function boot(): Promise<void> {
  try {
    getEnv();
  } catch (error) {
    console.error(`baton: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const { startRediagnosisWorkers } = await import("@/lib/rediagnosis/jobs");
  startWithRetry("workers", startRediagnosisWorkers);
  // Import checks and runs, and the API's background diagnosis (each start is idempotent).
  const { startImportWorkers } = await import("@/lib/import/queue");
  const { startEventWorkers } = await import("@/lib/events/workers");
  const { startIdempotencyPurge } = await import("@/lib/api/v1/idempotency");
  startWithRetry("import workers", () => Promise.all([startImportWorkers(), startEventWorkers(), startIdempotencyPurge()]));
  // CRM syncs: the minute's tick, backfills, incremental passes and webhook-triggered passes.
  const { startSyncWorkers } = await import("@/lib/sync/jobs");
  startWithRetry("sync workers", startSyncWorkers);
  // SLA alerts (a scheduler tick in every instance, each alert claimed once) and their deliveries.
  const { startAlertWorkers } = await import("@/lib/alerts/workers");
  startWithRetry("alert workers", startAlertWorkers);
  // The weekly handoff report, to those who asked for it.
  const { startWeeklyReportSchedule } = await import("@/lib/report/jobs");
  startWithRetry("weekly report", startWeeklyReportSchedule);
}

/** A database that is down at boot must not stop the web server: keep trying, backing off, until `start` succeeds. */
function startWithRetry(what: string, start: () => Promise<unknown>, attempt = 0): void {
  start().catch((error: unknown) => {
    console.error(`jobs: ${what} not started yet (${error instanceof Error ? error.message : String(error)}); retrying`);
    setTimeout(() => startWithRetry(what, start, attempt + 1), Math.min(60_000, 2_000 * 2 ** attempt));
  });
}
