import { mkdtemp } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { DatabaseStartError, findFreePort, startEmbeddedPostgres } from "./embedded-postgres.ts";
import { DatabaseUrlError, assertReachable, parseDatabaseUrl } from "./database.ts";

describe("embedded PostgreSQL", () => {
  it("keeps its data across a stop and a start on the same directory", async () => {
    const dataDir = path.join(await mkdtemp(path.join(os.tmpdir(), "baton-pg-")), "data");
    const port = await findFreePort();
    const first = await startEmbeddedPostgres({ dataDir, port, database: "keep" });
    const client = new pg.Client({ connectionString: first.url });
    await client.connect();
    await client.query("CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')");
    await client.end();
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir, port, database: "keep", persistent: false });
    const again = new pg.Client({ connectionString: second.url });
    await again.connect();
    const { rows } = await again.query("SELECT value FROM kept");
    await again.end();
    await second.stop();
    expect(rows).toEqual([{ value: "still here" }]);
  });

  it("says clearly when its port is taken", async () => {
    const blocker = net.createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => blocker.once("listening", resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const dataDir = path.join(await mkdtemp(path.join(os.tmpdir(), "baton-pg-")), "data");
      await expect(startEmbeddedPostgres({ dataDir, port, database: "x", persistent: false })).rejects.toThrow(DatabaseStartError);
      await expect(startEmbeddedPostgres({ dataDir, port, database: "x", persistent: false })).rejects.toThrow(
        `port ${port} is already in use`,
      );
    } finally {
      blocker.close();
    }
  });
});

describe("DATABASE_URL checks", () => {
  it("rejects a malformed URL with a one-line reason", () => {
    expect(() => parseDatabaseUrl("not a url")).toThrow(DatabaseUrlError);
    expect(() => parseDatabaseUrl("mysql://localhost/db")).toThrow("DATABASE_URL must start with postgresql://");
    expect(() => parseDatabaseUrl("postgresql://localhost:5432")).toThrow(/must name a database/);
    expect(parseDatabaseUrl("postgresql://u:p@localhost:5432/baton")).toBe("postgresql://u:p@localhost:5432/baton");
  });

  it("reports an unreachable database with its host and port", async () => {
    const port = await findFreePort();
    await expect(assertReachable(`postgresql://u:p@127.0.0.1:${port}/baton`)).rejects.toThrow(
      `cannot reach the database at 127.0.0.1:${port}`,
    );
  });
});
