import "server-only";
import { recordAudit } from "@/lib/actions/audit";
import { createApiToken } from "@/lib/tokens/store";
import { db } from "@/lib/db";
import { AppError, NotFoundError } from "@/lib/errors";
import { createTokenSchema, revokeTokenSchema } from "@/lib/tokens/schemas";
import { parseInput } from "@/lib/actions/input";

// Creating and revoking API tokens (admins and revops). A token acts with the role of the user who
// created it, narrowed by its scope; a service token acts as a named integration, and its writes are
// audited under that name. Its secret exists only in the return value of createToken (Baton stores a hash).

export async function createToken(
  actorId: number,
  input: unknown,
): Promise<{ id: number; token: string; prefix: string; name: string; scope: "read" | "write" }> {
  const { name, scope, integrationName, expiresInDays, definitionsWrite } = parseInput(
    createTokenSchema,
    input,
    "Some fields need attention. No token was created.",
  );
  const expiresAt = expiresInDays === null ? null : new Date(Date.now() + expiresInDays * 86_400_000);
  const extraScopes = definitionsWrite ? (["definitions:write"] as const) : [];
  const created = await createApiToken({ name, scope, userId: actorId, integrationName, expiresAt, extraScopes });
  // lib/tokens/store.ts writes the token on its own; the audit entry follows it. Should that fail, the
  // token is revoked again, so no token exists without its trail.
  try {
    await db.$transaction((tx) =>
      recordAudit(tx, {
        actorId,
        action: "tokens.create",
        entityType: "api_token",
        entityId: created.id,
        after: { name, scope, prefix: created.prefix, integrationName, expiresAt, extraScopes },
      }),
    );
  } catch (error) {
    await db.apiToken.update({ where: { id: created.id }, data: { revokedAt: new Date() } }).catch(() => undefined);
    throw error;
  }
  return { ...created, name, scope };
}

export async function revokeToken(actorId: number, input: unknown): Promise<{ name: string }> {
  const { id } = parseInput(revokeTokenSchema, input, "Some fields need attention.");
  return db.$transaction(async (tx) => {
    const before = await tx.apiToken.findUnique({ where: { id }, select: { name: true, prefix: true, scope: true, revokedAt: true } });
    if (!before) throw new NotFoundError("That token");
    if (before.revokedAt) throw new AppError(`“${before.name}” was already revoked.`, 409);
    const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) throw new AppError(`“${before.name}” was already revoked.`, 409);
    await recordAudit(tx, {
      actorId,
      action: "tokens.revoke",
      entityType: "api_token",
      entityId: id,
      before,
      after: { ...before, revokedAt: new Date() },
    });
    return { name: before.name };
  });
}
