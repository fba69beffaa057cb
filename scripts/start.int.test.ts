// `npm start` refuses, in one line and before building anything, to listen where it should not.
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, inject, it } from "vitest";
import { queryOnce } from "../tests/connections.ts";
import { createTestDatabase, type TestDatabase } from "../tests/databases.ts";
import { findFreePort } from "./db/embedded-postgres.ts";

const databases: TestDatabase[] = [];
afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
});

async function start(env: Record<string, string>) {
  const result = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/start.ts"], {
    env: { ...process.env, PORT: String(await findFreePort()), ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, stderr: result.stderr.trim() };
}

describe("npm start: where it listens", () => {
  it("rejects an invalid HOST with one line and a non-zero exit", async () => {
    const result = await start({ HOST: "http://0.0.0.0", DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `baton: error: HOST must be an IP address or a host name to listen on (e.g. 127.0.0.1, 0.0.0.0, ::), got "http://0.0.0.0"`,
    );
  });

  it("refuses to serve the demo workspace on every interface without BATON_DEMO_PUBLIC=1", async () => {
    const database = await createTestDatabase(inject("pgAdminUrl"));
    databases.push(database);
    await queryOnce(
      database.url,
      `INSERT INTO users (email, name, password_hash, role, updated_at) VALUES ('admin@demo.baton.dev', 'Demo admin', 'x', 'admin', now())`,
    );

    const result = await start({ HOST: "0.0.0.0", DATABASE_URL: database.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("baton: error: refusing to serve the demo workspace (public passwords) on 0.0.0.0");
  });
});
