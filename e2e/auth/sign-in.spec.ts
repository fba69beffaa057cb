import { readdir } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "../fixtures/auth";

test("an unauthenticated visitor is sent to sign-in and comes back after signing in", async ({ page }) => {
  await page.goto("/leads?source=webinar");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fleads%3Fsource%3Dwebinar/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  await page.getByLabel("Email").fill("rep@demo.baton.dev");
  await page.getByLabel("Password").fill("baton-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/leads\?source=webinar$/);
  await expect(page.getByRole("heading", { name: "Leads" })).toBeVisible();
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("rep@demo.baton.dev");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("do not match an active account");
  await expect(page).toHaveURL(/\/sign-in/);
});

// Every route handler under app/api, by method and an address that reaches it. Health and next-auth's
// own endpoints answer anyone on purpose; every other route refuses a request without a session (the
// signed-in pages' routes) or without a token (the /api/v1 token API).
const REFUSED: { method: "GET" | "POST"; path: string; file: string }[] = [
  { method: "GET", path: "/api/dashboard/csv?chart=funnel", file: "dashboard/csv" },
  { method: "GET", path: "/api/dashboard/table?chart=funnel", file: "dashboard/table" },
  { method: "GET", path: "/api/connections/salesforce/callback?code=a-code&state=a-state", file: "connections/[provider]/callback" },
  { method: "GET", path: "/api/leads/csv?source=webinar", file: "leads/csv" },
  { method: "GET", path: "/api/review/csv?period=all", file: "review/csv" },
  { method: "GET", path: "/api/report/markdown", file: "report/markdown" },
  { method: "GET", path: "/api/notifications", file: "notifications" },
  { method: "GET", path: "/api/v1/definitions", file: "v1/definitions" },
  { method: "POST", path: "/api/v1/definitions/changes", file: "v1/definitions/changes" },
  { method: "POST", path: "/api/v1/leads/lookup", file: "v1/leads/lookup" },
  { method: "GET", path: "/api/v1/people", file: "v1/people" },
  { method: "GET", path: "/api/review/leads/1/stamp", file: "review/leads/[id]/stamp" },
  { method: "GET", path: "/api/meetings/1/stamp", file: "meetings/[id]/stamp" },
  { method: "GET", path: "/api/meetings/1/summary?format=md", file: "meetings/[id]/summary" },
  { method: "GET", path: "/api/import/jobs/1/progress", file: "import/jobs/[id]/progress" },
  { method: "GET", path: "/api/import/jobs/1/issues.csv", file: "import/jobs/[id]/issues.csv" },
  { method: "POST", path: "/api/import/jobs/1/files?kind=leads&part=0&name=leads.csv", file: "import/jobs/[id]/files" },
  { method: "GET", path: "/api/v1/leads", file: "v1/leads" },
  { method: "POST", path: "/api/v1/leads", file: "v1/leads" },
  { method: "POST", path: "/api/v1/leads/batch", file: "v1/leads/batch" },
  { method: "GET", path: "/api/v1/leads/1", file: "v1/leads/[id]" },
  { method: "POST", path: "/api/v1/leads/1/decisions", file: "v1/leads/[id]/decisions" },
  { method: "POST", path: "/api/v1/leads/1/info-requests/answer", file: "v1/leads/[id]/info-requests/answer" },
  { method: "POST", path: "/api/v1/events", file: "v1/events" },
];
// Open without a session on purpose, each authenticated otherwise: the password links by their signed token
// (or answering the same whatever the address), HubSpot's webhook by its v3 signature, metrics by a token
// or loopback only, and unknown /api/v1 paths answer 404 in the API's error shape to anyone.
const OPEN_ON_PURPOSE = [
  "health",
  "auth/[...nextauth]",
  "v1/openapi.json",
  "v1/[...path]",
  "password/reset",
  "password/set",
  "webhooks/hubspot",
  "metrics",
];

async function routeFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? routeFiles(path.join(dir, entry.name)) : Promise.resolve(entry.name === "route.ts" ? [dir] : []),
    ),
  );
  return nested.flat();
}

test("API routes other than health refuse requests without a session", async ({ request }) => {
  // The list covers every route there is, so a new route cannot be left out of this test.
  const apiRoot = path.resolve(import.meta.dirname, "../../app/api");
  const routes = (await routeFiles(apiRoot)).map((dir) => path.relative(apiRoot, dir).split(path.sep).join("/"));
  expect(routes.filter((route) => !OPEN_ON_PURPOSE.includes(route)).sort()).toEqual(
    [...new Set(REFUSED.map((route) => route.file))].sort(),
  );

  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect((await health.json()).database.status).toBe("up");

  for (const route of REFUSED) {
    const response = await request.fetch(route.path, {
      method: route.method,
      data: route.method === "POST" ? {} : undefined,
      maxRedirects: 0,
    });
    expect(response.status(), `${route.method} ${route.path}`).toBe(401);
    const body = (await response.json()) as { error?: { message?: string } };
    expect(body.error?.message, `${route.method} ${route.path}`).toMatch(/Sign in to continue|Send a valid API token/);
  }
});
