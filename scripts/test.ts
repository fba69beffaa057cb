// `npm test`: every suite, on a fresh machine too. Type check, lint, formatting (prettier --check), unit,
// integration against real PostgreSQL, and Playwright end-to-end in Debian's Chromium against a
// production build. Tests run on a throwaway PostgreSQL cluster of their own, so this can run while
// `npm start` serves the demo.
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { CliError, runCli } from "./lib/cli.ts";
import { ensureProductionBuild } from "./lib/build.ts";
import { ensureDebianPackage, run } from "./lib/debian.ts";
import { findFreePort, startEmbeddedPostgres } from "./db/embedded-postgres.ts";
import { createTestDatabase } from "../tests/databases.ts";
import { loadAndDiagnoseDemo } from "./db/demo.ts";

const SUITES = ["typecheck", "lint", "format", "unit", "integration", "e2e"] as const;
type Suite = (typeof SUITES)[number];
const CHROMIUM = process.env.BATON_CHROMIUM ?? "/usr/bin/chromium";
// A separate build folder keeps the tests from disturbing a running `npm start` (.next).
const TEST_DIST_DIR = process.env.BATON_TEST_DIST_DIR || ".next-test";

/** The suites that are one command over the whole tree: they pass or fail as one, by its exit code. */
const WHOLE_TREE_CHECKS: { suite: Suite; title: string; command: string; args: string[] }[] = [
  { suite: "typecheck", title: "Type check", command: "node_modules/.bin/tsc", args: ["--noEmit", "-p", "tsconfig.json"] },
  { suite: "lint", title: "Lint", command: "node_modules/.bin/eslint", args: ["--max-warnings=0", "."] },
  { suite: "format", title: "Formatting (prettier --check)", command: "node_modules/.bin/prettier", args: ["--check", "."] },
];

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

async function readTally(file: string, kind: "vitest" | "playwright"): Promise<Tally> {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const report = JSON.parse(await readFile(file, "utf8"));
  if (kind === "vitest")
    return {
      passed: report.numPassedTests ?? 0,
      failed: report.numFailedTests ?? 0,
      skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    };
  const stats = report.stats ?? {};
  return { passed: stats.expected ?? 0, failed: (stats.unexpected ?? 0) + (stats.flaky ?? 0), skipped: stats.skipped ?? 0 };
}

function selectedSuites(): Suite[] {
  const only = process.argv.indexOf("--only");
  if (only === -1) return [...SUITES];
  const names = (process.argv[only + 1] ?? "").split(",");
  const unknown = names.filter((name) => !(SUITES as readonly string[]).includes(name));
  if (unknown.length || !names.length) throw new CliError(`--only takes ${SUITES.join(",")}`);
  return names as Suite[];
}

await runCli("test", async () => {
  const suites = selectedSuites();
  const reports = await mkdtemp(path.join(os.tmpdir(), "baton-test-reports-"));
  const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
  const failedSuites: string[] = [];
  const add = (suite: string, result: Tally) => {
    tally.passed += result.passed;
    tally.failed += result.failed;
    tally.skipped += result.skipped;
    if (result.failed) failedSuites.push(suite);
  };

  if (suites.includes("e2e")) await ensureDebianPackage(CHROMIUM, "chromium", "the end-to-end tests run in it");
  if (suites.includes("integration"))
    await ensureDebianPackage(
      "/usr/bin/pg_dump",
      "postgresql-client",
      "the backup tests use pg_dump and pg_restore, the replica test pg_basebackup",
    );
  for (const check of WHOLE_TREE_CHECKS) {
    if (!suites.includes(check.suite)) continue;
    console.log(`\n▶ ${check.title}`);
    const passed = (await run(check.command, check.args)) === 0;
    add(check.suite, { passed: passed ? 1 : 0, failed: passed ? 0 : 1, skipped: 0 });
  }

  const needsDatabase = suites.some((suite) => suite === "integration" || suite === "e2e");
  const cluster = needsDatabase
    ? await startEmbeddedPostgres({
        dataDir: path.join(os.tmpdir(), `baton-test-pg-${process.pid}`),
        port: await findFreePort(),
        database: "postgres",
        persistent: false,
      })
    : undefined;
  try {
    for (const project of ["unit", "integration"] as const) {
      if (!suites.includes(project)) continue;
      console.log(`\n▶ ${project === "unit" ? "Unit" : "Integration (real PostgreSQL)"} tests`);
      const output = path.join(reports, `${project}.json`);
      await run(
        "node_modules/.bin/vitest",
        ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${output}`],
        {
          TEST_PG_ADMIN_URL: cluster?.url ?? "",
        },
      );
      add(project, await readTally(output, "vitest"));
    }

    if (suites.includes("e2e") && cluster) {
      console.log("\n▶ End-to-end tests (Playwright, Chromium, production build)");
      const database = await createTestDatabase(cluster.url);
      await loadAndDiagnoseDemo(database.url);
      await ensureProductionBuild(TEST_DIST_DIR);
      const output = path.join(reports, "e2e.json");
      // Arguments after "--" go to Playwright (a spec path or --grep) for running one area.
      const extra = process.argv.includes("--") ? process.argv.slice(process.argv.indexOf("--") + 1) : [];
      await run("node_modules/.bin/playwright", ["test", ...extra], {
        BATON_DIST_DIR: TEST_DIST_DIR,
        BATON_E2E_DATABASE_URL: database.url,
        BATON_E2E_PORT: String(await findFreePort()),
        BATON_E2E_PG_ADMIN_URL: cluster.url,
        PLAYWRIGHT_JSON_OUTPUT_NAME: output,
      });
      add("e2e", await readTally(output, "playwright"));
    }
  } finally {
    await cluster?.stop();
    await rm(reports, { recursive: true, force: true });
  }

  console.log(`\n${failedSuites.length ? `Failed suites: ${failedSuites.join(", ")}` : "All suites passed."}`);
  console.log(`tests: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
  if (tally.failed) process.exitCode = 1;
});
