import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { hashPassword } from "@/lib/auth/password";
import { MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_IP, SIGN_IN_WINDOW_MINUTES } from "@/lib/auth/sign-in-throttle";
import { db } from "@/lib/db";

// Sign-in throttling through the real credentials provider (what the sign-in form posts to): after five
// failed sign-ins for one email, even the right password is refused until the window has passed, and
// the counts live in PostgreSQL, so every app instance sees the same lockout.

const PASSWORD = "correct horse battery staple";
let counter = 0;

type Authorize = (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<unknown>;

/** The provider's authorize, read from a fresh authOptions() each time: like a request on any instance. */
function signIn(email: string, password: string, ip = "203.0.113.7"): Promise<unknown> {
  const provider = authOptions().providers[0] as unknown as { options: { authorize: Authorize } };
  return provider.options.authorize({ email, password }, { headers: { "x-forwarded-for": `${ip}, 10.0.0.1` } });
}

async function newUser(): Promise<string> {
  counter += 1;
  const email = `throttle-${counter}@example.com`;
  await db.user.create({ data: { email, name: `Throttled ${counter}`, role: "sales_rep", passwordHash: await hashPassword(PASSWORD) } });
  return email;
}

async function failTimes(times: number, email: string, ip?: string): Promise<void> {
  for (let attempt = 0; attempt < times; attempt += 1) expect(await signIn(email, "wrong password", ip)).toBeNull();
}

beforeAll(() => {
  expect(MAX_FAILURES_PER_EMAIL).toBe(5);
});

afterEach(() => {
  vi.useRealTimers();
});

describe("sign-in throttle", () => {
  it("signs in with the right password while nothing failed", async () => {
    const email = await newUser();
    expect(await signIn(email, PASSWORD)).toMatchObject({ email, role: "sales_rep" });
  });

  it(`refuses even the right password after ${MAX_FAILURES_PER_EMAIL} failures for the email, until the window passes`, async () => {
    const email = await newUser();
    await failTimes(MAX_FAILURES_PER_EMAIL, email);
    await expect(signIn(email, PASSWORD)).rejects.toThrow("locked");
    // Another address, a different letter case, another IP: the email is what is locked.
    await expect(signIn(email.toUpperCase(), PASSWORD, "198.51.100.23")).rejects.toThrow("locked");

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + (SIGN_IN_WINDOW_MINUTES - 1) * 60_000);
    await expect(signIn(email, PASSWORD)).rejects.toThrow("locked");
    vi.setSystemTime(Date.now() + 2 * 60_000);
    expect(await signIn(email, PASSWORD)).toMatchObject({ email });
  });

  it("does not record the refused attempts as new failures, so the lockout does not extend itself", async () => {
    const email = await newUser();
    await failTimes(MAX_FAILURES_PER_EMAIL, email);
    await expect(signIn(email, PASSWORD)).rejects.toThrow("locked");
    expect(await db.signInAttempt.count({ where: { email } })).toBe(MAX_FAILURES_PER_EMAIL);
  });

  it("counts failures since the last success: one short of the limit, then a success, starts again", async () => {
    const email = await newUser();
    await failTimes(MAX_FAILURES_PER_EMAIL - 1, email);
    expect(await signIn(email, PASSWORD)).toMatchObject({ email });
    await failTimes(MAX_FAILURES_PER_EMAIL - 1, email);
    expect(await signIn(email, PASSWORD)).toMatchObject({ email });
  });

  it("locks unknown emails the same way, so the lockout does not reveal which accounts exist", async () => {
    const email = `nobody-${Date.now()}@example.com`;
    await failTimes(MAX_FAILURES_PER_EMAIL, email);
    await expect(signIn(email, "anything")).rejects.toThrow("locked");
  });

  it(`locks an IP after ${MAX_FAILURES_PER_IP} failures across emails, for everyone signing in from it`, async () => {
    const ip = "192.0.2.99";
    const victim = await newUser();
    for (let attempt = 0; attempt < MAX_FAILURES_PER_IP; attempt += 1) {
      expect(await signIn(`spray-${attempt}@example.com`, "Winter2025!", ip)).toBeNull();
    }
    await expect(signIn(victim, PASSWORD, ip)).rejects.toThrow("locked");
    expect(await signIn(victim, PASSWORD, "192.0.2.100")).toMatchObject({ email: victim });
  });

  it("refuses a deactivated account with the right password, without telling it apart from a wrong one", async () => {
    const email = await newUser();
    await db.user.update({ where: { email }, data: { active: false } });
    expect(await signIn(email, PASSWORD)).toBeNull();
  });
});
