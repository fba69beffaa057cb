import { beforeEach, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { changeUserRole, inviteUser, resetUserPassword, setUserActive, signOutUserEverywhere } from "@/lib/users/mutations";
import { auditFor, createUser, resetUserTables, sessionVersion } from "@/lib/users/test-fixtures";

// Who may manage users, the audit trail of user changes (which must never hold a password hash), and people
// the CRM knows who have no sign-in, against a real, freshly migrated database.

beforeEach(resetUserTables);

describe("who may manage users", () => {
  it("refuses every mutation to each non-admin role, and writes nothing", async () => {
    await createUser("admin@example.com", "admin");
    const target = await createUser("target@example.com", "viewer");
    const version = await sessionVersion(target.id);
    for (const role of ["revops", "marketing", "sales_rep", "sales_manager", "viewer"] as const) {
      const actor = await createUser(`${role}@example.com`, role);
      await expect(inviteUser(actor, { name: "X", email: `x-${role}@example.com`, role: "admin", teamId: "" })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      await expect(changeUserRole(actor, { userId: target.id, role: "admin" })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(setUserActive(actor, { userId: target.id, active: false })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(resetUserPassword(actor, { userId: target.id })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(signOutUserEverywhere(actor, { userId: target.id })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await sessionVersion(target.id)).toBe(version);
    expect(await db.user.count({ where: { email: { startsWith: "x-" } } })).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it("refuses a deactivated admin whose request still carries the admin role", async () => {
    const admin = await createUser("admin@example.com", "admin");
    const former = await createUser("former@example.com", "admin");
    await setUserActive(admin, { userId: former.id, active: false });
    await expect(inviteUser(former, { name: "X", email: "x@example.com", role: "admin", teamId: "" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});

describe("the audit trail", () => {
  it("holds one row per change and never a password hash", async () => {
    const admin = await createUser("admin@example.com", "admin");
    const { user } = await inviteUser(admin, { name: "Bo", email: "bo@example.com", role: "viewer", teamId: "" });
    await changeUserRole(admin, { userId: user.id, role: "marketing" });
    await resetUserPassword(admin, { userId: user.id });
    await signOutUserEverywhere(admin, { userId: user.id });
    await setUserActive(admin, { userId: user.id, active: false });
    await setUserActive(admin, { userId: user.id, active: true });

    const trail = await auditFor(user.id);
    expect(trail.map((entry) => entry.action)).toEqual([
      "user.invite",
      "user.role_change",
      "user.password_reset",
      "user.sign_out_everywhere",
      "user.deactivate",
      "user.reactivate",
    ]);
    expect(trail.every((entry) => entry.actorId === admin.id)).toBe(true);
    const [all] = await db.$queryRaw<
      { text: string }[]
    >`SELECT coalesce(string_agg(coalesce(before::text, '') || ' ' || coalesce(after::text, ''), ' '), '') AS text FROM audit_logs`;
    expect(all?.text).toContain("bo@example.com");
    expect(all?.text).not.toMatch(/passwordHash|password_hash|\$argon2/);
  });
});

describe("people without a sign-in", () => {
  it("lists a CRM person as without sign-in, and inviting their email links them to a sign-in instead of refusing", async () => {
    const admin = await createUser("boss@example.com", "admin");
    const person = await db.user.create({ data: { email: "crm.owner@example.com", name: "CRM Owner", role: "sales_rep" } });
    const { getUsersOverview } = await import("@/lib/users/queries");
    expect((await getUsersOverview()).users.find((user) => user.id === person.id)).toMatchObject({
      canSignIn: false,
      email: "crm.owner@example.com",
    });

    const { user, temporaryPassword } = await inviteUser(admin, {
      name: "Ignored",
      email: "CRM.Owner@example.com",
      role: "sales_manager",
      teamId: "",
    });
    expect(user).toMatchObject({ id: person.id, name: "CRM Owner", role: "sales_manager" });
    const stored = await db.user.findUniqueOrThrow({ where: { id: person.id }, select: { passwordHash: true } });
    expect(await verifyPassword(stored.passwordHash, temporaryPassword)).toBe(true);
    expect((await getUsersOverview()).users.find((row) => row.id === person.id)?.canSignIn).toBe(true);
    expect(await db.auditLog.count({ where: { action: "user.link_sign_in", entityId: String(person.id) } })).toBe(1);
  });

  it("refuses to set a password for a person known only by name: sign-in needs an email", async () => {
    const admin = await createUser("boss2@example.com", "admin");
    const person = await db.user.create({ data: { name: "Name Only", role: "sales_rep" } });
    await expect(resetUserPassword(admin, { userId: person.id })).rejects.toThrow(/no email/);
  });
});
