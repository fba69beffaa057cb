import { beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { getWorkspaceTimeZone } from "@/lib/definitions/queries";
import { parseAuditListQuery, type AuditListQuery } from "@/lib/audit/list-query";
import { findAuditEntityTypes, findAuditEntries, getAuditLogView, type AuditEntryRow } from "@/lib/audit/queries";
import { describeAuditLine, readableAuditLines } from "@/lib/audit/readable";
import { zonedDayStart } from "@/lib/time";

// The audit log's reads: every filter, keyset paging that visits every row exactly once in both
// directions, and plans that stay on the indexes at a large table.

const START = new Date("2025-03-01T00:00:00Z");
const HOUR = 3_600_000;
let alice: number;
let bob: number;

beforeAll(async () => {
  alice = (await db.user.create({ data: { email: "alice@example.com", name: "Alice", role: "admin", passwordHash: "x" } })).id;
  bob = (await db.user.create({ data: { email: "bob@example.com", name: "Bob", role: "revops", passwordHash: "x" } })).id;
  // 120 entries, one per hour; every third at the same instant as the one before, to exercise the id tie-break.
  const rows = Array.from({ length: 120 }, (_, index) => ({
    actorId: index % 2 === 0 ? alice : bob,
    action: index % 3 === 0 ? "user.role_change" : index % 3 === 1 ? "lead.accept" : "userXrole_change",
    entityType: index % 3 === 0 ? "user" : "lead",
    entityId: String(index % 7),
    before: { value: index },
    after: { value: index + 1 },
    at: new Date(START.getTime() + (index - (index % 3 === 2 ? 1 : 0)) * HOUR),
  }));
  await db.auditLog.createMany({ data: rows });
});

async function allPages(query: AuditListQuery, pageSize: number): Promise<AuditEntryRow[]> {
  const seen: AuditEntryRow[] = [];
  let page = await findAuditEntries(query, pageSize);
  seen.push(...page.rows);
  while (page.older) {
    page = await findAuditEntries({ ...query, before: page.older }, pageSize);
    seen.push(...page.rows);
  }
  return seen;
}

function isNewestFirst(rows: AuditEntryRow[]): boolean {
  return rows.every(
    (row, index) =>
      index === 0 || rows[index - 1]!.at > row.at || (rows[index - 1]!.at.getTime() === row.at.getTime() && rows[index - 1]!.id > row.id),
  );
}

describe("findAuditEntries", () => {
  it("pages through every entry exactly once, newest first, with ties broken by id", async () => {
    const rows = await allPages({}, 25);
    expect(rows).toHaveLength(120);
    expect(new Set(rows.map((row) => row.id)).size).toBe(120);
    expect(isNewestFirst(rows)).toBe(true);
  });

  it("walks back to newer pages with the same rows as on the way down", async () => {
    const first = await findAuditEntries({}, 20);
    const second = await findAuditEntries({ before: first.older! }, 20);
    const third = await findAuditEntries({ before: second.older! }, 20);
    expect(first.newer).toBeNull();
    const backToSecond = await findAuditEntries({ after: third.newer! }, 20);
    expect(backToSecond.rows.map((row) => row.id)).toEqual(second.rows.map((row) => row.id));
    const backToFirst = await findAuditEntries({ after: backToSecond.newer! }, 20);
    expect(backToFirst.rows.map((row) => row.id)).toEqual(first.rows.map((row) => row.id));
    expect(backToFirst.newer).toBeNull();
    expect(backToFirst.older).not.toBeNull();
  });

  it("filters by actor, record type, record id and action prefix, with the actor's name", async () => {
    const byBob = await allPages({ actorId: bob }, 50);
    expect(byBob).toHaveLength(60);
    expect(byBob.every((row) => row.actor?.name === "Bob")).toBe(true);

    const users = await allPages({ entityType: "user", entityId: "3" }, 50);
    expect(users.length).toBeGreaterThan(0);
    expect(users.every((row) => row.entityType === "user" && row.entityId === "3")).toBe(true);

    // "_" is matched literally: "user.role_" must not match "userXrole_change".
    const roleChanges = await allPages({ action: "user.role_" }, 50);
    expect(roleChanges).toHaveLength(40);
    expect(roleChanges.every((row) => row.action === "user.role_change")).toBe(true);
    expect(await allPages({ action: "%" }, 50)).toHaveLength(0);
  });

  it("filters by calendar days in the workspace time zone, both ends inclusive", async () => {
    const timeZone = await getWorkspaceTimeZone();
    const rows = await allPages(parseAuditListQuery({ from: "2025-03-02", to: "2025-03-03" }), 50);
    expect(rows.length).toBeGreaterThan(0);
    const from = zonedDayStart("2025-03-02", timeZone);
    const to = zonedDayStart("2025-03-03", timeZone, 1);
    expect(rows.every((row) => row.at >= from && row.at < to)).toBe(true);
    const expected = await db.auditLog.count({ where: { at: { gte: from, lt: to } } });
    expect(rows).toHaveLength(expected);
  });

  it("shows deleted actors as the system rather than failing", async () => {
    const ghost = await db.user.create({ data: { email: "ghost@example.com", name: "Ghost", role: "viewer", passwordHash: "x" } });
    await db.auditLog.create({
      data: {
        actorId: ghost.id,
        action: "fix.create",
        entityType: "fix",
        entityId: "1",
        after: { title: "x" },
        at: new Date("2030-01-01T00:00:00Z"),
      },
    });
    await db.user.delete({ where: { id: ghost.id } });
    const [row] = (await findAuditEntries({ entityType: "fix" }, 5)).rows;
    expect(row).toMatchObject({ actor: null, action: "fix.create", before: null, after: { title: "x" } });
  });
});

describe("getAuditLogView", () => {
  it("gives the names behind the entries' ids, so a reassignment reads 'owner: Alice → Bob'", async () => {
    const team = await db.team.create({ data: { name: "Audit Readers" } });
    await db.auditLog.create({
      data: {
        actorId: alice,
        action: "lead.reassign_owner",
        entityType: "lead",
        entityId: "5",
        before: { ownerId: alice, teamId: null, version: 3 },
        after: { ownerId: bob, teamId: team.id, version: 4, reason: "Alice is away" },
        at: new Date("2031-01-01T00:00:00Z"),
      },
    });
    const view = await getAuditLogView(parseAuditListQuery({ action: "lead.reassign_owner" }));
    const [entry] = view.page.rows;
    // In the order PostgreSQL keeps jsonb keys (shorter first), as the page lists them.
    expect(entry?.actor?.name).toBe("Alice");
    expect(readableAuditLines(entry!.before, entry!.after, view.names).map(describeAuditLine)).toEqual([
      "team: (empty) → Audit Readers",
      "owner: Alice → Bob",
      "version: 3 → 4",
      "reason: Alice is away",
    ]);
  });
});

describe("findAuditEntityTypes", () => {
  it("lists each record type once, in order", async () => {
    expect(await findAuditEntityTypes()).toEqual(["fix", "lead", "user"]);
  });
});

describe("at scale", () => {
  it("serves the first page and a deep page from the indexes, without scanning or sorting the table", async () => {
    await pool.query(
      `
      INSERT INTO audit_logs (actor_id, action, entity_type, entity_id, after, at)
      SELECT CASE WHEN n % 2 = 0 THEN $1::int ELSE $2::int END, 'lead.accept', 'lead', (n % 5000)::text, jsonb_build_object('n', n),
             timestamptz '2024-01-01' + n * interval '1 second'
      FROM generate_series(1, 100000) AS n`,
      [alice, bob],
    );
    await pool.query("ANALYZE audit_logs");

    const deep = await findAuditEntries({ before: { at: new Date("2024-01-02T00:00:00Z"), id: 2 ** 31 - 1 } }, 50);
    expect(deep.rows).toHaveLength(50);
    expect(deep.rows[0]!.at.getTime()).toBeLessThanOrEqual(new Date("2024-01-02T00:00:00Z").getTime());

    for (const where of [
      "",
      "WHERE a.at <= $1 AND (a.at < $1 OR a.id < $2)",
      "WHERE a.actor_id = $3 AND a.at <= $1 AND (a.at < $1 OR a.id < $2)",
    ]) {
      const params = where.includes("$3")
        ? [new Date("2024-01-02T00:00:00Z"), 2 ** 31 - 1, bob]
        : where
          ? [new Date("2024-01-02T00:00:00Z"), 2 ** 31 - 1]
          : [];
      const { rows } = await pool.query<{ "QUERY PLAN": string }>(
        `EXPLAIN SELECT a.id FROM audit_logs a LEFT JOIN users u ON u.id = a.actor_id ${where} ORDER BY a.at DESC, a.id DESC LIMIT 51`,
        params,
      );
      const plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
      expect(plan, plan).not.toMatch(/Seq Scan on audit_logs/);
      expect(plan, plan).toMatch(/Index Scan (Backward )?using audit_logs_(at|actor_id_at)_idx/);
    }
  });
});
