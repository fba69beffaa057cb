// Runs in each integration test file before its modules load: the app's settings point at a fresh,
// migrated database of the file's own.
import { afterAll, inject } from "vitest";
import { createTestDatabase } from "./databases.ts";

const database = await createTestDatabase(inject("pgAdminUrl"));
process.env.DATABASE_URL = database.url;
process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";
process.env.TEST_DATABASE_NAME = database.name;

afterAll(async () => {
  // Close the app's pool if a test opened it (lib/db/index.ts caches it on globalThis), then drop the database.
  const connections = (globalThis as { batonConnections?: { pool: { end: () => Promise<void> } } }).batonConnections;
  await connections?.pool.end().catch(() => undefined);
  await database.drop();
});
