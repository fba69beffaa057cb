import { afterEach, describe, expect, it, vi } from "vitest";

// The database settings a server or command reads when it first connects: a bad replica setting stops it
// with one readable line instead of failing on the first dashboard.

const PRIMARY = "postgresql://baton:secret@db.example.com:5432/baton";

async function databaseEnv(settings: Record<string, string>) {
  vi.resetModules();
  vi.unstubAllEnvs();
  vi.stubEnv("DATABASE_REPLICA_URL", undefined);
  vi.stubEnv("DATABASE_REPLICA_MAX_LAG_SECONDS", undefined);
  for (const [name, value] of Object.entries({ DATABASE_URL: PRIMARY, ...settings })) vi.stubEnv(name, value);
  const { getDatabaseEnv } = await import("@/lib/env");
  return getDatabaseEnv();
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("replica settings", () => {
  it("has no replica unless DATABASE_REPLICA_URL names one, and a 10 s lag bound by default", async () => {
    const env = await databaseEnv({ DATABASE_REPLICA_URL: "postgresql://baton:secret@replica.example.com:5432/baton" });
    expect(env.DATABASE_REPLICA_URL).toBe("postgresql://baton:secret@replica.example.com:5432/baton");
    expect(env.DATABASE_REPLICA_MAX_LAG_SECONDS).toBe(10);
    expect((await databaseEnv({})).DATABASE_REPLICA_URL).toBeUndefined();
    expect((await databaseEnv({ DATABASE_REPLICA_URL: "" })).DATABASE_REPLICA_URL).toBeUndefined();
  });

  it("refuses a replica URL that is not PostgreSQL's, and a lag bound that is not a positive number of seconds", async () => {
    await expect(databaseEnv({ DATABASE_REPLICA_URL: "mysql://replica.example.com/baton" })).rejects.toThrow(
      "DATABASE_REPLICA_URL must be a postgresql:// URL",
    );
    await expect(databaseEnv({ DATABASE_REPLICA_MAX_LAG_SECONDS: "ten" })).rejects.toThrow(
      "DATABASE_REPLICA_MAX_LAG_SECONDS must be a number of seconds",
    );
    await expect(databaseEnv({ DATABASE_REPLICA_MAX_LAG_SECONDS: "0" })).rejects.toThrow(
      "DATABASE_REPLICA_MAX_LAG_SECONDS must be more than 0",
    );
  });
});
