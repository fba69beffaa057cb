// Runs in each integration test file before its modules load: the app's settings point at a fresh,
// migrated database of the file's own.
import { afterAll, inject } from "vitest";
import { createTestDatabase } from "./databases.ts";

const database = await createTestDatabase(inject("pgAdminUrl"));
process.env.DATABASE_URL = database.url;
process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";
// CRM credentials are encrypted under this (lib/sync/crypto.ts); a test-only key.
process.env.BATON_ENCRYPTION_KEY ??= "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
process.env.TEST_DATABASE_NAME = database.name;

afterAll(async () => {
  // Close the app's pool if a test opened it (lib/db/index.ts caches it on globalThis), then drop the database.
  type Closable = { end: () => Promise<void> };
  const connections = (globalThis as { batonConnections?: { pool: Closable; replica?: { pool: Closable } } }).batonConnections;
  await connections?.pool.end().catch(() => undefined);
  await connections?.replica?.pool.end().catch(() => undefined);
  await database.drop();
});
