import { beforeAll, describe, expect, it } from "vitest";
import { createActor } from "@/lib/actions/testing";
import { authenticateToken } from "@/lib/tokens/store";
import { db } from "@/lib/db";
import { AppError, ValidationError } from "@/lib/errors";
import { createToken, revokeToken } from "@/lib/tokens/mutations";
import { listApiTokens } from "@/lib/tokens/queries";

// The API tokens page's writes: a token is shown once, stored as a hash, acts as its creator within its
// scope, and stops working the moment it is revoked; both leave an audit entry.

let adminId: number;

beforeAll(async () => {
  adminId = (await createActor("admin@tokens.example", "admin")).id;
});

describe("API tokens", () => {
  it("creates a token that authenticates with its scope, stores only its hash and is audited", async () => {
    const created = await createToken(adminId, { name: "  HubSpot sync ", scope: "write" });
    expect(created).toMatchObject({ name: "HubSpot sync", scope: "write" });
    expect(created.token.startsWith(created.prefix)).toBe(true);
    const principal = await authenticateToken(`Bearer ${created.token}`);
    expect(principal).toMatchObject({ scope: "write", user: { id: adminId, role: "admin" } });
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(JSON.stringify(stored)).not.toContain(created.token);
    const listed = await listApiTokens();
    expect(listed.find((token) => token.id === created.id)).toMatchObject({
      name: "HubSpot sync",
      prefix: created.prefix,
      scope: "write",
      revokedAt: null,
    });
    expect(await db.auditLog.count({ where: { action: "tokens.create", entityId: String(created.id), actorId: adminId } })).toBe(1);
  });

  it("refuses a nameless token and an unknown scope", async () => {
    await expect(createToken(adminId, { name: " ", scope: "write" })).rejects.toBeInstanceOf(ValidationError);
    await expect(createToken(adminId, { name: "BI", scope: "admin" })).rejects.toMatchObject({
      fieldErrors: { scope: [expect.any(String)] },
    });
  });

  it("revokes: the token stops authenticating, and a second revoke says so", async () => {
    const created = await createToken(adminId, { name: "BI read-only", scope: "read" });
    expect(await revokeToken(adminId, { id: created.id })).toEqual({ name: "BI read-only" });
    expect(await authenticateToken(`Bearer ${created.token}`)).toBeNull();
    await expect(revokeToken(adminId, { id: created.id })).rejects.toSatisfy(
      (error: unknown) => error instanceof AppError && error.status === 409,
    );
    expect(await db.auditLog.count({ where: { action: "tokens.revoke", entityId: String(created.id) } })).toBe(1);
  });
});
