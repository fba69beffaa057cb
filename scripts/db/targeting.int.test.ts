// Commands name the database they use and never touch another checkout's cluster that holds the port:
// two real embedded clusters on two ports, the real CLIs run as a person would run them.
import { spawnSync } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort, startEmbeddedPostgres, type RunningPostgres } from "./embedded-postgres.ts";
import { migrate } from "./migrate.ts";
import { queryOnce } from "../../tests/connections.ts";
import { backupDatabase } from "./backup.ts";

let first: RunningPostgres;
let second: RunningPostgres;

async function cluster(label: string): Promise<RunningPostgres> {
  const dataDir = path.join(await mkdtemp(path.join(os.tmpdir(), `baton-target-${label}-`)), "postgres");
  const running = await startEmbeddedPostgres({
    dataDir,
    port: await findFreePort(),
    database: "baton",
    persistent: false,
    settings: ["-c", "fsync=off"],
  });
  await migrate(running.url);
  // One admin and one token whose name says which cluster it lives in.
  await queryOnce(
    running.url,
    `WITH u AS (INSERT INTO users (email, name, password_hash, role, updated_at) VALUES ('admin@${label}.test', 'Admin', 'x', 'admin', now()) RETURNING id)
     INSERT INTO api_tokens (name, prefix, token_hash, scope, created_by_id) SELECT 'token-of-${label}', 'bt_${label}', md5('${label}'), 'read', id FROM u`,
  );
  return running;
}

/** Runs `script` as npm would, without DATABASE_URL unless `env` sets it. */
function run(script: string, args: string[], env: Record<string, string>) {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  const result = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", script, ...args], {
    env: { ...base, ...env },
    encoding: "utf8",
    input: "",
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  [first, second] = await Promise.all([cluster("first"), cluster("second")]);
});
afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
});

describe("CLI database targeting", () => {
  it("uses this checkout's embedded cluster and says which one", () => {
    const result = run("scripts/baton.ts", ["token", "list"], { BATON_DATA_DIR: first.dataDir, BATON_PG_PORT: String(first.port) });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`Using database baton at 127.0.0.1:${first.port} (embedded, data in ${first.dataDir})`);
    expect(result.stdout).toContain("token-of-first");
    expect(result.stdout).not.toContain("token-of-second");
  });

  it("refuses another checkout's cluster holding the port, naming both data folders", async () => {
    const result = run("scripts/baton.ts", ["token", "list"], { BATON_DATA_DIR: first.dataDir, BATON_PG_PORT: String(second.port) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `port ${second.port} is held by another PostgreSQL (data in ${second.dataDir}), not this checkout's (${first.dataDir})`,
    );
    expect(result.stdout).not.toContain("token-of-second");
    // db:migrate refuses the same way instead of migrating the other cluster.
    const migrateResult = run("scripts/db/migrate-cli.ts", [], { BATON_DATA_DIR: first.dataDir, BATON_PG_PORT: String(second.port) });
    expect(migrateResult.code).toBe(1);
    expect(migrateResult.stderr).toContain("refusing to touch it");
  });

  it("uses DATABASE_URL when set and names its host, port and database", () => {
    const result = run("scripts/baton.ts", ["token", "list"], {
      DATABASE_URL: second.url,
      BATON_DATA_DIR: first.dataDir,
      BATON_PG_PORT: String(first.port),
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`Using database baton at 127.0.0.1:${second.port} (DATABASE_URL)`);
    expect(result.stdout).toContain("token-of-second");
    expect(result.stdout).not.toContain("token-of-first");
  });
});

describe("npm run db:restore", () => {
  it("refuses a non-empty target without --force, naming it, and replaces it with --force", async () => {
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), "baton-target-dump-")), "second.dump");
    await backupDatabase(second.url, file);
    const env = { BATON_DATA_DIR: first.dataDir, BATON_PG_PORT: String(first.port) };

    const refused = run("scripts/db/backup-cli.ts", ["restore", file], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `the database baton at 127.0.0.1:${first.port} (embedded, data in ${first.dataDir}) is not empty: nothing restored`,
    );
    expect(await queryOnce(first.url, "SELECT name FROM api_tokens")).toEqual([{ name: "token-of-first" }]);

    const forced = run("scripts/db/backup-cli.ts", ["restore", file, "--force"], env);
    expect(forced.stderr).toBe(`Using database baton at 127.0.0.1:${first.port} (embedded, data in ${first.dataDir})\n`);
    expect(forced.code).toBe(0);
    expect(await queryOnce(first.url, "SELECT name FROM api_tokens")).toEqual([{ name: "token-of-second" }]);
  });
});
