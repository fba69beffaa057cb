// Shared setup for the /api/v1 integration tests: the import workspace (definitions, reps) plus an admin
// and a revops user with tokens of each scope. Each test file gets its own database.
import { createApiToken, revokeApiToken } from "@/lib/tokens/store";
import { db } from "@/lib/db";
import { seedImportWorkspace, type ImportWorkspace } from "@/lib/import/testing";

/** Who holds the tests' tokens: an admin, and a viewer (whose role may not write). */
async function createAdminAndViewer(domain: string): Promise<{ admin: { id: number }; viewer: { id: number } }> {
  const person = (role: "admin" | "viewer", name: string) =>
    db.user.create({ data: { email: `${role}@${domain}`, name, role, passwordHash: "x" }, select: { id: true } });
  const admin = await person("admin", "Api Admin");
  const viewer = await person("viewer", "Api Viewer");
  return { admin, viewer };
}

export interface ApiWorkspace extends ImportWorkspace {
  adminId: number;
  tokens: {
    adminWrite: string;
    adminRead: string;
    adminDefinitions: string;
    revopsDefinitions: string;
    revopsWrite: string;
    viewerWrite: string;
  };
}

export async function seedApiWorkspace(): Promise<ApiWorkspace> {
  const workspace = await seedImportWorkspace();
  const { admin, viewer } = await createAdminAndViewer("api-v1.example");
  const token = async (name: string, scope: "read" | "write", userId: number) => (await createApiToken({ name, scope, userId })).token;
  return {
    ...workspace,
    adminId: admin.id,
    tokens: {
      adminWrite: await token("crm sync", "write", admin.id),
      adminDefinitions: (
        await createApiToken({ name: "definitions sync", scope: "write", userId: admin.id, extraScopes: ["definitions:write"] })
      ).token,
      revopsDefinitions: (
        await createApiToken({ name: "revops definitions", scope: "write", userId: workspace.revopsId, extraScopes: ["definitions:write"] })
      ).token,
      adminRead: await token("warehouse", "read", admin.id),
      revopsWrite: await token("revops sync", "write", workspace.revopsId),
      viewerWrite: await token("viewer", "write", viewer.id),
    },
  };
}

export type ScopeTokens = Record<"write" | "read" | "viewer" | "revoked" | "limited", string>;

/**
 * The import workspace plus one token of each kind the scope and error tests need: write and read for an
 * admin, write for a viewer (whose role may not import), a revoked one, and one whose budget a test spends.
 */
export async function seedScopeTokens(): Promise<{ workspace: ImportWorkspace; tokens: ScopeTokens; limitedTokenId: number }> {
  const workspace = await seedImportWorkspace();
  const { admin, viewer } = await createAdminAndViewer("api.example");
  const revoked = await createApiToken({ name: "old", scope: "write", userId: admin.id });
  await revokeApiToken(revoked.id);
  const limited = await createApiToken({ name: "busy", scope: "write", userId: admin.id });
  return {
    workspace,
    limitedTokenId: limited.id,
    tokens: {
      write: (await createApiToken({ name: "crm sync", scope: "write", userId: admin.id })).token,
      read: (await createApiToken({ name: "bi", scope: "read", userId: admin.id })).token,
      viewer: (await createApiToken({ name: "viewer", scope: "write", userId: viewer.id })).token,
      revoked: revoked.token,
      limited: limited.token,
    },
  };
}

/** A lead as the write API takes it, from the "crm" source system. */
export const crmLead = (externalId: string, extra: Record<string, unknown> = {}) => ({
  sourceSystem: "crm",
  externalId,
  name: `Lead ${externalId}`,
  email: `${externalId}@Buyer-Co.example`,
  capturedAt: "2025-03-14T09:00:00Z",
  ...extra,
});
