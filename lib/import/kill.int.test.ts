import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { readSummary } from "@/lib/import/job-state";
import { requeueOrphanedImports } from "@/lib/import/queue";
import { runImportJob } from "@/lib/import/run";
import { startImport } from "@/lib/import/run-mutations";
import { jobState, runCheck, seedImportWorkspace, uploadAndAnalyse, type ImportWorkspace } from "@/lib/import/testing";
import { stopBoss } from "@/lib/jobs/boss";

// Killing the server during an import leaves either the whole batch or none of it (issue 9). The import
// runs in a process of its own (tests/import-instance.ts: what an app instance's worker runs), which is
// SIGKILLed while its transaction is writing. The importer writes a whole file in one transaction in
// both modes (lib/import/README.md), so nothing of the file may remain; the sweep then re-queues the job
// and the re-run imports exactly the file: every lead once, every event once.

const ROOT = path.resolve(import.meta.dirname, "../..");
const APP_NAME = "baton-import-kill-test";
const ROWS = 20_000;

let workspace: ImportWorkspace;
let child: ChildProcess | null = null;

beforeAll(async () => {
  workspace = await seedImportWorkspace();
});
afterEach(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  child = null;
});
afterAll(() => stopBoss());

/** A HubSpot-style export: one lead per row, captured ("Create Date") and contacted once ("Last Contacted"). */
function exportFile(source: string): Buffer {
  const lines = ["Record ID,First Name,Last Name,Email,Company Name,Create Date,Last Contacted"];
  for (let index = 0; index < ROWS; index++) {
    lines.push(
      `${source}-${index},Person,${index},person${index}@${source}-${index % 400}.example,Company ${index % 400},2025-03-14 09:05,2025-03-15 10:${String(index % 60).padStart(2, "0")}`,
    );
  }
  return Buffer.from(`${lines.join("\n")}\n`, "utf8");
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last seen: ${JSON.stringify(value)})`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The killed instance's database session: whether it has a transaction that has written (an xid). */
async function instanceSession(): Promise<{ sessions: number; writing: boolean }> {
  const { rows } = await pool.query<{ sessions: number; writing: boolean }>(
    "SELECT count(*)::int AS sessions, coalesce(bool_or(backend_xid IS NOT NULL), false) AS writing FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()",
    [APP_NAME],
  );
  return rows[0]!;
}

function startInstance(jobId: number): ChildProcess {
  // tsx as a loader of this very process: its CLI would run the script in a grandchild the kill would miss.
  const started = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "tests/import-instance.ts", String(jobId)], {
    cwd: ROOT,
    env: { ...process.env, PGAPPNAME: APP_NAME },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  started.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  started.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  started.on("exit", (code, signal) => {
    if (signal !== "SIGKILL") console.error(`import instance exited early (code ${code}, signal ${signal}):\n${output}`);
  });
  return started;
}

async function fileContents(source: string) {
  const { rows } = await pool.query<{
    leads: number;
    distinct_leads: number;
    captured: number;
    contacted: number;
    other_events: number;
    repeated_events: number;
  }>(
    `SELECT (SELECT count(*)::int FROM leads WHERE source_system = $1) AS leads,
            (SELECT count(DISTINCT external_id)::int FROM leads WHERE source_system = $1) AS distinct_leads,
            (SELECT count(*)::int FROM handoff_events WHERE source_system = $1 AND type = 'captured') AS captured,
            (SELECT count(*)::int FROM handoff_events WHERE source_system = $1 AND type = 'contacted') AS contacted,
            (SELECT count(*)::int FROM handoff_events WHERE source_system = $1 AND type NOT IN ('captured', 'contacted')) AS other_events,
            (SELECT count(*)::int FROM (SELECT 1 FROM handoff_events WHERE source_system = $1 GROUP BY lead_id, type HAVING count(*) > 1) twice) AS repeated_events`,
    [source],
  );
  return rows[0]!;
}

describe("killing the instance that runs an import", () => {
  it.each(["all_or_nothing", "valid_rows"] as const)(
    "leaves none of the file, and the re-queued run imports it exactly once (%s)",
    async (mode) => {
      const source = `kill-${mode.replace(/_/g, "-")}`;
      const jobId = await uploadAndAnalyse(workspace.revopsId, [{ kind: "leads", name: "contacts.csv", bytes: exportFile(source) }]);
      await db.importJob.update({ where: { id: jobId }, data: { sourceSystem: source } });
      expect((await runCheck(workspace.revopsId, jobId)).status).toBe("validated");
      const accountsBefore = await db.account.count();
      const auditBefore = await db.auditLog.count({ where: { entityType: "import_job", entityId: String(jobId) } });

      await startImport(workspace.revopsId, { jobId, version: (await jobState(jobId)).version, mode });
      child = startInstance(jobId);
      const instance = child;
      // Mid-write: batches already written inside the instance's transaction, most of the file still to come.
      const progress = await waitFor(
        async () => ({ job: await jobState(jobId), session: await instanceSession() }),
        ({ job, session }) =>
          job.status === "running" && readSummary(job.summary).progress?.phase === "reading" && job.rowsDone >= 2_500 && session.writing,
        "the instance to be writing",
      );
      expect(progress.job.rowsDone).toBeLessThan(ROWS);
      instance.kill("SIGKILL");
      await new Promise((resolve) => instance.once("exit", resolve));
      expect(instance.signalCode).toBe("SIGKILL");

      // PostgreSQL ends the dead instance's session (rolling its transaction back) once it sees the socket closed.
      await waitFor(instanceSession, (session) => session.sessions === 0, "the killed instance's session to end");
      expect(await fileContents(source)).toEqual({
        leads: 0,
        distinct_leads: 0,
        captured: 0,
        contacted: 0,
        other_events: 0,
        repeated_events: 0,
      });
      expect(await db.account.count()).toBe(accountsBefore);
      expect((await jobState(jobId)).status).toBe("running"); // nobody could say otherwise: the instance is gone

      // The sweep finds the job running with nobody holding its lock, and queues it again.
      expect(await requeueOrphanedImports()).toContain(jobId);
      expect((await jobState(jobId)).status).toBe("queued");

      // The worker that picks it up starts the file over: every lead and event of the file, once.
      expect(await runImportJob(jobId)).toBe("finished");
      const finished = await jobState(jobId);
      expect(finished).toMatchObject({ status: "succeeded", rowsCreated: ROWS, rowsUpdated: 0 });
      expect(await fileContents(source)).toEqual({
        leads: ROWS,
        distinct_leads: ROWS,
        captured: ROWS,
        contacted: ROWS,
        other_events: 0,
        repeated_events: 0,
      });
      expect(await db.lead.count({ where: { sourceSystem: source, diagnosedAt: null } })).toBe(0);
      expect(await db.auditLog.count({ where: { entityType: "import_job", entityId: String(jobId), action: "import.import.done" } })).toBe(
        1,
      );
      expect(await db.auditLog.count({ where: { entityType: "import_job", entityId: String(jobId) } })).toBeGreaterThan(auditBefore);
    },
    180_000,
  );
});
