// `npm run db:migration:new -- NAME`: writes prisma/migrations/<timestamp>_NAME/migration.sql with the SQL
// that takes the schema as last committed to the schema.prisma in the working tree (what
// `prisma migrate dev --create-only` would write). The agreement test then proves the result.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { CliError, runCli } from "../lib/cli.ts";
import { findFreePort, startEmbeddedPostgres } from "./embedded-postgres.ts";
import { MIGRATIONS_DIR, SCHEMA_PATH, diffSchemas } from "./schema-engine.ts";

function committedSchema(): string | null {
  if (!existsSync(MIGRATIONS_DIR)) return null;
  try {
    return execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    throw new CliError("cannot read the committed prisma/schema.prisma: commit the schema of the last migration first");
  }
}

await runCli("db:migration:new", async () => {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name))
    throw new CliError("give the migration a snake_case name: npm run db:migration:new -- add_fixes");
  const scratch = await startEmbeddedPostgres({
    dataDir: path.join(os.tmpdir(), `baton-migration-${process.pid}`),
    port: await findFreePort(),
    database: "scratch",
    persistent: false,
  });
  try {
    const sql = await diffSchemas(scratch.url, committedSchema(), await readFile(SCHEMA_PATH, "utf8"));
    if (!sql) {
      console.log("schema.prisma is unchanged since the last commit: nothing to write.");
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), `${sql}\n`);
    await writeFile(path.join(MIGRATIONS_DIR, "migration_lock.toml"), 'provider = "postgresql"\n');
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  } finally {
    await scratch.stop();
  }
});
