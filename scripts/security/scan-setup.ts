/**
 * The world the security scan attacks: API tokens for the demo's admin, real demo rows for the targets to
 * start from, and a check that both tokens work through the real routes.
 */
import pg from "pg";
import { CliError } from "../lib/cli.ts";
import type { ApiSamples } from "./targets.ts";

/** The demo user the scan signs in as and whose tokens it uses. */
export const ADMIN = "admin@demo.baton.dev";

/** The ids and values the targets start from: real demo rows, so every request is valid before it is mutated. */
export async function collectSamples(databaseUrl: string): Promise<Omit<ApiSamples, "apiLeadExternalId">> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const one = async <T>(sql: string): Promise<T> => {
      const { rows } = await client.query(sql);
      if (!rows[0]) throw new CliError(`the demo data has nothing for: ${sql}`);
      return rows[0] as T;
    };
    const lead = await one<{ id: number; source: string; owner: number }>(
      "SELECT id, original_source AS source, owner_id AS owner FROM leads WHERE original_source IS NOT NULL AND owner_id IS NOT NULL ORDER BY id LIMIT 1",
    );
    const type = await one<{ key: string }>("SELECT t.key FROM lead_types t JOIN leads l ON l.lead_type_id = t.id ORDER BY t.id LIMIT 1");
    const pending = await one<{ id: number; version: number }>(
      "SELECT id, version FROM leads WHERE acceptance_status = 'pending' AND owner_id IS NOT NULL ORDER BY id LIMIT 1",
    );
    const asked = await one<{ id: number; version: number }>(
      "SELECT id, version FROM leads WHERE acceptance_status = 'info_requested' ORDER BY id LIMIT 1",
    );
    const reason = await one<{ code: string }>("SELECT code FROM rejection_reasons WHERE active ORDER BY id LIMIT 1");
    return {
      leadId: lead.id,
      source: lead.source,
      ownerId: lead.owner,
      leadType: type.key,
      pending,
      infoRequested: asked,
      reasonCode: reason.code,
    };
  } finally {
    await client.end();
  }
}

export async function createTokens(databaseUrl: string): Promise<{ read: string; write: string }> {
  process.env.DATABASE_URL = databaseUrl;
  const { db, pool } = await import("../../lib/db/index.ts");
  const { createApiToken } = await import("../../lib/tokens/store.ts");
  try {
    const admin = await db.user.findUnique({ where: { email: ADMIN }, select: { id: true } });
    if (!admin) throw new CliError(`the demo has no ${ADMIN}`);
    const read = await createApiToken({ name: "security scan (read)", scope: "read", userId: admin.id });
    const write = await createApiToken({ name: "security scan (write)", scope: "write", userId: admin.id });
    return { read: read.token, write: write.token };
  } finally {
    await db.$disconnect();
    await pool.end();
  }
}

/** Checks both tokens work through the real routes and creates the lead the event target refers to. */
export async function prepareApi(base: string, tokens: { read: string; write: string }): Promise<string> {
  const list = await fetch(`${base}/api/v1/leads?size=25`, { headers: { Authorization: `Bearer ${tokens.read}` } });
  if (list.status !== 200)
    throw new CliError(`the read token does not work: GET /api/v1/leads answered ${list.status} ${(await list.text()).slice(0, 200)}`);
  const externalId = "scan-event-target";
  const created = await fetch(`${base}/api/v1/leads`, {
    method: "POST",
    headers: { Authorization: `Bearer ${tokens.write}`, "Content-Type": "application/json" },
    body: JSON.stringify({ externalId, name: "Event target", capturedAt: "2025-03-14T09:00:00Z" }),
  });
  if (created.status !== 201)
    throw new CliError(
      `the write token does not work: POST /api/v1/leads answered ${created.status} ${(await created.text()).slice(0, 200)}`,
    );
  return externalId;
}
