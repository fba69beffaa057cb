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
  const { startRediagnosisWorkers } = await import("@/lib/jobs/rediagnosis");
  // A database that is down at boot must not stop the web server: keep trying until the workers start.
  const start = (attempt: number) => {
    startRediagnosisWorkers().catch((error: unknown) => {
      console.error(`jobs: workers not started yet (${error instanceof Error ? error.message : String(error)}); retrying`);
      setTimeout(() => start(attempt + 1), Math.min(60_000, 2_000 * 2 ** attempt));
    });
  };
  start(0);

  // Import checks and runs, and the API's background diagnosis, started the same way (each start is idempotent).
  const { startImportWorkers } = await import("@/lib/import/queue");
  const { startEventWorkers } = await import("@/lib/events/workers");
  const startIngest = (attempt: number) => {
    Promise.all([startImportWorkers(), startEventWorkers()]).catch((error: unknown) => {
      console.error(`jobs: import workers not started yet (${error instanceof Error ? error.message : String(error)}); retrying`);
      setTimeout(() => startIngest(attempt + 1), Math.min(60_000, 2_000 * 2 ** attempt));
    });
  };
  startIngest(0);
}
