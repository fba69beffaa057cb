import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { startMailSink, type MailSink } from "@/lib/alerts/test-servers";
import { verifyPassword } from "@/lib/auth/password";
import { requestPasswordReset, RESET_REQUESTED, sendInvitationEmail, setPasswordWithLink } from "@/lib/users/password-links";
import { stopBoss } from "@/lib/jobs/boss";
import { closeMailTransports } from "@/lib/notify/channels";
import { attemptDelivery } from "@/lib/notify/deliver";

// Invitations and resets by email: a signed, expiring link that works once.

let mail: MailSink;
let userId: number;

beforeAll(async () => {
  mail = await startMailSink();
  process.env.SMTP_URL = mail.url;
  process.env.NEXTAUTH_URL = "http://baton.test:3000";
  userId = (await db.user.create({ data: { email: "ines@example.com", name: "Ines", passwordHash: "old-hash", role: "sales_rep" } })).id;
});

afterAll(async () => {
  await stopBoss();
  closeMailTransports();
  await mail.close();
});

/** Sends the queued emails to the SMTP server and returns the token from the newest one to `to`. */
async function tokenFromEmail(to: string, subject: string): Promise<string> {
  for (const d of await db.delivery.findMany({ where: { target: to, status: "queued" } }))
    await attemptDelivery(pool, d.id, { lastTry: true });
  const message = mail.messages.filter((m) => m.subject === subject && JSON.stringify(m.to).includes(to)).at(-1);
  const link = message?.text?.match(/http:\/\/baton\.test:3000\/set-password\?token=([\w.-]+)/);
  if (!link) throw new Error(`no link in an email "${subject}" to ${to}`);
  return link[1]!;
}

describe("password links", () => {
  it("a reset link sets the password once and signs out the old sessions", async () => {
    expect(await requestPasswordReset("Ines@Example.com")).toBe(RESET_REQUESTED);
    const token = await tokenFromEmail("ines@example.com", "Reset your Baton password");
    const before = await db.user.findUniqueOrThrow({ where: { id: userId } });
    await setPasswordWithLink({ token, password: "a brand new passphrase" });
    const after = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(await verifyPassword(after.passwordHash, "a brand new passphrase")).toBe(true);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    await expect(setPasswordWithLink({ token, password: "another passphrase!!" })).rejects.toThrow(/expired or was already used/);
  });

  it("refuses a tampered or expired link, and a too-short password without using the link", async () => {
    await requestPasswordReset("ines@example.com");
    const token = await tokenFromEmail("ines@example.com", "Reset your Baton password");
    const [body, signature] = token.split(".") as [string, string];
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, "base64url").toString()), u: 999 })).toString("base64url");
    await expect(setPasswordWithLink({ token: `${forged}.${signature}`, password: "a brand new passphrase" })).rejects.toThrow(/not valid/);
    await expect(setPasswordWithLink({ token, password: "short" })).rejects.toThrow(/Choose another password/);
    await expect(setPasswordWithLink({ token, password: "a brand new passphrase" }, new Date(Date.now() + 2 * 3_600_000))).rejects.toThrow(
      /expired/,
    );
    // Still good within the hour, after the refusals above.
    await expect(setPasswordWithLink({ token, password: "yet another passphrase" })).resolves.toEqual({ email: "ines@example.com" });
  });

  it("answers the same for an unknown address and sends nothing", async () => {
    const before = await db.delivery.count();
    expect(await requestPasswordReset("nobody@example.com")).toBe(RESET_REQUESTED);
    expect(await db.delivery.count()).toBe(before);
  });

  it("an invitation email carries a link to choose a password", async () => {
    const invited = await db.user.create({ data: { email: "new@example.com", name: "Nia", passwordHash: "temporary", role: "marketing" } });
    expect(await sendInvitationEmail(invited.id, "Ada Whitfield")).toBe(true);
    const token = await tokenFromEmail("new@example.com", "Ada Whitfield invited you to Baton");
    await setPasswordWithLink({ token, password: "nia's own passphrase" });
    expect(
      await verifyPassword((await db.user.findUniqueOrThrow({ where: { id: invited.id } })).passwordHash, "nia's own passphrase"),
    ).toBe(true);
  });
});
