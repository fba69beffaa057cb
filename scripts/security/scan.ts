// `npm run security:scan`: Debian's sqlmap against every parameter of the token API and wapiti against the
// signed-in app, on a throwaway copy of the demo (own PostgreSQL cluster, own production build, own port).
// Exits 1 on any injection or high-severity finding, 0 otherwise. See docs/SECURITY.md.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { CliError, runCli } from "../lib/cli.ts";
import { signIn, startProductionServer, type ProductionServer } from "../lib/app-server.ts";
import { ensureDebianPackage } from "../lib/debian.ts";
import { findFreePort, startEmbeddedPostgres, type RunningPostgres } from "../db/embedded-postgres.ts";
import { migrate } from "../db/migrate.ts";
import { loadAndDiagnoseDemo } from "../db/demo.ts";
import { ADMIN, collectSamples, createTokens, prepareApi } from "./scan-setup.ts";
import { printSummary, summarize } from "./summary.ts";
import { sqlmapTargets, type SqlmapTarget } from "./targets.ts";
import { judgeSqlmap, judgeWapiti, type RunOutcome, type SqlmapResult, type WapitiResult } from "./reports.ts";

const DIST_DIR = process.env.BATON_SCAN_DIST_DIR || ".next-scan";
const PG_DIR = ".data/scan-postgres";
const REPORT_ROOT = ".data/security";
const SQLMAP = "/usr/bin/sqlmap";
const WAPITI = "/usr/bin/wapiti";
// Debian's wapiti 3.0.4 crashes on any --exclude under Python 3.11; this runs it with that fixed.
const WAPITI_RUNNER = ["/usr/bin/python3", "scripts/security/wapiti.py"] as const;

function seconds(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 10 || value > 7200)
    throw new CliError(`${name} must be a number of seconds between 10 and 7200, got "${raw}"`);
  return value;
}

// Budgets: sqlmap per read target (write targets get twice as long; two targets at a time), wapiti for
// its whole scan.
const SQLMAP_TARGET_SECONDS = seconds("BATON_SCAN_SQLMAP_SECONDS", 120);
const WAPITI_SECONDS = seconds("BATON_SCAN_WAPITI_SECONDS", 360);
const SQLMAP_PARALLEL = 2;

const children = new Set<ChildProcess>();

/** Runs a scanner with its output in `logFile`; killed (TERM, then KILL) when `budgetSeconds` pass. */
function runLogged(command: string, args: string[], logFile: string, budgetSeconds: number): Promise<RunOutcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const log = createWriteStream(logFile);
    log.write(`$ ${command} ${args.map((arg) => (/[\s"'*&?;]/.test(arg) ? `'${arg.replaceAll("'", "'\\''")}'` : arg)).join(" ")}\n\n`);
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, PYTHONUNBUFFERED: "1" } });
    children.add(child);
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5000).unref();
    }, budgetSeconds * 1000);
    child.on("error", (error) => log.write(`\n${error.message}\n`));
    child.on("close", (code) => {
      clearTimeout(timer);
      children.delete(child);
      log.end(() => resolve({ code, timedOut, seconds: (performance.now() - started) / 1000 }));
    });
  });
}

function sqlmapArgs(target: SqlmapTarget, token: string, outputDir: string): string[] {
  return [
    // One output dir per target: sqlmap's session file is per host, and two runs sharing it corrupt it.
    "--batch",
    "--flush-session",
    "--disable-coloring",
    "--output-dir",
    outputDir,
    "-u",
    target.url,
    ...(target.data ? ["--data", target.data, "--method", "POST"] : []),
    ...(target.parameter ? ["-p", target.parameter] : []),
    "-H",
    `Authorization: Bearer ${token}`,
    ...(target.data ? ["-H", "Content-Type: application/json"] : []),
    // PostgreSQL is the only backend: its payloads at level 3 (more payloads and boundaries), risk 2
    // (adds heavy time-based queries; risk 3's OR payloads could rewrite every row of a write route).
    "--dbms",
    "PostgreSQL",
    "--level",
    "3",
    "--risk",
    "2",
    "--time-sec",
    "3",
    "--timeout",
    "30",
    "--retries",
    "1",
    "--threads",
    "2",
    // The 422s of strict validation look like a WAF to sqlmap's heuristics; there is none to probe.
    "--skip-waf",
  ];
}

async function runSqlmap(targets: SqlmapTarget[], tokens: { read: string; write: string }, dir: string): Promise<SqlmapResult[]> {
  const results: SqlmapResult[] = [];
  // The write targets are the slow ones (each request writes and re-diagnoses): they start first, with
  // twice the budget, while the other worker goes through the quick read targets.
  const queue = [...targets].sort((a, b) => Number(b.scope === "write") - Number(a.scope === "write"));
  const worker = async () => {
    for (let target = queue.shift(); target; target = queue.shift()) {
      const logFile = path.join(dir, `sqlmap-${target.name}.log`);
      const run = await runLogged(
        SQLMAP,
        sqlmapArgs(target, target.scope === "write" ? tokens.write : tokens.read, path.join(dir, "sqlmap", target.name)),
        logFile,
        target.scope === "write" ? 2 * SQLMAP_TARGET_SECONDS : SQLMAP_TARGET_SECONDS,
      );
      const result = judgeSqlmap(target, await readFile(logFile, "utf8"), run);
      results.push(result);
      console.log(
        `  sqlmap ${target.label.padEnd(46)} ${result.verdict.padEnd(14)} ${Math.round(run.seconds)} s${result.note ? `  (${result.note})` : ""}`,
      );
    }
  };
  await Promise.all(Array.from({ length: SQLMAP_PARALLEL }, worker));
  return targets.map((target) => results.find((result) => result.target === target.name)!);
}

async function runWapiti(server: ProductionServer, sessionCookie: string, dir: string): Promise<WapitiResult> {
  // wapiti's cookie file: {domain: {path: {name: attributes}}}; an IP address is its own domain key.
  const [name, ...value] = sessionCookie.split("=");
  const host = new URL(server.base).hostname;
  const cookieFile = path.join(dir, "wapiti-cookies.json");
  await writeFile(
    cookieFile,
    JSON.stringify({ [host]: { "/": { [name!]: { value: value.join("="), version: 0, secure: false, expires: null, port: null } } } }),
  );
  const report = path.join(dir, "wapiti.json");
  const [python, runner] = WAPITI_RUNNER;
  const run = await runLogged(
    python,
    [
      runner,
      "-u",
      `${server.base}/`,
      "--scope",
      "folder",
      "-c",
      cookieFile,
      // Signing out would end the scan's session; the token API is sqlmap's.
      "-x",
      `${server.base}/api/auth/signout*`,
      "-x",
      `${server.base}/api/auth/*`,
      "-x",
      `${server.base}/api/v1/*`,
      // Next's static chunks take no input: attack time goes to the pages instead.
      "-x",
      `${server.base}/_next/*`,
      // The default modules without ssrf (it needs wapiti's Internet endpoint), plus CRLF injection.
      "-m",
      "sql,blindsql,exec,file,xss,permanentxss,redirect,crlf,http_headers,cookieflags,csp",
      "--max-scan-time",
      String(WAPITI_SECONDS - 30),
      "--max-attack-time",
      String(Math.round((WAPITI_SECONDS - 30) / 6)),
      "-d",
      "4",
      "--max-files-per-dir",
      "12",
      "--max-links-per-page",
      "60",
      "-t",
      "20",
      "--flush-session",
      "--store-session",
      path.join(dir, "wapiti-session"),
      "--store-config",
      path.join(dir, "wapiti-config"),
      "-f",
      "json",
      "-o",
      report,
      "--no-bugreport",
      "-v",
      "1",
    ],
    path.join(dir, "wapiti.log"),
    WAPITI_SECONDS + 60,
  );
  const log = await readFile(path.join(dir, "wapiti.log"), "utf8");
  return judgeWapiti(existsSync(report) ? JSON.parse(await readFile(report, "utf8")) : null, log, run);
}

await runCli("security:scan", async () => {
  const started = performance.now();
  const startedAt = new Date();
  await ensureDebianPackage(SQLMAP, "sqlmap", "the scan tests the API's parameters for SQL injection", "npm run security:scan");
  await ensureDebianPackage(WAPITI, "wapiti", "the scan crawls and attacks the signed-in app", "npm run security:scan");
  const dir = path.join(REPORT_ROOT, startedAt.toISOString().replaceAll(":", "-").slice(0, 19));
  await mkdir(dir, { recursive: true });

  let cluster: RunningPostgres | undefined;
  let server: ProductionServer | undefined;
  let stopping = false;
  const stopAll = async () => {
    for (const child of children) child.kill("SIGTERM");
    await server?.stop().catch(() => undefined);
    await cluster?.stop().catch(() => undefined);
  };
  const interrupted = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.error(`\nsecurity:scan: ${signal}: stopping the scanners, the server and PostgreSQL…`);
    void stopAll().finally(() => process.exit(130));
  };
  process.on("SIGINT", interrupted);
  process.on("SIGTERM", interrupted);

  try {
    console.log("▶ Throwaway PostgreSQL with the demo workspace");
    await rm(PG_DIR, { recursive: true, force: true });
    cluster = await startEmbeddedPostgres({
      dataDir: PG_DIR,
      port: await findFreePort(),
      database: "baton_scan",
      persistent: false,
      settings: ["-c", "fsync=off"],
    });
    await migrate(cluster.url);
    const demo = await loadAndDiagnoseDemo(cluster.url);
    console.log(`  ${demo.leads} leads, ${demo.events} events (${demo.seconds.toFixed(1)} s)`);
    const tokens = await createTokens(cluster.url);
    const samples = await collectSamples(cluster.url);

    console.log(`▶ Production server (build in ${DIST_DIR}; API_REQUESTS_PER_MINUTE raised for this server only)`);
    const serverLog = path.join(dir, "server.log");
    server = await startProductionServer({
      databaseUrl: cluster.url,
      distDir: DIST_DIR,
      env: { API_REQUESTS_PER_MINUTE: "1000000" },
      logFile: serverLog,
      healthySeconds: 120,
    });
    const cookie = await signIn(server.base, ADMIN);
    console.log(`  ${server.base}, signed in as ${ADMIN}; reports in ${dir}`);

    const apiLeadExternalId = await prepareApi(server.base, tokens);
    const targets = sqlmapTargets(server.base, { ...samples, apiLeadExternalId });
    console.log(
      `▶ sqlmap: ${targets.length} targets, ${SQLMAP_PARALLEL} at a time, at most ${SQLMAP_TARGET_SECONDS} s each (writes ${2 * SQLMAP_TARGET_SECONDS} s)`,
    );
    const sqlmap = await runSqlmap(targets, tokens, dir);

    console.log(`▶ wapiti: the signed-in app, at most ${WAPITI_SECONDS} s`);
    const wapiti = await runWapiti(server, cookie, dir);

    // Next marks each unhandled server error with "⨯".
    const serverErrors = (await readFile(serverLog, "utf8")).split("\n").filter((line) => line.includes("⨯")).length;
    const summary = summarize({ startedAt, seconds: (performance.now() - started) / 1000, dir, sqlmap, wapiti, serverErrors });
    await writeFile(path.join(dir, "summary.json"), JSON.stringify(summary, null, 2));
    await writeFile(path.join(REPORT_ROOT, "last-scan.json"), JSON.stringify(summary, null, 2));
    printSummary(summary);
    if (!summary.passed) process.exitCode = 1;
  } finally {
    if (!stopping) await stopAll();
  }
});
