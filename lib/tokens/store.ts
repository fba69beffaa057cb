import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Role } from "@/lib/auth/permissions";
import type { AuditAuthor, AuditVia } from "@/lib/actions/audit-via";

// API tokens are random, shown once, and stored only as a SHA-256 hash. A token acts with the role of
// the user it was created for, narrowed by its scope (read, or read and write) and widened only by extra
// scopes it was given (definitions:write). A service token acts as a named integration: its writes are
// audited under that name. A token past its expiry is refused like a revoked one.
export type TokenScope = "read" | "write";
export const EXTRA_SCOPES = ["definitions:write"] as const;
export type ExtraScope = (typeof EXTRA_SCOPES)[number];
const TOKEN_PREFIX = "baton_";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface CreatedToken {
  id: number;
  token: string;
  prefix: string;
}

export interface NewTokenInput {
  name: string;
  scope: TokenScope;
  userId: number;
  integrationName?: string | null;
  expiresAt?: Date | null;
  extraScopes?: readonly ExtraScope[];
}

export async function createApiToken(input: NewTokenInput): Promise<CreatedToken> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const prefix = token.slice(0, TOKEN_PREFIX.length + 6);
  const row = await db.apiToken.create({
    data: {
      name: input.name,
      scope: input.scope,
      prefix,
      tokenHash: hashToken(token),
      createdById: input.userId,
      integrationName: input.integrationName ?? null,
      expiresAt: input.expiresAt ?? null,
      extraScopes: [...(input.extraScopes ?? [])],
    },
    select: { id: true },
  });
  return { id: row.id, token, prefix };
}

export interface TokenPrincipal {
  tokenId: number;
  tokenName: string;
  scope: TokenScope;
  extraScopes: string[];
  /** Set for a service token: the integration it acts as. */
  integrationName: string | null;
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
      expiresAt: true,
      integrationName: true,
      extraScopes: true,
      createdBy: { select: { id: true, name: true, role: true, teamId: true, active: true } },
    },
  });
  if (!row || row.revokedAt || !row.createdBy?.active) return null;
  if (row.expiresAt && row.expiresAt.getTime() <= Date.now()) return null;
  // Touch lastUsedAt at most once a minute: a busy integration must not write on every request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } }).catch(() => undefined);
  }
  const { active: _active, ...user } = row.createdBy;
  return {
    tokenId: row.id,
    tokenName: row.name,
    scope: row.scope,
    extraScopes: row.extraScopes,
    integrationName: row.integrationName,
    user,
  };
}

/** An API write in the audit log: the token's user did it, through this token (as its integration, if any). */
export function auditAuthorOf(principal: TokenPrincipal): AuditAuthor & { actorId: number; via: AuditVia } {
  const apiToken = {
    id: principal.tokenId,
    name: principal.tokenName,
    ...(principal.integrationName ? { integration: principal.integrationName } : {}),
  };
  return { actorId: principal.user.id, via: { apiToken } };
}

export async function revokeApiToken(id: number): Promise<boolean> {
  const result = await db.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  return result.count === 1;
}
