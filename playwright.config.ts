import { defineConfig, devices } from "@playwright/test";

// Run through `npm test` (or `npm run test:e2e`), which prepares a seeded database and a production build
// in .next-test, then passes their coordinates here.
const port = Number(process.env.BATON_E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json"]],
  outputDir: "test-results",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.BATON_CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } } }],
  webServer: {
    command: `node_modules/.bin/next start -p ${port} -H 127.0.0.1`,
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      BATON_DIST_DIR: process.env.BATON_DIST_DIR || ".next-test",
      DATABASE_URL: process.env.BATON_E2E_DATABASE_URL ?? "",
      NEXTAUTH_SECRET: "e2e-secret-0123456789abcdef0123456789",
      NEXTAUTH_URL: baseURL,
      // CRM credentials are encrypted under it (lib/sync/crypto.ts); a test-only key.
      BATON_ENCRYPTION_KEY: "e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0",
    },
  },
});
