import { beforeEach, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { AppError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { changeUserRole, inviteUser, LastAdminError, resetUserPassword, setUserActive, signOutUserEverywhere } from "@/lib/users/mutations";
import { activeAdminCount, auditFor, createUser, currentTeamId, resetUserTables, sessionVersion } from "@/lib/users/test-fixtures";

// The admin's user changes against a real, freshly migrated database: the last-admin rule (also under
// concurrency), session revocation through session_version and argon2id temporary passwords. Who may
// manage users, the audit trail and people without a sign-in are in user-access.int.test.ts.

let teamId: number;
beforeEach(async () => {
  await resetUserTables();
  teamId = currentTeamId();
});

describe("inviting a user", () => {
  it("stores the email lowercased and an argon2id hash of a temporary password the user can sign in with", async () => {
    const admin = await createUser("admin@example.com", "admin");
    const { user, temporaryPassword } = await inviteUser(admin, {
      name: "  Ana Lima ",
      email: " Ana.Lima@Example.COM ",
      role: "sales_rep",
      teamId: String(teamId),
    });

    expect(user).toMatchObject({ name: "Ana Lima", email: "ana.lima@example.com", role: "sales_rep", teamId, active: true });
    expect(temporaryPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){4}$/);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(stored.passwordHash?.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(stored.passwordHash, temporaryPassword)).toBe(true);
    expect(await verifyPassword(stored.passwordHash, "wrong-password-entirely")).toBe(false);

    const [entry] = await auditFor(user.id);
    expect(entry).toMatchObject({
      actorId: admin.id,
      action: "user.invite",
      before: null,
      after: { email: "ana.lima@example.com", role: "sales_rep" },
    });
    expect(JSON.stringify(entry)).not.toContain(stored.passwordHash);
    expect(JSON.stringify(entry)).not.toContain(temporaryPassword);
    expect(JSON.stringify(entry)).not.toMatch(/passwordHash|password_hash/);
  });

  it("refuses an email that already has an account, whatever its case, with a field error", async () => {
    const admin = await createUser("admin@example.com", "admin");
    await inviteUser(admin, { name: "Ana", email: "ana@example.com", role: "viewer", teamId: "" });
    const error = await inviteUser(admin, { name: "Ana again", email: "ANA@example.com", role: "viewer", teamId: "" }).catch(
      (cause: unknown) => cause,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors?.email?.[0]).toContain("already has an account");
    expect(await db.user.count({ where: { email: "ana@example.com" } })).toBe(1);
  });

  it("refuses two simultaneous invites of one email: exactly one account is created", async () => {
    const admin = await createUser("admin@example.com", "admin");
    const results = await Promise.allSettled([
      inviteUser(admin, { name: "One", email: "twin@example.com", role: "viewer", teamId: "" }),
      inviteUser(admin, { name: "Two", email: "Twin@example.com", role: "viewer", teamId: "" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected");
    expect(refused?.status === "rejected" && refused.reason).toBeInstanceOf(ValidationError);
    expect(await db.user.count({ where: { email: "twin@example.com" } })).toBe(1);
  });

  it("rejects invalid input with field errors and writes nothing", async () => {
    const admin = await createUser("admin@example.com", "admin");
    const error = await inviteUser(admin, { name: "", email: "not-an-email", role: "superuser", teamId: "x" }).catch(
      (cause: unknown) => cause,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors ?? {}).sort()).toEqual(["email", "name", "role", "teamId"]);
    expect(await db.user.count()).toBe(1);
    expect(await db.auditLog.count()).toBe(0);
  });
});

describe("changing a role", () => {
  it("bumps the session version (revoking the user's sessions) and audits before and after", async () => {
    const admin = await createUser("admin@example.com", "admin");
    const rep = await createUser("rep@example.com", "sales_rep");
    const version = await sessionVersion(rep.id);

    const change = await changeUserRole(admin, { userId: String(rep.id), role: "sales_manager" });
    expect(change).toMatchObject({ changed: true, user: { role: "sales_manager", sessionVersion: version + 1 } });
    expect(await sessionVersion(rep.id)).toBe(version + 1);
    const [entry] = await auditFor(rep.id);
    expect(entry).toMatchObject({
      actorId: admin.id,
      action: "user.role_change",
      before: { role: "sales_rep" },
      after: { role: "sales_manager" },
    });

    // The same role again changes nothing, so sessions survive.
    expect((await changeUserRole(admin, { userId: rep.id, role: "sales_manager" })).changed).toBe(false);
    expect(await sessionVersion(rep.id)).toBe(version + 1);
  });

  it("never demotes the last active admin", async () => {
    const admin = await createUser("admin@example.com", "admin");
    await expect(changeUserRole(admin, { userId: admin.id, role: "viewer" })).rejects.toBeInstanceOf(LastAdminError);
    expect(await activeAdminCount()).toBe(1);

    // A second admin who is deactivated does not count: the active one is still the last.
    const dormant = await createUser("dormant@example.com", "admin");
    await db.user.update({ where: { id: dormant.id }, data: { active: false } });
    await expect(changeUserRole(admin, { userId: admin.id, role: "viewer" })).rejects.toThrow(/without an active admin/);
  });

  it("lets one of two admins demote the other, then refuses the last one and the demoted one", async () => {
    const first = await createUser("first@example.com", "admin");
    const second = await createUser("second@example.com", "admin");
    await changeUserRole(first, { userId: second.id, role: "revops" });
    await expect(changeUserRole(first, { userId: first.id, role: "viewer" })).rejects.toBeInstanceOf(LastAdminError);
    // `second` still carries the admin role it had when the request started: the database says otherwise.
    await expect(changeUserRole(second, { userId: first.id, role: "viewer" })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await activeAdminCount()).toBe(1);
  });

  it("when two admins demote each other at the same moment, exactly one succeeds", async () => {
    for (let round = 0; round < 5; round++) {
      await db.user.deleteMany();
      const first = await createUser(`first-${round}@example.com`, "admin");
      const second = await createUser(`second-${round}@example.com`, "admin");
      const results = await Promise.allSettled([
        changeUserRole(first, { userId: second.id, role: "viewer" }),
        changeUserRole(second, { userId: first.id, role: "viewer" }),
      ]);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((result) => result.status === "rejected");
      expect(refused?.status === "rejected" && refused.reason).toBeInstanceOf(AppError);
      expect(await activeAdminCount()).toBe(1);
    }
  });

  it("when two admins deactivate each other at the same moment, exactly one succeeds", async () => {
    for (let round = 0; round < 5; round++) {
      await db.user.deleteMany();
      const first = await createUser(`first-${round}@example.com`, "admin");
      const second = await createUser(`second-${round}@example.com`, "admin");
      const results = await Promise.allSettled([
        setUserActive(first, { userId: second.id, active: "false" }),
        setUserActive(second, { userId: first.id, active: "false" }),
      ]);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      expect(await activeAdminCount()).toBe(1);
    }
  });

  it("refuses an unknown user", async () => {
    const admin = await createUser("admin@example.com", "admin");
    await expect(changeUserRole(admin, { userId: 999_999, role: "viewer" })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("deactivating, resetting and signing out", () => {
  it("deactivates and reactivates, bumping the session version each time", async () => {
    const admin = await createUser("admin@example.com", "admin");
    const rep = await createUser("rep@example.com", "sales_rep");
    const version = await sessionVersion(rep.id);
    expect(await setUserActive(admin, { userId: rep.id, active: "false" })).toMatchObject({ changed: true, user: { active: false } });
    expect(await sessionVersion(rep.id)).toBe(version + 1);
    expect(await setUserActive(admin, { userId: rep.id, active: "true" })).toMatchObject({ changed: true, user: { active: true } });
    expect(await sessionVersion(rep.id)).toBe(version + 2);
    expect((await auditFor(rep.id)).map((entry) => entry.action)).toEqual(["user.deactivate", "user.reactivate"]);
  });

  it("never deactivates the last admin, nor lets an admin deactivate themselves", async () => {
    const admin = await createUser("admin@example.com", "admin");
    await expect(setUserActive(admin, { userId: admin.id, active: false })).rejects.toThrow(/your own account/);
    const other = await createUser("other@example.com", "admin");
    await setUserActive(other, { userId: admin.id, active: false });
    expect(await activeAdminCount()).toBe(1);
  });

  it("resets a password: the old one stops working, the temporary one works, sessions end, no hash is audited", async () => {
    const admin = await createUser("admin@example.com", "admin");
    const rep = await createUser("rep@example.com", "sales_rep", "the-old-password-123");
    const version = await sessionVersion(rep.id);
    const { temporaryPassword } = await resetUserPassword(admin, { userId: rep.id });

    const stored = await db.user.findUniqueOrThrow({ where: { id: rep.id }, select: { passwordHash: true } });
    expect(stored.passwordHash?.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(stored.passwordHash, temporaryPassword)).toBe(true);
    expect(await verifyPassword(stored.passwordHash, "the-old-password-123")).toBe(false);
    expect(await sessionVersion(rep.id)).toBe(version + 1);
    const [entry] = await auditFor(rep.id);
    expect(entry?.action).toBe("user.password_reset");
    expect(JSON.stringify(entry)).not.toMatch(/passwordHash|password_hash|\$argon2/);

    await expect(resetUserPassword(admin, { userId: admin.id })).rejects.toThrow(/Your account/);
  });

  it("signs a user out everywhere by bumping the session version", async () => {
    const admin = await createUser("admin@example.com", "admin");
    const rep = await createUser("rep@example.com", "sales_rep");
    const version = await sessionVersion(rep.id);
    await signOutUserEverywhere(admin, { userId: rep.id });
    expect(await sessionVersion(rep.id)).toBe(version + 1);
    expect((await auditFor(rep.id)).map((entry) => entry.action)).toEqual(["user.sign_out_everywhere"]);
  });
});
