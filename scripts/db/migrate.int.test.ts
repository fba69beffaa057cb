import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { queryOnce } from "../../tests/connections.ts";
import { createTestDatabase, type TestDatabase } from "../../tests/databases.ts";
import { describeCatalog } from "../../tests/catalog.ts";
import { MigrationError, migrate, readMigrations } from "./migrate.ts";
import { MIGRATIONS_DIR, diffSchemas, readSchemaFile } from "./schema-engine.ts";

const databases: TestDatabase[] = [];
async function freshDatabase() {
  const database = await createTestDatabase(inject("pgAdminUrl"), { migrated: false });
  databases.push(database);
  return database;
}
afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
});

describe("npm run db:migrate", () => {
  it("applies every migration once; applying again is a no-op", async () => {
    const { url } = await freshDatabase();
    const migrations = await readMigrations();
    const first = await migrate(url);
    expect(first.applied).toEqual(migrations.map((migration) => migration.name));
    const catalogAfterFirst = await describeCatalog(url);

    const second = await migrate(url);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toBe(migrations.length);
    expect(await describeCatalog(url)).toEqual(catalogAfterFirst);
    const history = await queryOnce<{ count: string }>(url, `SELECT count(*) FROM "_prisma_migrations"`);
    expect(Number(history[0]?.count)).toBe(migrations.length);
  });

  it("records migrations the way Prisma does: name, sha256 of the file, finish time, one step", async () => {
    const { url } = await freshDatabase();
    await migrate(url);
    const [first] = await readMigrations();
    const rows = await queryOnce<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY started_at LIMIT 1`,
    );
    expect(rows[0]).toMatchObject({ migration_name: first?.name, checksum: first?.checksum, applied_steps_count: 1 });
    expect(rows[0]?.finished_at).toBeInstanceOf(Date);
    expect(first?.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses to run when an applied migration's file was changed", async () => {
    const { url } = await freshDatabase();
    const dir = await mkdtemp(path.join(os.tmpdir(), "baton-migrations-"));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    await migrate(url, dir);
    const [first] = await readMigrations(dir);
    const file = path.join(dir, first!.name, "migration.sql");
    await writeFile(file, `${await readFile(file, "utf8")}\n-- edited after it was applied\n`);

    await expect(migrate(url, dir)).rejects.toThrow(MigrationError);
    await expect(migrate(url, dir)).rejects.toThrow(/was changed after it was applied/);
  });

  it("rolls back a failing migration whole and records nothing", async () => {
    const { url } = await freshDatabase();
    const dir = await mkdtemp(path.join(os.tmpdir(), "baton-migrations-"));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    await migrate(url, dir);
    const broken = path.join(dir, "99990101000000_broken");
    await cp(path.join(dir, (await readMigrations(dir))[0]!.name), broken, { recursive: true });
    await writeFile(path.join(broken, "migration.sql"), `CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;\n`);

    await expect(migrate(url, dir)).rejects.toThrow(/99990101000000_broken failed and was rolled back/);
    const leftovers = await queryOnce(url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`);
    expect(leftovers).toHaveLength(0);
    const recorded = await queryOnce(url, `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '99990101000000_broken'`);
    expect(recorded).toHaveLength(0);
  });

  it("produces exactly the schema that schema.prisma describes (models, columns, types, enums, indexes, foreign keys)", async () => {
    const migrated = await freshDatabase();
    await migrate(migrated.url);

    // The reference: the SQL Prisma's own schema engine writes for schema.prisma from scratch.
    const reference = await freshDatabase();
    const sql = await diffSchemas(reference.url, null, (await readSchemaFile()).content);
    await queryOnce(reference.url, sql);

    const [actual, expected] = await Promise.all([describeCatalog(migrated.url), describeCatalog(reference.url)]);
    expect(actual.columns.length).toBeGreaterThan(50);
    expect(actual.indexes.length).toBeGreaterThan(10);
    expect(actual).toEqual(expected);
    // The one thing Prisma cannot declare, hand-written in its migration: search_text is generated.
    const generated = await queryOnce<{ column_name: string }>(
      migrated.url,
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'leads' AND is_generated = 'ALWAYS'`,
    );
    expect(generated.map((row) => row.column_name)).toEqual(["search_text"]);
  });
});
