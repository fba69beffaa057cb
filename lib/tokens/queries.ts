import "server-only";
import { db } from "@/lib/db";

// The tokens page lists every token (never its secret): what it is for, its prefix, scope, who or which
// integration it acts as, when it was last used and when it expires.
export async function listApiTokens() {
  const now = Date.now();
  const rows = await db.apiToken.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      scope: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      expiresAt: true,
      integrationName: true,
      extraScopes: true,
      createdBy: { select: { name: true, email: true, role: true } },
    },
  });
  return rows.map((row) => ({ ...row, expired: row.expiresAt !== null && row.expiresAt.getTime() <= now }));
}

export type ApiTokenRow = Awaited<ReturnType<typeof listApiTokens>>[number];
