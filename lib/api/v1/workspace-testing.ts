// Shared setup for the /api/v1 integration tests: the import workspace (definitions, reps) plus an admin
// and a revops user with tokens of each scope. Each test file gets its own database.
import { createApiToken } from "@/lib/tokens/store";
import { db } from "@/lib/db";
import { seedImportWorkspace, type ImportWorkspace } from "@/lib/import/testing";

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
  const admin = await db.user.create({
    data: { email: "admin@api-v1.example", name: "Api Admin", role: "admin", passwordHash: "x" },
    select: { id: true },
  });
  const viewer = await db.user.create({
    data: { email: "viewer@api-v1.example", name: "Api Viewer", role: "viewer", passwordHash: "x" },
    select: { id: true },
  });
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
