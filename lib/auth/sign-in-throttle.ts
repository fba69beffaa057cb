import "server-only";
import { db } from "@/lib/db";

// Lockout after repeated failures, counted in PostgreSQL so it holds across app instances.
export const SIGN_IN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 50;

export async function isSignInLocked(email: string, ip: string): Promise<boolean> {
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MINUTES * 60_000);
  const [byEmail, byIp] = await Promise.all([
    failuresSinceLastSuccess({ email }, since),
    db.signInAttempt.count({ where: { ip, succeeded: false, at: { gte: since } } }),
  ]);
  return byEmail >= MAX_FAILURES_PER_EMAIL || byIp >= MAX_FAILURES_PER_IP;
}

async function failuresSinceLastSuccess(where: { email: string }, since: Date): Promise<number> {
  const lastSuccess = await db.signInAttempt.findFirst({
    where: { ...where, succeeded: true, at: { gte: since } },
    orderBy: { at: "desc" },
    select: { at: true },
  });
  return db.signInAttempt.count({ where: { ...where, succeeded: false, at: { gte: lastSuccess?.at ?? since } } });
}

export async function recordSignInAttempt(email: string, ip: string, succeeded: boolean): Promise<void> {
  await db.signInAttempt.create({ data: { email, ip, succeeded } });
}
