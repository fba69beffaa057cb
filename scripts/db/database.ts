// Which PostgreSQL a command uses: DATABASE_URL when set, else the embedded cluster under .data/.
import pg from "pg";
import { realpathSync } from "node:fs";
import path from "node:path";
import { embeddedUrl, isPortInUse, startEmbeddedPostgres } from "./embedded-postgres.ts";

export class DatabaseUrlError extends Error {}

export const DEFAULT_EMBEDDED_PORT = 54329;
/** BATON_DATA_DIR lets several checkouts or developers on one machine keep separate embedded clusters. */
export function embeddedDataDir(): string {
  return path.resolve(process.env.BATON_DATA_DIR || ".data/postgres");
}

function databaseUrlProblem(value: string): string | null {
  if (!URL.canParse(value)) return "is not a URL";
  const url = new URL(value);
  if (!/^postgres(ql)?:$/.test(url.protocol)) return "must start with postgresql://";
  if (url.pathname.length <= 1) return "must name a database (postgresql://host:5432/NAME)";
  return null;
}

export function parseDatabaseUrl(raw: string): string {
  const value = raw.trim();
  const problem = databaseUrlProblem(value);
  if (problem) throw new DatabaseUrlError(`DATABASE_URL ${problem}`);
  return value;
}

export function embeddedPort(): number {
  const raw = process.env.BATON_PG_PORT;
  if (!raw) return DEFAULT_EMBEDDED_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new DatabaseUrlError(`BATON_PG_PORT must be a port number, got "${raw}"`);
  return port;
}

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  /** "database baton at 127.0.0.1:54329 (embedded, data in /…/.data/postgres)": what every command prints. */
  target: string;
  stop: () => Promise<void>;
}

/** Names a database the way every command prints it: host, port, name, and the data folder when embedded. */
export function describeTarget(url: string, dataDir?: string): string {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.slice(1));
  const where = `database ${name} at ${parsed.hostname}:${parsed.port || 5432}`;
  return dataDir ? `${where} (embedded, data in ${dataDir})` : `${where} (DATABASE_URL)`;
}

export async function openDatabase(log?: (line: string) => void): Promise<OpenDatabase> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    const url = parseDatabaseUrl(configured);
    await assertReachable(url);
    return { url, embedded: false, target: describeTarget(url), stop: async () => undefined };
  }
  const port = embeddedPort();
  const dataDir = embeddedDataDir();
  // `npm start` may already run this checkout's cluster: share it, but only after PostgreSQL itself says
  // it serves our data folder, never a cluster another checkout left on the port.
  if (await isPortInUse(port)) {
    await assertServesDataDir(port, dataDir);
    const url = embeddedUrl(port, "baton");
    return { url, embedded: true, target: describeTarget(url, dataDir), stop: async () => undefined };
  }
  const server = await startEmbeddedPostgres({ dataDir, port, database: "baton", log });
  return { url: server.url, embedded: true, target: describeTarget(server.url, dataDir), stop: server.stop };
}

function samePath(a: string, b: string): boolean {
  const real = (value: string) => {
    try {
      return realpathSync(value);
    } catch {
      return path.resolve(value);
    }
  };
  return real(a) === real(b);
}

/** Refuses, naming both folders, when whatever holds `port` is not the cluster in `dataDir`. */
export async function assertServesDataDir(port: number, dataDir: string): Promise<void> {
  const advice = `set BATON_PG_PORT to a free port for this checkout (or BATON_DATA_DIR to that cluster's folder), or point DATABASE_URL at the database you mean`;
  const client = new pg.Client({ connectionString: embeddedUrl(port, "postgres"), connectionTimeoutMillis: 5000 });
  let served: string;
  try {
    await client.connect();
    const { rows } = await client.query<{ data_directory: string }>("SHOW data_directory");
    served = rows[0]?.data_directory ?? "";
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUrlError(
      `port ${port} is held by something that is not this checkout's embedded PostgreSQL (${dataDir}): ${reason}; ${advice}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  if (!samePath(served, dataDir)) {
    throw new DatabaseUrlError(
      `port ${port} is held by another PostgreSQL (data in ${served}), not this checkout's (${dataDir}): refusing to touch it; ${advice}`,
    );
  }
}

export async function assertReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    const target = new URL(url);
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUrlError(`cannot reach the database at ${target.hostname}:${target.port || 5432}: ${reason}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
