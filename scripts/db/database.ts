// Which PostgreSQL a command uses: DATABASE_URL when set, else the embedded cluster under .data/.
import pg from "pg";
import { existsSync } from "node:fs";
import path from "node:path";
import { embeddedUrl, isPortInUse, startEmbeddedPostgres } from "./embedded-postgres.ts";

export class DatabaseUrlError extends Error {}

export const DEFAULT_EMBEDDED_PORT = 54329;
/** BATON_DATA_DIR lets several checkouts or developers on one machine keep separate embedded clusters. */
export const EMBEDDED_DATA_DIR = process.env.BATON_DATA_DIR || ".data/postgres";

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
  stop: () => Promise<void>;
}

export async function openDatabase(log?: (line: string) => void): Promise<OpenDatabase> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    const url = parseDatabaseUrl(configured);
    await assertReachable(url);
    return { url, embedded: false, stop: async () => undefined };
  }
  const port = embeddedPort();
  // `npm start` may already run the embedded cluster: share it rather than fail on the taken port.
  if (existsSync(path.join(EMBEDDED_DATA_DIR, "postmaster.pid")) && (await isPortInUse(port))) {
    const url = embeddedUrl(port, "baton");
    await assertReachable(url);
    return { url, embedded: true, stop: async () => undefined };
  }
  const server = await startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR, port, database: "baton", log });
  return { url: server.url, embedded: true, stop: server.stop };
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
