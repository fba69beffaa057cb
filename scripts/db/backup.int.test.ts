import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { queryOnce } from "../../tests/connections.ts";
import { createTestDatabase, type TestDatabase } from "../../tests/databases.ts";
import { loadAndDiagnoseDemo } from "./demo.ts";
import { backupDatabase, restoreDatabase } from "./backup.ts";

const databases: TestDatabase[] = [];
afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
});

// What must survive a backup: every lead, event and annotation, to the byte.
const FINGERPRINT = `
  SELECT (SELECT count(*) FROM leads) AS leads, (SELECT count(*) FROM handoff_events) AS events, (SELECT count(*) FROM annotations) AS annotations,
         (SELECT md5(string_agg(l::text, '' ORDER BY id)) FROM leads l) AS leads_hash,
         (SELECT md5(string_agg(e::text, '' ORDER BY id)) FROM handoff_events e) AS events_hash,
         (SELECT md5(string_agg(a::text, '' ORDER BY id)) FROM annotations a) AS annotations_hash`;

describe("npm run db:backup and db:restore", () => {
  it("restores a backup into a fresh database with every lead, event and annotation", async () => {
    const source = await createTestDatabase(inject("pgAdminUrl"));
    databases.push(source);
    await loadAndDiagnoseDemo(source.url, { anchor: new Date("2026-11-02T10:00:00Z") });
    await queryOnce(
      source.url,
      `INSERT INTO annotations (lead_id, side, body, author_id, updated_at)
       SELECT l.id, 'marketing', 'Came from the pricing page; the form lost the plan they picked', u.id, now()
       FROM (SELECT id FROM leads ORDER BY id LIMIT 3) l, (SELECT id FROM users WHERE role = 'marketing' LIMIT 1) u`,
    );
    const before = (await queryOnce(source.url, FINGERPRINT))[0];
    expect(Number(before?.leads)).toBe(2000);
    expect(Number(before?.annotations)).toBe(3);

    const file = path.join(await mkdtemp(path.join(os.tmpdir(), "baton-backup-")), "baton.dump");
    await backupDatabase(source.url, file);
    const target = await createTestDatabase(inject("pgAdminUrl"), { migrated: false });
    databases.push(target);
    await restoreDatabase(target.url, file);

    expect((await queryOnce(target.url, FINGERPRINT))[0]).toEqual(before);
    const migrations = await queryOnce<{ count: string }>(target.url, `SELECT count(*) FROM "_prisma_migrations"`);
    expect(Number(migrations[0]?.count)).toBeGreaterThan(0);
  });

  it("refuses to restore over a database that has data, unless forced", async () => {
    const source = await createTestDatabase(inject("pgAdminUrl"));
    databases.push(source);
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), "baton-backup-")), "empty.dump");
    await backupDatabase(source.url, file);
    const occupied = await createTestDatabase(inject("pgAdminUrl"));
    databases.push(occupied);
    await expect(restoreDatabase(occupied.url, file)).rejects.toThrow(/not empty/);
  });
});
