import "server-only";
import type { z } from "zod";
import { can, type Action } from "@/lib/auth/permissions";
import { ApiError, errorResponse, fieldsFromZod } from "@/lib/api/v1/errors";
import { consumeApiBudget } from "@/lib/api/v1/rate-limit";
import { runWithAuditVia } from "@/lib/actions/audit-context";
import { auditAuthorOf, authenticateToken, type ExtraScope, type TokenPrincipal, type TokenScope } from "@/lib/tokens/store";
import { isStorableText } from "@/lib/storable-text";
import { timeRequest } from "@/lib/actions/request-metrics";

// The fixed shape of every /api/v1 route: authenticate the token -> rate limit -> check scope and the
// permission table -> run -> map errors to 4xx JSON. Handlers never see an unauthenticated request.
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export interface ApiRouteOptions {
  /** "write" routes refuse read-only tokens; "definitions:write" needs a write token given that extra scope. */
  scope: TokenScope | ExtraScope;
  action: Action;
  maxBodyBytes?: number;
}

export interface ApiContext<Params> {
  request: Request;
  principal: TokenPrincipal;
  params: Params;
  /** The JSON body parsed with `schema`; 400 for malformed JSON, 413 when too large, 422 with field paths. */
  body: <S extends z.ZodType>(schema: S) => Promise<z.infer<S>>;
}

type RouteHandler<Params> = (context: ApiContext<Params>) => Promise<Response | object>;

export function apiRoute<Params = Record<string, never>>(options: ApiRouteOptions, handler: RouteHandler<Params>) {
  return (request: Request, route: { params: Promise<Params> }): Promise<Response> =>
    timeRequest(
      "api",
      options.action,
      () => answer(request, route),
      (response) => response.status,
    );
  async function answer(request: Request, route: { params: Promise<Params> }): Promise<Response> {
    try {
      const principal = await authenticateToken(request.headers.get("authorization"));
      if (!principal)
        throw new ApiError(401, "unauthenticated", "Send a valid API token: Authorization: Bearer <token>.", undefined, {
          "WWW-Authenticate": "Bearer",
        });
      const retryAfter = await consumeApiBudget(`token:${principal.tokenId}`);
      if (retryAfter !== null)
        throw new ApiError(429, "rate_limited", `Too many requests for this token. Retry in ${retryAfter} s.`, undefined, {
          "Retry-After": String(retryAfter),
        });
      if (options.scope !== "read" && principal.scope !== "write")
        throw new ApiError(403, "forbidden", "This token is read-only; this request needs a token with write scope.");
      if (options.scope !== "read" && options.scope !== "write" && !principal.extraScopes.includes(options.scope))
        throw new ApiError(403, "forbidden", `This request needs a token with the ${options.scope} scope.`);
      if (!can(principal.user.role, options.action))
        throw new ApiError(403, "forbidden", `The token's user (${principal.user.role}) may not do this.`);
      const params = (await route.params) ?? ({} as Params);
      // Audit rows the features record while serving this request name the token (and its integration).
      const result = await runWithAuditVia(auditAuthorOf(principal).via, () =>
        handler({
          request,
          principal,
          params,
          body: (schema) => readBody(request, schema, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES),
        }),
      );
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      return errorResponse(error);
    }
  }
}

async function readBody<S extends z.ZodType>(request: Request, schema: S, maxBytes: number): Promise<z.infer<S>> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const text = await readLimited(request, maxBytes);
  let json: unknown;
  try {
    json = text.length ? JSON.parse(text) : undefined;
  } catch {
    throw new ApiError(400, "bad_request", "The body is not valid JSON.");
  }
  rejectUnstorableText(json);
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiError(422, "invalid", "The request has invalid fields.", fieldsFromZod(parsed.error));
  return parsed.data;
}

function tooLarge(maxBytes: number) {
  return new ApiError(413, "payload_too_large", `The body is larger than ${Math.round(maxBytes / 1024)} KB. Send smaller batches.`);
}

/** Reads at most maxBytes: a body without (or lying about) Content-Length cannot exhaust memory. */
async function readLimited(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Parses the query string with a schema: 422 with the parameter names on bad values. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const url = new URL(request.url);
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    raw[key] = values.length > 1 ? values : (values[0] ?? "");
  }
  rejectUnstorableText(raw);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ApiError(422, "invalid", "The query has invalid parameters.", fieldsFromZod(parsed.error));
  return parsed.data;
}

/** 422 at the first key or string the database could not store exactly as sent (lib/storable-text.ts). */
function rejectUnstorableText(value: unknown): void {
  const path = findUnstorableText(value, "");
  if (path !== null)
    throw new ApiError(422, "invalid", "The request has invalid fields.", [
      { path: path || "(body)", message: "must be text without NUL characters or unpaired UTF-16 surrogates" },
    ]);
}

function findUnstorableText(value: unknown, path: string): string | null {
  const at = (key: string) => (path ? `${path}.${key}` : key);
  if (typeof value === "string") return isStorableText(value) ? null : path;
  if (value === null || typeof value !== "object") return null;
  for (const [key, item] of Object.entries(value)) {
    if (!isStorableText(key)) return at(key);
    const found = findUnstorableText(item, at(key));
    if (found !== null) return found;
  }
  return null;
}

export function notFound(what: string): never {
  throw new ApiError(404, "not_found", `${what} was not found.`);
}
