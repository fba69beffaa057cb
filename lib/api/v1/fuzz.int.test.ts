import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { apiErrorSchema } from "@/lib/api/v1/errors";
import { generateOpenApiDocument } from "@/lib/api/v1/spec";
import { createApiToken, EXTRA_SCOPES } from "@/lib/tokens/store";
import { db, pool } from "@/lib/db";
import { demoAnchor, loadAndDiagnoseDemo } from "@/scripts/db/demo";
import { hostileString, hostileValue, RAW_BODIES, shaped, type JsonSchema } from "@/tests/fuzz-arbitraries";
import { applyMutation, EXAMPLES, leafCount, mutationArbitrary } from "@/tests/fuzz-examples";
import { VERIFIERS } from "@/tests/fuzz-verifiers";
import { discoverRouteFiles, importModule } from "@/tests/permission-discovery";

// Fuzzing the API (issue 9, "Bad input"): every operation of the OpenAPI document gets random and
// hostile payloads in its body, query string and path, with an admin's write token. Every answer must
// be a 4xx with a JSON error message — never a 500, never a hang — and a refused request must leave
// no trace; a fuzzed request the API accepts must have stored exactly what was sent.

type Operation = {
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
};

const document = generateOpenApiDocument() as unknown as {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};
const components = document.components?.schemas ?? {};
const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({
    key: `${method.toUpperCase()} ${path}`,
    method: method.toUpperCase(),
    path,
    operation,
  })),
);
/** The route file Next serves a documented path from (servers: /api/v1). */
const routeFile = (path: string) => `app/api/v1${path.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`;

const REQUEST_TIMEOUT_MS = 10_000;
/** Per operation: requests shaped by the schema, and valid examples with one hostile change. */
const RUNS = { shaped: { GET: 40, POST: 70 } as Record<string, number>, mutated: { GET: 40, POST: 70 } as Record<string, number> };

let realLeadIds: string[] = [];
/** Statuses seen per operation: printed at the end, and proof the requests got past authentication. */
const statuses: Record<string, Record<number, number>> = {};
let token = "";
let tokenUses = 0;

/** An admin's write token, renewed before the per-token rate limit (600 a minute) would answer 429. */
async function adminToken(): Promise<string> {
  if (!token || tokenUses >= 500) {
    const admin = await db.user.findFirstOrThrow({ where: { role: "admin", active: true }, select: { id: true } });
    token = (await createApiToken({ name: `fuzz ${Date.now()}`, scope: "write", userId: admin.id, extraScopes: EXTRA_SCOPES })).token;
    tokenUses = 0;
  }
  tokenUses += 1;
  return token;
}

beforeAll(async () => {
  await loadAndDiagnoseDemo(process.env.DATABASE_URL!, { anchor: demoAnchor() });
  realLeadIds = (
    await db.lead.findMany({ where: { acceptanceStatus: { in: ["pending", "info_requested"] } }, select: { id: true }, take: 20 })
  ).map((lead) => String(lead.id));
}, 180_000);

/** The rows any API write adds or changes: compared around every request. */
async function fingerprint(): Promise<Record<string, string>> {
  const { rows } = await pool.query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM leads) AS leads, (SELECT coalesce(sum(version), 0) FROM leads) AS lead_versions,
            (SELECT count(*) FROM handoff_events) AS handoff_events, (SELECT count(*) FROM idempotent_requests) AS idempotent_requests,
            (SELECT count(*) FROM audit_logs) AS audit_logs, (SELECT count(*) FROM info_requests) AS info_requests,
            (SELECT count(*) FROM info_requests WHERE status = 'answered') AS answered_requests`,
  );
  return rows[0]!;
}

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms: ${what}`)), REQUEST_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** A URL path segment for any string, even one encodeURIComponent refuses (a lone surrogate). */
function segment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return "%ED%A0%80";
  }
}

interface FuzzRequest {
  params: Record<string, string>;
  query: [string, string][];
  body?: unknown;
  rawBody?: string;
  idempotencyKey?: string | null;
}

function describeRequest(request: FuzzRequest): string {
  const shown = JSON.stringify({ ...request, rawBody: request.rawBody?.slice(0, 200) }, (_, value: unknown) =>
    typeof value === "string" && value.length > 200 ? `${value.slice(0, 200)}…(${value.length} chars)` : value,
  );
  return shown.slice(0, 2000);
}

/** Sends one request, checks the answer as described above, and returns its status. */
async function send(key: string, request: FuzzRequest): Promise<number> {
  const [method, path] = key.split(" ") as [string, string];
  const handler = (await importModule(routeFile(path)))[method] as (
    request: Request,
    context: { params: Promise<Record<string, string>> },
  ) => Promise<Response>;
  const url = new URL(`http://localhost/api/v1${path.replace(/\{(\w+)\}/g, (_, name: string) => segment(request.params[name] ?? ""))}`);
  for (const [name, value] of request.query) url.searchParams.append(name, value);
  const headers = new Headers({ authorization: `Bearer ${await adminToken()}`, "content-type": "application/json" });
  // Header values are bytes: only Latin-1 keys can be sent at all.
  if (request.idempotencyKey && /^[\x20-\x7e]*$/.test(request.idempotencyKey)) headers.set("idempotency-key", request.idempotencyKey);
  const body = request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
  const what = `${key} ${describeRequest(request)}`;

  const before = await fingerprint();
  const response = await withTimeout(
    handler(new Request(url, { method, headers, body: method === "GET" ? undefined : body }), { params: Promise.resolve(request.params) }),
    what,
  );
  const text = await withTimeout(response.text(), what);
  (statuses[key] ??= {})[response.status] = (statuses[key]?.[response.status] ?? 0) + 1;
  // An admin's valid write token: refusals must come from the input, not from authentication or limits.
  expect([401, 403, 429], `${what} -> ${text.slice(0, 300)}`).not.toContain(response.status);
  expect(response.status, `${what} -> ${text.slice(0, 300)}`).toBeLessThan(500);
  let json: unknown;
  // 204 No Content (an erasure) has no body; every other answer is JSON.
  expect(() => (json = response.status === 204 && text === "" ? null : JSON.parse(text)), `a JSON answer: ${what}`).not.toThrow();
  if (response.status >= 300) {
    expect(response.status, what).toBeGreaterThanOrEqual(400);
    const error = apiErrorSchema.safeParse(json);
    expect(error.success, `an { error: { code, message, fields? } } answer: ${what} -> ${text.slice(0, 300)}`).toBe(true);
    expect(error.data?.error.message.trim().length, what).toBeGreaterThan(0);
    expect(await fingerprint(), `a refused request leaves no trace: ${what}`).toEqual(before);
  } else if (method === "GET") {
    expect(await fingerprint(), `a read writes nothing: ${what}`).toEqual(before);
  } else {
    const verify = VERIFIERS[`${method} ${path}`];
    expect(verify, `${key} accepted fuzzed input; add a verifier to tests/fuzz-verifiers.ts: ${what}`).toBeDefined();
    await verify!({ params: request.params, body: request.body ?? JSON.parse(request.rawBody ?? "null") }, json as Record<string, unknown>);
  }
  // Prototype-pollution keys in bodies and queries must not reach Object.prototype.
  expect(Object.prototype, what).not.toHaveProperty("polluted");
  expect(Object.keys(Object.prototype)).toEqual([]);
  return response.status;
}

function requestArbitrary(operation: Operation, method: string): fc.Arbitrary<FuzzRequest> {
  const parameters = operation.parameters ?? [];
  const pathNames = parameters.filter((parameter) => parameter.in === "path").map((parameter) => parameter.name);
  const queryNames = parameters.filter((parameter) => parameter.in === "query").map((parameter) => parameter.name);
  const pathValue = fc.oneof(
    hostileString,
    fc.constantFrom("0", "-1", "1.5", "1e3", " 7", "07", "2147483648", "9".repeat(30), "", ...realLeadIds),
    fc.integer().map(String),
  );
  const queryValue = fc.oneof(
    hostileString,
    fc.constantFrom("1", "0", "pending", "severity.desc", "routing:fail", "2025-01-01", "none", "25"),
  );
  const bodySchema = operation.requestBody?.content["application/json"]?.schema;
  return fc.record({
    params: fc.record(Object.fromEntries(pathNames.map((name) => [name, pathValue]))) as fc.Arbitrary<Record<string, string>>,
    query: queryNames.length
      ? fc.array(
          fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...queryNames) }, { weight: 1, arbitrary: hostileString }), queryValue),
          { maxLength: 5 },
        )
      : fc.constant([]),
    body:
      bodySchema && method !== "GET"
        ? fc.oneof({ weight: 4, arbitrary: shaped(bodySchema, components) }, { weight: 1, arbitrary: hostileValue })
        : fc.constant(undefined),
    idempotencyKey: parameters.some((parameter) => parameter.name === "Idempotency-Key")
      ? fc.option(
          fc.oneof(
            fc.stringMatching(/^[A-Za-z0-9_.:-]{1,40}$/),
            fc.constantFrom("fuzz-key", "../../x", "k".repeat(201), "' OR 1=1 --", "with space", ""),
          ),
        )
      : fc.constant(null),
  });
}

afterAll(() => {
  console.info(`API fuzz statuses per operation: ${JSON.stringify(statuses, null, 1)}`);
});

describe("the OpenAPI document and the routes agree", () => {
  it("documents every /api/v1 route, so the fuzzing reaches all of them", async () => {
    const documented = new Set(operations.map((operation) => `${operation.method} ${routeFile(operation.path)}`));
    const served: string[] = [];
    // Not operations: the document itself, and the JSON 404 for paths that are not routes.
    const undocumented = new Set(["/api/v1/openapi.json", "/api/v1/[...path]"]);
    for (const route of discoverRouteFiles().filter(
      (candidate) => candidate.path.startsWith("/api/v1/") && !undocumented.has(candidate.path),
    )) {
      const exports = await importModule(route.file);
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"])
        if (typeof exports[method] === "function") served.push(`${method} ${route.file}`);
    }
    expect(served.filter((route) => !documented.has(route))).toEqual([]);
    expect([...documented].filter((route) => !served.includes(route))).toEqual([]);
  });
});

describe.each(operations)("fuzzing $key", ({ key, method, operation }) => {
  it("answers random and hostile input with a 4xx JSON error, or stores exactly what it accepted", async () => {
    await fc.assert(
      fc.asyncProperty(requestArbitrary(operation, method), async (request) => void (await send(key, request))),
      { numRuns: RUNS.shaped[method] ?? 40, endOnFailure: true },
    );
  });

  it("answers a valid request with one hostile change with a 4xx JSON error, or stores exactly what it accepted", async () => {
    const example = EXAMPLES[key];
    expect(example, `${key} needs a valid example in tests/fuzz-examples.ts`).toBeDefined();
    await fc.assert(
      fc.asyncProperty(
        mutationArbitrary,
        async (mutation) => void (await send(key, { ...applyMutation(await example!(), mutation), idempotencyKey: null })),
      ),
      { numRuns: RUNS.mutated[method] ?? 40, endOnFailure: true },
    );
  });

  it("answers NUL and unpaired surrogates in any field with a 422, and stores right-to-left and emoji text exactly", async () => {
    const example = EXAMPLES[key];
    expect(example, `${key} needs a valid example in tests/fuzz-examples.ts`).toBeDefined();
    const leaves = leafCount(await example!());
    for (const value of ["nul \u0000 inside", "half \uD800 pair"]) {
      for (let pick = 0; pick < leaves; pick += 1) {
        const request = { ...applyMutation(await example!(), { kind: "text", pick, value }), idempotencyKey: null };
        const status = await send(key, request);
        // A URL cannot carry half a UTF-16 pair: a query string arrives with U+FFFD in its place, which is storable.
        const replacedByUrl = value.includes("\uD800") && request.query.some((pair) => pair.includes(value));
        if (!replacedByUrl) expect(status, `${key} with ${JSON.stringify(value)} in ${describeRequest(request)}`).toBe(422);
      }
    }
    const storable = "\u202Eevil\u202C مرحبا שלום 👩‍👩‍👧‍👦 \u200B";
    for (let pick = 0; pick < leaves; pick += 1)
      await send(key, { ...applyMutation(await example!(), { kind: "text", pick, value: storable }), idempotencyKey: null });
  });

  if (operation.requestBody) {
    it("answers malformed, deeply nested, huge and prototype-polluting raw bodies with a 4xx", async () => {
      const params = Object.fromEntries(
        (operation.parameters ?? []).filter((parameter) => parameter.in === "path").map((parameter) => [parameter.name, realLeadIds[0]!]),
      );
      for (const rawBody of RAW_BODIES) await send(key, { params, query: [], rawBody, idempotencyKey: null });
    });
  }
});
