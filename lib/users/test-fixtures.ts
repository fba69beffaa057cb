// Shared by the user-management integration tests: each test starts from empty user tables and one team.
import type { Actor } from "@/lib/actions/authorize";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

let teamId: number;

/** The team resetUserTables made, which createUser puts everyone in. */
export const currentTeamId = () => teamId;

/** Empties users, their sign-in attempts and the audit log, and makes the one team new users join. */
export async function resetUserTables() {
  // Each test starts from an empty user table, so the "last admin" is whoever the test makes admin.
  await db.auditLog.deleteMany();
  await db.signInAttempt.deleteMany();
  await db.user.deleteMany();
  await db.team.deleteMany();
  teamId = (await db.team.create({ data: { name: "Inbound Sales" }, select: { id: true } })).id;
}

export async function createUser(email: string, role: Role, password = "a-long-enough-password"): Promise<Actor & { email: string }> {
  const user = (await db.user.create({
    data: { email, name: email.split("@")[0]!, role, passwordHash: await hashPassword(password), teamId },
    select: { id: true, role: true, email: true },
  })) as Actor & { email: string };
  return user;
}

export async function sessionVersion(id: number): Promise<number> {
  return (await db.user.findUniqueOrThrow({ where: { id }, select: { sessionVersion: true } })).sessionVersion;
}

export async function auditFor(id: number) {
  return db.auditLog.findMany({
    where: { entityType: "user", entityId: String(id) },
    orderBy: { id: "asc" },
    select: { actorId: true, action: true, before: true, after: true },
  });
}

export async function activeAdminCount(): Promise<number> {
  return db.user.count({ where: { role: "admin", active: true } });
}
