import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { findFreePort, startEmbeddedPostgres, type RunningPostgres } from "../../scripts/db/embedded-postgres";
import { migrate } from "../../scripts/db/migrate";
import { loadAndDiagnoseDemo } from "../../scripts/db/demo";

// The database restarting while the app serves: requests fail cleanly during the outage, and the app
// recovers by itself afterwards, without a restart. Runs its own server over its own cluster.
test.describe.configure({ mode: "serial", timeout: 180_000 });

let database: RunningPostgres | undefined;
let server: ChildProcess | undefined;

test.afterAll(async () => {
  server?.kill("SIGTERM");
  await database?.stop();
});

async function waitFor(check: () => Promise<boolean>, seconds: number): Promise<boolean> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

async function signIn(request: APIRequestContext, base: string) {
  const { csrfToken } = (await (await request.get(`${base}/api/auth/csrf`)).json()) as { csrfToken: string };
  const response = await request.post(`${base}/api/auth/callback/credentials`, {
    form: { csrfToken, email: "rep@demo.baton.dev", password: "baton-demo", json: "true" },
  });
  expect(response.ok()).toBeTruthy();
}

test("requests fail cleanly while PostgreSQL is down and the app recovers on its own", async ({ request }) => {
  const dataDir = path.join(await mkdtemp(path.join(os.tmpdir(), "baton-restart-")), "data");
  const pgPort = await findFreePort();
  database = await startEmbeddedPostgres({ dataDir, port: pgPort, database: "restart" });
  await migrate(database.url);
  await loadAndDiagnoseDemo(database.url);

  const port = await findFreePort();
  const base = `http://127.0.0.1:${port}`;
  server = spawn("node_modules/.bin/next", ["start", "-p", String(port), "-H", "127.0.0.1"], {
    stdio: "ignore",
    env: {
      ...process.env,
      NODE_ENV: "production",
      BATON_DIST_DIR: process.env.BATON_DIST_DIR || ".next-test",
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: "restart-test-secret-0123456789abcdefghij",
      NEXTAUTH_URL: base,
    },
  });
  expect(await waitFor(async () => (await request.get(`${base}/api/health`)).status() === 200, 60)).toBe(true);
  await signIn(request, base);
  expect((await request.get(`${base}/leads`)).status()).toBe(200);

  await database.stop();
  const during = await request.get(`${base}/api/health`, { timeout: 15_000 });
  expect(during.status()).toBe(503);
  expect((await during.json()).database.status).toBe("down");
  const page = await request.get(`${base}/leads`, { timeout: 15_000, maxRedirects: 0 });
  expect(page.status()).toBeGreaterThanOrEqual(500);
  expect(await page.text()).not.toContain("ECONNREFUSED");

  database = await startEmbeddedPostgres({ dataDir, port: pgPort, database: "restart" });
  expect(await waitFor(async () => (await request.get(`${base}/api/health`)).status() === 200, 30)).toBe(true);
  const after = await request.get(`${base}/leads`);
  expect(after.status()).toBe(200);
  expect(await after.text()).toContain("Leads");
});
