// Throwaway databases for tests: created, migrated, dropped. Names are unique per test file and run.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrate } from "../scripts/db/migrate.ts";

export interface TestDatabase {
  url: string;
  name: string;
  drop: () => Promise<void>;
}

function withDatabase(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** One statement (or a script of several, without params) on a connection of its own, closed after. */
export async function queryOnce<Row extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(adminUrl: string, options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const name = `test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await queryOnce(adminUrl, `CREATE DATABASE "${name}"`);
  const url = withDatabase(adminUrl, name);
  if (options.migrated !== false) await migrate(url);
  return {
    url,
    name,
    drop: async () => {
      await queryOnce(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
