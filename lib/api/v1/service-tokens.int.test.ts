import { beforeAll, describe, expect, it } from "vitest";
import { POST as changeDefinitions } from "@/app/api/v1/definitions/changes/route";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { POST as postLead } from "@/app/api/v1/leads/route";
import { seedApiWorkspace, type ApiWorkspace } from "@/lib/api/v1/workspace-testing";
import { describeVia, splitVia } from "@/lib/actions/audit-via";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { call, type Handler } from "@/lib/api/v1/testing";
import { ValidationError } from "@/lib/errors";
import { createToken, revokeToken } from "@/lib/tokens/mutations";
import { listApiTokens } from "@/lib/tokens/queries";

// Service tokens: revops creates a token that acts as a named integration; its writes are audited under
// that name, its last use is shown, and it stops working when revoked or past its expiry.

let workspace: ApiWorkspace;
beforeAll(async () => {
  workspace = await seedApiWorkspace();
});

describe("service tokens", () => {
  it("revops may create and revoke tokens (the one permission table)", () => {
    expect(can("revops", "tokens.manage")).toBe(true);
    expect(can("marketing", "tokens.manage")).toBe(false);
  });

  it("a service token's writes are audited under the integration's name, and its last use is shown", async () => {
    const created = await createToken(workspace.revopsId, {
      name: "HubSpot sync token",
      scope: "write",
      integrationName: "HubSpot",
      expiresInDays: "90",
    });
    const lead = { sourceSystem: "hubspot", externalId: "svc-1", name: "Sam Service", capturedAt: "2025-03-14T09:00:00Z" };
    expect((await call(postLead as Handler, "POST", "/leads", { token: created.token, body: lead })).status).toBe(201);
    const stored = await db.lead.findFirstOrThrow({ where: { externalId: "svc-1" }, select: { id: true } });
    expect(
      (
        await call(postEvents as Handler, "POST", "/events", {
          token: created.token,
          body: { events: [{ lead: { id: stored.id }, type: "note", occurredAt: "2025-03-14T10:00:00Z", details: { notes: "synced" } }] },
        })
      ).status,
    ).toBe(201);

    const rows = await db.auditLog.findMany({
      where: { action: { in: ["api.lead.create", "api.event.append"] } },
      select: { actorId: true, after: true },
    });
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const { via } = splitVia(row.after);
      expect(via?.apiToken).toEqual({ id: created.id, name: "HubSpot sync token", integration: "HubSpot" });
      expect(describeVia(via!)).toContain("by integration “HubSpot”");
      expect(row.actorId).toBe(workspace.revopsId);
    }

    const listed = (await listApiTokens()).find((token) => token.id === created.id)!;
    expect(listed).toMatchObject({ integrationName: "HubSpot" });
    expect(listed.lastUsedAt).not.toBeNull();
    expect(listed.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 89 * 86_400_000);
  });

  it("changes made through the features' own mutations (definitions here) are audited under the integration too", async () => {
    const created = await createToken(workspace.revopsId, {
      name: "Definitions sync",
      scope: "write",
      integrationName: "Warehouse",
      definitionsWrite: "on",
    });
    const body = {
      change: "reason",
      code: "bought_elsewhere",
      label: "Bought elsewhere",
      requiresDetail: false,
      detailPrompt: null,
      active: true,
      sortOrder: 70,
    };
    expect((await call(changeDefinitions as Handler, "POST", "/definitions/changes", { token: created.token, body })).status).toBe(200);
    const row = await db.auditLog.findFirstOrThrow({
      where: { action: "definitions.rejection_reason.create" },
      select: { actorId: true, after: true },
    });
    expect(row.actorId).toBe(workspace.revopsId);
    expect(splitVia(row.after).via?.apiToken).toEqual({ id: created.id, name: "Definitions sync", integration: "Warehouse" });
  });

  it("a token past its expiry is refused like a revoked one", async () => {
    const created = await createToken(workspace.revopsId, { name: "Short-lived", scope: "read", expiresInDays: "1" });
    await db.apiToken.update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const response = await call(postLead as Handler, "POST", "/leads", {
      token: created.token,
      body: { sourceSystem: "hubspot", externalId: "svc-2" },
    });
    expect(response.status).toBe(401);
    expect(response.json.error?.code).toBe("unauthenticated");
  });

  it("revops revokes a token: it is refused from then on", async () => {
    const created = await createToken(workspace.revopsId, { name: "Retired form tool", scope: "write", integrationName: "Typeform" });
    await revokeToken(workspace.revopsId, { id: created.id });
    expect(
      (
        await call(postLead as Handler, "POST", "/leads", {
          token: created.token,
          body: { sourceSystem: "typeform", externalId: "svc-3", name: "X Y", capturedAt: "2025-03-14T09:00:00Z" },
        })
      ).status,
    ).toBe(401);
  });

  it("refuses a bad expiry and definitions:write on a read token, creating nothing", async () => {
    const before = await db.apiToken.count();
    await expect(createToken(workspace.revopsId, { name: "Bad", scope: "write", expiresInDays: "0" })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(createToken(workspace.revopsId, { name: "Bad", scope: "read", definitionsWrite: "on" })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await db.apiToken.count()).toBe(before);
  });
});
