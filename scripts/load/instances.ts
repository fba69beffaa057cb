// `npm run load -- --instances 2`: two production app instances behind Debian's nginx over one PostgreSQL,
// checked the way an IT team would check a load-balanced deployment: a session made on one instance works
// on the other; the sign-in throttle and the API rate limit count across both; a meeting moved on one reaches
// a viewer on the other; a job runs once; killing one instance in the middle of a stream of writes loses no
// acknowledged write and the other keeps serving. Prints each check and exits 1 when one fails. Needs the production build (built once, into .data/next-instances).
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { CliError } from "../lib/cli.ts";
import { ensureProductionBuild } from "../lib/build.ts";
import { startNginx } from "../lib/nginx.ts";
import { postCredentials, signIn, waitUntilHealthy } from "../lib/app-server.ts";
import { describeTarget } from "../db/database.ts";
import { findFreePort, startEmbeddedPostgres } from "../db/embedded-postgres.ts";
import { loadAndDiagnoseDemo } from "../db/demo.ts";
import { migrate } from "../db/migrate.ts";
import { jobRunsOnce, liveUpdateAcrossInstances } from "./instance-checks.ts";

const DIST_DIR = ".data/next-instances";
const API_BUDGET = 30;

/** Starts one instance; its output lines are kept in `lines`, to tell which instance ran a job. */
function startInstance(port: number, env: Record<string, string>, lines: string[]): ChildProcess {
  const child = spawn("node_modules/.bin/next", ["start", "-p", String(port), "-H", "127.0.0.1"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NODE_ENV: "production", BATON_DIST_DIR: DIST_DIR, ...env },
  });
  for (const stream of [child.stdout, child.stderr]) stream?.on("data", (chunk: Buffer) => lines.push(...chunk.toString().split("\n")));
  return child;
}

/** Whether the credentials sign in; `userAgent` marks the attempt (and names the session row it writes). */
async function postSignIn(base: string, email: string, password: string, userAgent: string): Promise<boolean> {
  return (await postCredentials(base, email, password, { "User-Agent": userAgent })) !== null;
}

export async function runInstances(count: number): Promise<boolean> {
  if (count !== 2) throw new CliError("--instances supports 2 (two app instances behind nginx)");
  const results: [string, boolean, string][] = [];
  const check = (name: string, ok: boolean, detail: string) => {
    results.push([name, ok, detail]);
    console.log(`${ok ? "PASS" : "FAIL"}  ${name}: ${detail}`);
  };
  const dir = await mkdtemp(path.join(os.tmpdir(), "baton-instances-"));
  const cluster = await startEmbeddedPostgres({
    dataDir: path.join(dir, "postgres"),
    port: await findFreePort(),
    database: "baton",
    persistent: false,
    settings: ["-c", "fsync=off"],
  });
  const children: ChildProcess[] = [];
  try {
    console.log(`Using ${describeTarget(cluster.url, cluster.dataDir)}`);
    await migrate(cluster.url);
    await loadAndDiagnoseDemo(cluster.url);
    await ensureProductionBuild(DIST_DIR);

    const ports = [await findFreePort(), await findFreePort()];
    const listen = await findFreePort();
    const front = `http://127.0.0.1:${listen}`;
    const env = {
      DATABASE_URL: cluster.url,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: front,
      API_REQUESTS_PER_MINUTE: String(API_BUDGET),
    };
    const logs: string[][] = ports.map(() => []);
    ports.forEach((port, index) => children.push(startInstance(port, env, logs[index]!)));
    const [a, b] = ports.map((port) => `http://127.0.0.1:${port}`) as [string, string];
    await Promise.all([waitUntilHealthy(a, 120), waitUntilHealthy(b, 120)]);
    children.push(await startNginx({ dir, listen, upstreams: ports }));
    console.log(`Two instances (${a}, ${b}) behind nginx on ${front}\n`);

    // 1. A session made on one instance works on the other.
    const cookie = await signIn(a, "admin@demo.baton.dev");
    const onB = await fetch(`${b}/leads`, { headers: { Cookie: cookie }, redirect: "manual" });
    check("session across instances", onB.status === 200, `signed in on A, /leads on B answered ${onB.status}`);

    // 2. The sign-in throttle counts failures made on either instance.
    for (let attempt = 0; attempt < 5; attempt += 1)
      await postSignIn(attempt % 2 ? a : b, "viewer@demo.baton.dev", "wrong password", "throttle");
    const lockedOnA = !(await postSignIn(a, "viewer@demo.baton.dev", "baton-demo", "throttle"));
    check("sign-in throttle across instances", lockedOnA, "5 failures split over A and B, then the right password on A is refused");

    // 3. The API budget is one budget for both instances.
    const db = new pg.Client({ connectionString: cluster.url });
    await db.connect();
    const token = `baton_${randomBytes(24).toString("base64url")}`;
    await db.query(
      `INSERT INTO api_tokens (name, prefix, token_hash, scope, created_by_id) SELECT 'instances', $1, $2, 'read', id FROM users WHERE email = 'admin@demo.baton.dev'`,
      [token.slice(0, 12), createHash("sha256").update(token).digest("hex")],
    );
    const statuses = await Promise.all(
      Array.from({ length: API_BUDGET + 10 }, (_, index) =>
        fetch(`${index % 2 ? a : b}/api/v1/leads`, { headers: { Authorization: `Bearer ${token}` } }).then((response) => response.status),
      ),
    );
    const served = statuses.filter((status) => status === 200).length;
    check(
      "API rate limit across instances",
      served === API_BUDGET,
      `${statuses.length} requests split over A and B: ${served} served, ${statuses.filter((status) => status === 429).length} refused with 429 (budget ${API_BUDGET}/min)`,
    );

    // 4. A meeting moved on A reaches a viewer on B; 5. a job queued through A runs once, on one instance.
    const live = await liveUpdateAcrossInstances(db, a, b);
    check("live update across instances", live.ok, live.detail);
    const job = await jobRunsOnce(db, a, b, logs);
    check("a background job runs once", job.ok, job.detail);

    // 6. Killing one instance mid-stream loses no acknowledged write; the other keeps serving. Each
    // sign-in through nginx writes a session row named by its User-Agent.
    const acknowledged: string[] = [];
    let failedAfterKill = 0;
    let afterKill = 0;
    for (let index = 0; index < 60; index += 1) {
      if (index === 20) children[0]!.kill("SIGKILL");
      const marker = `write-${index}`;
      const ok = await postSignIn(front, "manager@demo.baton.dev", "baton-demo", marker).catch(() => false);
      if (ok) acknowledged.push(marker);
      if (index >= 25) {
        afterKill += 1;
        if (!ok) failedAfterKill += 1;
      }
    }
    const { rows } = await db.query<{ user_agent: string }>("SELECT user_agent FROM user_sessions WHERE user_agent LIKE 'write-%'");
    const stored = new Set(rows.map((row) => row.user_agent));
    const lost = acknowledged.filter((marker) => !stored.has(marker));
    check(
      "no acknowledged write lost when an instance dies",
      lost.length === 0,
      `${acknowledged.length} of 60 sign-ins acknowledged, ${lost.length} missing in PostgreSQL`,
    );
    check(
      "the other instance keeps serving",
      failedAfterKill === 0,
      `${afterKill - failedAfterKill} of ${afterKill} requests after the kill served by B`,
    );
    await db.end();
  } finally {
    for (const child of children.reverse()) if (child.exitCode === null) child.kill("SIGTERM");
    await cluster.stop();
  }
  const failed = results.filter(([, ok]) => !ok).length;
  console.log(failed ? `\nFAILED: ${failed} check(s).` : "\nOK: every check passed.");
  return failed === 0;
}
