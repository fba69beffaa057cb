// Throwaway databases for tests: created, migrated, dropped. Names are unique per test file and run.
import { randomBytes } from "node:crypto";
import { migrate } from "../scripts/db/migrate.ts";
import { queryOnce } from "./connections.ts";

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
