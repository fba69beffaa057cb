// Two more checks of `npm run load -- --instances 2`, about state no instance may keep to itself: a
// meeting moved on one instance reaches a viewer served by the other (live updates live in PostgreSQL),
// and a background job queued through one instance runs once, on one instance (pg-boss over PostgreSQL).
import { chromium, type Browser, type Page } from "@playwright/test";
import { createHash, randomBytes } from "node:crypto";
import type pg from "pg";
import { signIn } from "../lib/app-server.ts";

const CHROMIUM = process.env.BATON_CHROMIUM ?? "/usr/bin/chromium";

export interface CheckResult {
  ok: boolean;
  detail: string;
}

const message = (error: unknown) => (error instanceof Error ? error.message.split("\n")[0]! : String(error));

async function pageSignedIn(browser: Browser, base: string, email: string): Promise<Page> {
  const [name, ...value] = (await signIn(base, email)).split("=");
  const context = await browser.newContext();
  await context.addCookies([{ name: name!, value: value.join("="), url: base }]);
  return context.newPage();
}

/** A presenter on A moves a running meeting to its next lead; a viewer on B follows without reloading. */
export async function liveUpdateAcrossInstances(db: pg.Client, a: string, b: string): Promise<CheckResult> {
  const { rows: leads } = await db.query<{ id: number }>("SELECT id FROM leads WHERE flagged ORDER BY severity DESC, id LIMIT 2");
  const { rows: meetings } = await db.query<{ id: number }>(
    `INSERT INTO meetings (title, scheduled_for, status, created_by_id, updated_at)
     SELECT 'Two instances', now(), 'running', id, now() FROM users WHERE email = 'manager@demo.baton.dev' RETURNING id`,
  );
  const meetingId = meetings[0]!.id;
  const { rows: items } = await db.query<{ id: number }>(
    `INSERT INTO meeting_items (meeting_id, lead_id, position) SELECT $1, lead_id, position
     FROM unnest($2::int[]) WITH ORDINALITY AS agenda(lead_id, position) ORDER BY position RETURNING id`,
    [meetingId, leads.map((lead) => lead.id)],
  );
  await db.query("UPDATE meetings SET current_item_id = $2 WHERE id = $1", [meetingId, items[0]!.id]);

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  try {
    const presenter = await pageSignedIn(browser, a, "manager@demo.baton.dev");
    const viewer = await pageSignedIn(browser, b, "marketing@demo.baton.dev");
    await presenter.goto(`${a}/meetings/${meetingId}/present`);
    await viewer.goto(`${b}/meetings/${meetingId}/present`);
    await viewer.getByText("Lead 1 of 2").waitFor({ timeout: 30_000 });
    const moved = Date.now();
    await presenter.getByRole("button", { name: "Next →" }).click();
    await viewer.getByText("Lead 2 of 2").waitFor({ timeout: 15_000 });
    return {
      ok: true,
      detail: `the presenter on A moved to lead 2; the viewer on B followed in ${Date.now() - moved} ms without reloading`,
    };
  } catch (error) {
    return { ok: false, detail: `the viewer on B did not follow the presenter on A: ${message(error)}` };
  } finally {
    await browser.close();
  }
}

/**
 * A definition change sent to A queues one full re-diagnosis; both instances run job workers, and exactly
 * one of them runs it: one pg-boss job, one finished run covering every lead, one instance saying so.
 */
export async function jobRunsOnce(db: pg.Client, a: string, b: string, logs: readonly string[][]): Promise<CheckResult> {
  const token = `baton_${randomBytes(24).toString("base64url")}`;
  await db.query(
    `INSERT INTO api_tokens (name, prefix, token_hash, scope, extra_scopes, created_by_id)
     SELECT 'instances-definitions', $1, $2, 'write', ARRAY['definitions:write'], id FROM users WHERE email = 'admin@demo.baton.dev'`,
    [token.slice(0, 12), createHash("sha256").update(token).digest("hex")],
  );
  const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
  const definitions = (await (await fetch(`${b}/api/v1/definitions`, { headers })).json()) as {
    slas: { priority: string; version: number; owner: unknown; decision: unknown; firstAction: { amount: number; unit: string } }[];
  };
  const p3 = definitions.slas.find((sla) => sla.priority === "p3");
  if (!p3) return { ok: false, detail: "GET /definitions on B returned no P3 SLA" };
  const { rows: before } = await db.query<{ at: Date }>("SELECT now() AS at");
  const linesBefore = logs.map((lines) => lines.length);
  const response = await fetch(`${a}/api/v1/definitions/changes`, {
    method: "POST",
    headers,
    body: JSON.stringify({
      change: "sla",
      priority: "p3",
      version: p3.version,
      owner: p3.owner,
      decision: p3.decision,
      firstAction: { ...p3.firstAction, amount: p3.firstAction.amount + 1 },
      applyToPast: true,
    }),
  });
  if (!response.ok) return { ok: false, detail: `POST /definitions/changes on A answered ${response.status}` };

  const deadline = Date.now() + 180_000;
  type Run = { finished_at: Date | null; done: number; total: number };
  let run: Run | undefined;
  while (Date.now() < deadline) {
    const runs = await db.query<Run>("SELECT finished_at, done, total FROM rediagnosis_runs WHERE requested_at >= $1 ORDER BY id", [
      before[0]!.at,
    ]);
    run = runs.rows[0];
    if (run?.finished_at) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  // The worker logs after the run is marked finished: give that line a moment to arrive.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const { rows: jobs } = await db.query<{ state: string }>(
    "SELECT state FROM pgboss.job WHERE name = 'rediagnose-all' AND created_on >= $1",
    [before[0]!.at],
  );
  const ranOn = logs.map(
    (lines, index) => lines.slice(linesBefore[index]).filter((line) => line.includes("diagnosis: re-diagnosed")).length,
  );
  const ok = Boolean(run?.finished_at) && jobs.length === 1 && jobs[0]!.state === "completed" && ranOn.reduce((sum, n) => sum + n, 0) === 1;
  return {
    ok,
    detail: `${jobs.length} job(s) queued (${jobs.map((job) => job.state).join(", ") || "none"}), run ${run?.finished_at ? `finished: ${run.done} of ${run.total} leads` : "not finished"}; runs logged by A: ${ranOn[0]}, by B: ${ranOn[1]}`,
  };
}
