// The app with its database, behind `npm start` (production build) and `npm run dev` (Next's dev server):
// DATABASE_URL or the embedded PostgreSQL -> migrate -> demo data on an empty database -> build when the
// sources changed -> serve on HOST:PORT (default 127.0.0.1:3000). Ctrl-C stops the app and the embedded database.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { CliError, describeError } from "./lib/cli.ts";
import { ensureProductionBuild } from "./lib/build.ts";
import { isPortInUse } from "./db/embedded-postgres.ts";
import { openDatabase, type OpenDatabase } from "./db/database.ts";
import { migrate } from "./db/migrate.ts";
import { ensureDemoWorkspace, hasDemoSignIns, printDemoSignIns } from "./db/demo.ts";
import { assertDemoMayListen, parseHost } from "./lib/listen.ts";

const SECRET_FILE = ".data/auth-secret";

async function authSecret(): Promise<string> {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  // Local default: generated once and kept beside the embedded data, so sessions survive restarts.
  if (existsSync(SECRET_FILE)) return (await readFile(SECRET_FILE, "utf8")).trim();
  const secret = randomBytes(32).toString("base64url");
  await mkdir(".data", { recursive: true });
  await writeFile(SECRET_FILE, secret, { mode: 0o600 });
  return secret;
}

function parsePort(): number {
  const raw = process.env.PORT ?? "3000";
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new CliError(`PORT must be a port number, got "${raw}"`);
  return port;
}

async function listenAddress(): Promise<{ host: string; port: number }> {
  const port = parsePort();
  const host = parseHost();
  if (await isPortInUse(port)) throw new CliError(`port ${port} is already in use: stop what runs there or start with PORT=3001 npm start`);
  return { host, port };
}

export async function runApp(mode: "production" | "development") {
  let host: string, port: number;
  try {
    ({ host, port } = await listenAddress());
  } catch (error) {
    console.error(`baton: error: ${describeError(error)}`);
    process.exit(1);
  }

  let database: OpenDatabase | undefined;
  let app: ChildProcess | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (app && app.exitCode === null) {
      app.kill("SIGTERM");
      await new Promise((resolve) => app?.once("exit", resolve));
    }
    await database?.stop().catch(() => undefined);
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    database = await openDatabase();
    console.log(`Using ${database.target}`);
    const migrations = await migrate(database.url);
    if (migrations.applied.length) console.log(`Applied ${migrations.applied.length} migration(s).`);
    const demo = await ensureDemoWorkspace(database.url);
    if (demo.seeded)
      console.log(`Loaded the demo workspace: ${demo.leads} leads, ${demo.events} events, diagnosed in ${demo.seconds.toFixed(1)} s.`);
    assertDemoMayListen(host, demo.seeded || (await hasDemoSignIns(database.url)));
    if (mode === "production") await ensureProductionBuild(".next");

    const secret = await authSecret();
    app = spawn("node_modules/.bin/next", [mode === "production" ? "start" : "dev", "-H", host, "-p", String(port)], {
      stdio: "inherit",
      env: {
        ...process.env,
        NODE_ENV: mode,
        BATON_LISTEN_HOST: host,
        DATABASE_URL: database.url,
        NEXTAUTH_SECRET: secret,
        NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      },
    });
    app.on("exit", (code) => void shutdown(code ?? 0));
    printDemoSignIns(host, port);
  } catch (error) {
    console.error(`baton: error: ${describeError(error)}`);
    await shutdown(1);
  }
}
