// Applies pending migrations from prisma/migrations, each in its own transaction, recording them in
// `_prisma_migrations` exactly as Prisma does (id, sha256 checksum, name, times, steps), so that
// `prisma migrate deploy` stays interchangeable wherever the native engine is available.
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { MIGRATIONS_DIR } from "./schema-engine.ts";

export class MigrationError extends Error {}

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

// Any constant: it serialises concurrent migrators (several app instances starting at once).
const MIGRATION_LOCK_KEY = 72707369;

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(path.join(dir, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    }),
  );
}

const CREATE_HISTORY_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

export async function migrate(databaseUrl: string, dir = MIGRATIONS_DIR): Promise<MigrateResult> {
  const migrations = await readMigrations(dir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(CREATE_HISTORY_TABLE);
    const { rows } = await client.query<HistoryRow>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const history = new Map(rows.map((row) => [row.migration_name, row]));
    assertHistoryIntact(migrations, history);

    const pending = migrations.filter((migration) => !history.has(migration.name));
    for (const migration of pending) await applyOne(client, migration);
    return { applied: pending.map((migration) => migration.name), alreadyApplied: migrations.length - pending.length };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

function assertHistoryIntact(migrations: MigrationFile[], history: Map<string, HistoryRow>) {
  const known = new Set(migrations.map((migration) => migration.name));
  for (const [name, row] of history) {
    if (!row.finished_at) {
      throw new MigrationError(`migration ${name} started but never finished; inspect the database, then mark it resolved`);
    }
    if (!known.has(name)) {
      throw new MigrationError(`migration ${name} is applied to the database but missing from prisma/migrations`);
    }
  }
  for (const migration of migrations) {
    const applied = history.get(migration.name);
    if (applied && applied.checksum !== migration.checksum) {
      throw new MigrationError(
        `migration ${migration.name} was changed after it was applied (checksum differs); add a new migration instead of editing an applied one`,
      );
    }
  }
}

async function applyOne(client: pg.Client, migration: MigrationFile) {
  await client.query("BEGIN");
  try {
    const id = randomUUID();
    await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`, [
      id,
      migration.checksum,
      migration.name,
    ]);
    await client.query(migration.sql);
    await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`migration ${migration.name} failed and was rolled back: ${reason}`);
  }
}
