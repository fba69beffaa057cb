// How the permission matrix calls things and reads what a user would notice: a server action's result
// (or the redirect it throws), a route's status and message, and whether anything was written.
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import type { Session } from "next-auth";
import { pool, db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { startSession } from "@/lib/auth/sessions";
import type { RouteRequest } from "@/tests/permission-cases";
import { importModule } from "@/tests/permission-discovery";

export type ActionOutcome =
  | { kind: "result"; ok: boolean; message?: string; fieldErrors?: Record<string, string[]> }
  | { kind: "redirect"; url: string }
  | { kind: "threw"; error: unknown };

export async function invokeAction(file: string, name: string, args: unknown[]): Promise<ActionOutcome> {
  const action = (await importModule(file))[name];
  if (typeof action !== "function") throw new Error(`${file} does not export ${name}`);
  try {
    const result = (await action(...args)) as { ok: boolean; message?: string; fieldErrors?: Record<string, string[]> };
    return { kind: "result", ok: result.ok, message: result.message, fieldErrors: result.fieldErrors };
  } catch (error) {
    if (isRedirectError(error)) return { kind: "redirect", url: getURLFromRedirectError(error) };
    return { kind: "threw", error };
  }
}

export type PageOutcome = { kind: "rendered" } | { kind: "redirect"; url: string } | { kind: "threw"; error: unknown };

/** Runs a page's server component as Next would on a request: it renders, redirects or fails. */
export async function invokePage(file: string, params: Record<string, string>): Promise<PageOutcome> {
  const page = (await importModule(file)).default;
  if (typeof page !== "function") throw new Error(`${file} has no default export`);
  try {
    await page({ params: Promise.resolve(params), searchParams: Promise.resolve({}) });
    return { kind: "rendered" };
  } catch (error) {
    if (isRedirectError(error)) return { kind: "redirect", url: getURLFromRedirectError(error) };
    return { kind: "threw", error };
  }
}

/** What the session cookie of a freshly signed-in `user` holds (its session version is the current one). */
export async function freshSession(user: SessionUser): Promise<Session> {
  const row = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { name: true, email: true, role: true, sessionVersion: true },
  });
  const sid = await startSession(
    { id: user.id, email: row.email ?? "", sessionVersion: row.sessionVersion },
    "password",
    { ip: "203.0.113.1", userAgent: "permission matrix" },
    3600,
  );
  return {
    user: { id: String(user.id), name: row.name, email: row.email, role: row.role },
    sessionVersion: row.sessionVersion,
    sid,
    expires: new Date(Date.now() + 3_600_000).toISOString(),
  } as Session;
}

export interface RouteResponse {
  status: number;
  /** The error message for the user: { error: { message } } (API) or { error: "…" } (session routes). */
  message: string | null;
  /** Where a redirect sends the browser (absent otherwise). */
  location?: string;
}

/** Calls the route's exported handler as Next would: a Request and the dynamic segments as a promise. */
export async function callRoute(file: string, key: string, request: RouteRequest, authorization?: string): Promise<RouteResponse> {
  const [method, routePath] = key.split(" ") as [string, string];
  const handler = (await importModule(file))[method];
  if (typeof handler !== "function") throw new Error(`${file} does not export ${method}`);
  const params = request.params ?? {};
  const url = routePath.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
  const headers: Record<string, string> = {};
  if (authorization) headers.authorization = authorization;
  if (request.body !== undefined) headers["content-type"] = "application/json";
  const body = request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
  const response = (await handler(
    new Request(`http://localhost${url}${request.query ? `?${request.query}` : ""}`, { method, headers, body }),
    { params: Promise.resolve(params) },
  )) as Response;
  return { status: response.status, message: await errorMessage(response), location: response.headers.get("location") ?? undefined };
}

async function errorMessage(response: Response): Promise<string | null> {
  if (response.status < 400) return null;
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { error?: string | { message?: string } };
    return typeof body.error === "string" ? body.error : (body.error?.message ?? null);
  } catch {
    return text;
  }
}

/** Rows a refused call must not add: every write appends to at least one of these. */
export async function writeCounts(): Promise<Record<string, number>> {
  const { rows } = await pool.query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM audit_logs) AS audit_logs, (SELECT count(*) FROM handoff_events) AS handoff_events,
            (SELECT count(*) FROM leads) AS leads, (SELECT coalesce(sum(version), 0) FROM leads) AS lead_versions,
            (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM fixes) AS fixes, (SELECT count(*) FROM meetings) AS meetings,
            (SELECT count(*) FROM api_tokens WHERE revoked_at IS NULL) AS live_tokens`,
  );
  return Object.fromEntries(Object.entries(rows[0] ?? {}).map(([key, value]) => [key, Number(value)]));
}
