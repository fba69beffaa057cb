import "server-only";
import { db } from "@/lib/db";

// The tokens page lists every token (never its secret): what it is for, its prefix, scope, who it acts
// as, and when it was last used.
export async function listApiTokens() {
  return db.apiToken.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, prefix: true, scope: true, createdAt: true, lastUsedAt: true, revokedAt: true, createdBy: { select: { name: true, email: true, role: true } } },
  });
}

export type ApiTokenRow = Awaited<ReturnType<typeof listApiTokens>>[number];
