// The production server for scripts that measure or probe it (benchmarks, the security scan): built into a
// dist dir of its own, started on a free loopback port against a given database, signed in as a demo user.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, openSync } from "node:fs";
import { ensureProductionBuild } from "./build.ts";
import { findFreePort } from "../db/embedded-postgres.ts";

export interface ProductionServer {
  base: string;
  /** Resolves once the server process has exited (at once when it already has). */
  stop: () => Promise<void>;
}

export interface ProductionServerOptions {
  databaseUrl: string;
  distDir: string;
  /** Extra settings for the server (never weakening ones unless the caller means it). */
  env?: Record<string, string>;
  /** A file the output of `next start` is appended to (opened and closed here); without it, the output is dropped. */
  logFile?: string;
  healthySeconds?: number;
}

export async function waitUntilHealthy(base: string, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${base}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the production server did not become healthy");
}

/** Builds (when the sources changed) and starts `next start` on 127.0.0.1 and a free port. */
export async function startProductionServer(options: ProductionServerOptions): Promise<ProductionServer> {
  await ensureProductionBuild(options.distDir);
  const port = await findFreePort();
  const base = `http://127.0.0.1:${port}`;
  const log = options.logFile ? openSync(options.logFile, "a") : undefined;
  // BATON_PROFILE_SERVER=dir: the server writes a V8 CPU profile there when it stops (profile before guessing;
  // Node refuses --cpu-prof in NODE_OPTIONS, so it goes on the command line).
  const profile = process.env.BATON_PROFILE_SERVER ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BATON_PROFILE_SERVER}`] : [];
  const command = ["node", [...profile, "node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"]] as const;
  const child: ChildProcess = spawn(command[0], command[1], {
    stdio: log !== undefined ? ["ignore", log, log] : "ignore",
    env: {
      ...process.env,
      NODE_ENV: "production",
      BATON_DIST_DIR: options.distDir,
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: base,
      ...options.env,
    },
  });
  if (log !== undefined) closeSync(log);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  try {
    await waitUntilHealthy(base, options.healthySeconds ?? 90);
    return { base, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Posts next-auth's credentials form (with `headers` on both requests, e.g. a User-Agent); the session
 * cookie as "name=value", or null when the sign-in was refused.
 */
export async function postCredentials(
  base: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<string | null> {
  const csrfResponse = await fetch(`${base}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = csrfResponse.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .find((cookie) => cookie?.includes("session-token"));
  return session ?? null;
}

/** Signs in through next-auth's credentials form; returns the session cookie as "name=value". */
export async function signIn(base: string, email: string, password = "baton-demo"): Promise<string> {
  const session = await postCredentials(base, email, password);
  if (!session) throw new Error(`could not sign in as ${email}`);
  return session;
}
