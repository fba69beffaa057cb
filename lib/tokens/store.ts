import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Role } from "@/lib/auth/permissions";
import type { AuditAuthor } from "@/lib/audit/via";

// API tokens are random, shown once, and stored only as a SHA-256 hash. A token acts with the role of
// the user it was created for, narrowed by its scope (read, or read and write).
export type TokenScope = "read" | "write";
const TOKEN_PREFIX = "baton_";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface CreatedToken {
  id: number;
  token: string;
  prefix: string;
}

export async function createApiToken(input: { name: string; scope: TokenScope; userId: number }): Promise<CreatedToken> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const prefix = token.slice(0, TOKEN_PREFIX.length + 6);
  const row = await db.apiToken.create({
    data: { name: input.name, scope: input.scope, prefix, tokenHash: hashToken(token), createdById: input.userId },
    select: { id: true },
  });
  return { id: row.id, token, prefix };
}

export interface TokenPrincipal {
  tokenId: number;
  tokenName: string;
  scope: TokenScope;
  user: { id: number; name: string; role: Role; teamId: number | null };
}

/** The principal behind an `Authorization: Bearer …` header, or null for a missing, unknown or revoked token. */
export async function authenticateToken(authorization: string | null): Promise<TokenPrincipal | null> {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  if (!match?.[1] || !match[1].startsWith(TOKEN_PREFIX) || match[1].length > 200) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(match[1]) },
    select: {
      id: true,
      name: true,
      scope: true,
      revokedAt: true,
      lastUsedAt: true,
      createdBy: { select: { id: true, name: true, role: true, teamId: true, active: true } },
    },
  });
  if (!row || row.revokedAt || !row.createdBy?.active) return null;
  // Touch lastUsedAt at most once a minute: a busy integration must not write on every request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } }).catch(() => undefined);
  }
  const { active: _active, ...user } = row.createdBy;
  return { tokenId: row.id, tokenName: row.name, scope: row.scope, user };
}

/** An API write in the audit log: the token's user did it, through this token. */
export function auditAuthorOf(principal: TokenPrincipal): AuditAuthor & { actorId: number } {
  return { actorId: principal.user.id, via: { apiToken: { id: principal.tokenId, name: principal.tokenName } } };
}

export async function revokeApiToken(id: number): Promise<boolean> {
  const result = await db.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  return result.count === 1;
}
