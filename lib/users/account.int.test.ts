import { beforeEach, describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { isSignInLocked, MAX_FAILURES_PER_EMAIL } from "@/lib/auth/sign-in-throttle";
import { db } from "@/lib/db";
import { AppError, ValidationError } from "@/lib/errors";
import { changeOwnPassword, signOutEverywhere } from "@/lib/users/account-mutations";
import type { Actor } from "@/lib/actions/authorize";

// A person's own account: changing their password (the current one required, the new one argon2id) and
// signing out everywhere. Both revoke every session through session_version and leave an audit row
// without any password hash.

const CURRENT = "my-current-password-1";
let me: Actor & { email: string };

async function stored() {
  return db.user.findUniqueOrThrow({ where: { id: me.id }, select: { passwordHash: true, sessionVersion: true } });
}

beforeEach(async () => {
  await db.auditLog.deleteMany();
  await db.signInAttempt.deleteMany();
  await db.user.deleteMany();
  me = (await db.user.create({
    data: { email: "me@example.com", name: "Me", role: "viewer", passwordHash: await hashPassword(CURRENT) },
    select: { id: true, role: true, email: true },
  })) as Actor & { email: string };
});

describe("changing one's own password", () => {
  it("needs the current password, stores an argon2id hash of the new one and ends every session", async () => {
    const before = await stored();
    await changeOwnPassword(me, {
      currentPassword: CURRENT,
      newPassword: "a brand new passphrase",
      confirmPassword: "a brand new passphrase",
    });
    const after = await stored();
    expect(after.passwordHash?.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(after.passwordHash, "a brand new passphrase")).toBe(true);
    expect(await verifyPassword(after.passwordHash, CURRENT)).toBe(false);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);

    const trail = await db.auditLog.findMany({
      where: { entityType: "user", entityId: String(me.id) },
      select: { actorId: true, action: true, before: true, after: true },
    });
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ actorId: me.id, action: "user.password_change" });
    expect(JSON.stringify(trail)).not.toMatch(/passwordHash|password_hash|\$argon2|brand new/);
  });

  it("refuses a wrong current password and counts it as a failed sign-in", async () => {
    const before = await stored();
    const error = await changeOwnPassword(me, {
      currentPassword: "not-it",
      newPassword: "another long password",
      confirmPassword: "another long password",
    }).catch((cause: unknown) => cause);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors?.currentPassword?.[0]).toContain("not your current password");
    expect(await stored()).toEqual(before);
    expect(await db.signInAttempt.count({ where: { email: me.email, succeeded: false } })).toBe(1);
  });

  it("locks the form after repeated wrong current passwords, even with the right one", async () => {
    for (let attempt = 0; attempt < MAX_FAILURES_PER_EMAIL; attempt++) {
      await changeOwnPassword(me, {
        currentPassword: `wrong-${attempt}`,
        newPassword: "another long password",
        confirmPassword: "another long password",
      }).catch(() => undefined);
    }
    expect(await isSignInLocked(me.email, "elsewhere")).toBe(true);
    const error = await changeOwnPassword(me, {
      currentPassword: CURRENT,
      newPassword: "another long password",
      confirmPassword: "another long password",
    }).catch((cause: unknown) => cause);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(429);
  });

  it("enforces the password rules before touching anything", async () => {
    const tooShort = await changeOwnPassword(me, { currentPassword: CURRENT, newPassword: "short", confirmPassword: "short" }).catch(
      (cause: unknown) => cause,
    );
    expect((tooShort as ValidationError).fieldErrors?.newPassword?.[0]).toContain("at least 12");
    const mismatch = await changeOwnPassword(me, {
      currentPassword: CURRENT,
      newPassword: "long enough password",
      confirmPassword: "long enough passw0rd",
    }).catch((cause: unknown) => cause);
    expect((mismatch as ValidationError).fieldErrors?.confirmPassword?.[0]).toContain("differ");
    expect(await verifyPassword((await stored()).passwordHash, CURRENT)).toBe(true);
  });
});

describe("signing out everywhere", () => {
  it("bumps the session version and audits it", async () => {
    const before = await stored();
    await signOutEverywhere(me);
    expect((await stored()).sessionVersion).toBe(before.sessionVersion + 1);
    expect(await db.auditLog.count({ where: { action: "user.sign_out_everywhere", actorId: me.id } })).toBe(1);
  });
});
