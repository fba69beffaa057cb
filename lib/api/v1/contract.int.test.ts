import SwaggerParser from "@apidevtools/swagger-parser";
import Ajv2020 from "ajv/dist/2020";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONFLICT_REQUESTS, CONTRACT_REQUESTS, NOT_FOUND_REQUESTS, type ContractRequest } from "@/lib/api/v1/contract-requests";
import { consumeApiBudget, apiRequestsPerMinute } from "@/lib/api/v1/rate-limit";
import { generateOpenApiDocument } from "@/lib/api/v1/spec";
import { seedApiWorkspace, type ApiWorkspace } from "@/lib/api/v1/workspace-testing";
import { stopBoss } from "@/lib/jobs/boss";
import { createApiToken } from "@/lib/tokens/store";
import { importModule } from "@/tests/permission-discovery";

// Contract tests generated from the OpenAPI document, the only thing an integrator reads: every
// operation's answers validate against the schema documented for their status; every documented error
// status can really be produced; every write refuses undefined codes with a 422 naming the field.

type Schema = Record<string, unknown>;
type Operation = {
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
};
type Answer = { status: number; json: unknown; text: string };

const document = generateOpenApiDocument();
let dereferenced: { paths: Record<string, Record<string, Operation>> };
const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
  Object.keys(item as object).map((method) => ({ key: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path })),
);
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat("date-time", (value: string) => !Number.isNaN(Date.parse(value)) && /T/.test(value));
ajv.addFormat("date", /^\d{4}-\d{2}-\d{2}$/);
ajv.addFormat("email", /^[^\s@]+@[^\s@]+$/);

let workspace: ApiWorkspace;
let limitedToken = "";
let plainWriteToken = "";
beforeAll(async () => {
  dereferenced = (await SwaggerParser.dereference(structuredClone(document) as never)) as never;
  workspace = await seedApiWorkspace();
  const limited = await createApiToken({ name: "limited", scope: "write", userId: workspace.adminId, extraScopes: ["definitions:write"] });
  await consumeApiBudget(`token:${limited.id}`, apiRequestsPerMinute());
  limitedToken = limited.token;
  plainWriteToken = (await createApiToken({ name: "plain writer", scope: "write", userId: workspace.revopsId })).token;
});
afterAll(() => stopBoss());

const operation = (key: string) => {
  const [method, path] = key.split(" ") as [string, string];
  return dereferenced.paths[path]![method.toLowerCase()]!;
};
const isWrite = (key: string) => !key.startsWith("GET ") && key !== "POST /leads/lookup";

/** The token a successful request needs: admins' writes may do everything (definitions:write included). */
const tokenFor = (key: string) => (isWrite(key) ? workspace.tokens.adminDefinitions : workspace.tokens.adminRead);

async function send(
  key: string,
  request: ContractRequest & { token?: string | null; rawBody?: string; headers?: Record<string, string> },
): Promise<Answer> {
  const [method, path] = key.split(" ") as [string, string];
  const file = `app/api/v1${path.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`;
  const handler = (await importModule(file))[method] as (
    request: Request,
    context: { params: Promise<Record<string, string>> },
  ) => Promise<Response>;
  const url = `http://baton.test/api/v1${path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(request.params?.[name] ?? ""))}${request.query ? `?${request.query}` : ""}`;
  const headers = new Headers(request.headers);
  const token = request.token === undefined ? tokenFor(key) : request.token;
  if (token) headers.set("authorization", `Bearer ${token}`);
  const body = request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
  if (body !== undefined) headers.set("content-type", "application/json");
  const response = await handler(new Request(url, { method, headers, body }), { params: Promise.resolve(request.params ?? {}) });
  const text = await response.text();
  return { status: response.status, text, json: text ? JSON.parse(text) : null };
}

/** The answer matches what the document says for its status: documented, and its body valid. */
function expectDocumented(key: string, answer: Answer) {
  const documented = operation(key).responses[String(answer.status)];
  expect(documented, `${key} answered ${answer.status}, which its document does not list: ${answer.text.slice(0, 300)}`).toBeDefined();
  const schema = documented!.content?.["application/json"]?.schema;
  if (!schema) return expect(answer.text, `${key} ${answer.status} has no documented body`).toBe("");
  const validate = ajv.compile(schema);
  expect(validate(answer.json), `${key} ${answer.status}: ${ajv.errorsText(validate.errors)} in ${answer.text.slice(0, 500)}`).toBe(true);
}

describe("the contract requests", () => {
  it("cover every operation of the document", () => {
    expect(Object.keys(CONTRACT_REQUESTS).sort()).toEqual(operations.map((entry) => entry.key).sort());
  });
});

describe.each(operations)("$key", ({ key }) => {
  it("answers a valid request with a documented success whose body validates", async () => {
    const answer = await send(key, await CONTRACT_REQUESTS[key]!(workspace));
    expect(answer.status, answer.text.slice(0, 500)).toBeLessThan(300);
    expectDocumented(key, answer);
  });

  it("can answer every error status it documents, each in the documented error shape", async () => {
    const statuses = Object.keys(operation(key).responses)
      .map(Number)
      .filter((status) => status >= 400);
    const valid = () => CONTRACT_REQUESTS[key]!(workspace);
    const hasBody = operation(key).requestBody !== undefined;
    const hasIdempotency = (operation(key).parameters ?? []).some((parameter) => parameter.name === "Idempotency-Key");
    const produce: Record<number, () => Promise<Answer>> = {
      400: async () => send(key, { ...(await valid()), rawBody: '{"half": ' }),
      401: async () => send(key, { ...(await valid()), token: null }),
      403: async () => {
        const request = await valid();
        if (key === "DELETE /leads/{id}") return send(key, { ...request, token: workspace.tokens.revopsWrite }); // not an admin
        if (key === "POST /definitions/changes") return send(key, { ...request, token: plainWriteToken }); // no definitions:write
        return send(key, { ...request, token: workspace.tokens.adminRead }); // read-only
      },
      404: async () => {
        const special = NOT_FOUND_REQUESTS[key];
        return send(key, special ? await special(workspace) : { ...(await valid()), params: { id: "999999" } });
      },
      409: async () => {
        const special = CONFLICT_REQUESTS[key];
        if (special) return send(key, await special(workspace));
        expect(hasIdempotency, `${key} documents 409 but has no Idempotency-Key and no conflict request`).toBe(true);
        const headers = { "Idempotency-Key": `contract-${key.replace(/\W+/g, "-")}-${Date.now()}` };
        expect((await send(key, { ...(await valid()), headers })).status).toBeLessThan(300);
        return send(key, { ...(await valid()), headers });
      },
      413: async () => send(key, { ...(await valid()), rawBody: JSON.stringify({ padding: "x".repeat(5 * 1024 * 1024) }) }),
      422: async () => {
        const request = await valid();
        if (request.params?.id) return send(key, { ...request, params: { id: "not-a-number" } });
        if (hasBody) return send(key, { ...request, body: { ...(request.body as object), notAField: 1 } });
        return send(key, { ...request, query: `${request.query ? `${request.query}&` : ""}notAParameter=1` });
      },
      429: async () => send(key, { ...(await valid()), token: limitedToken }),
    };
    for (const status of statuses) {
      expect(produce[status], `${key}: no way to produce ${status}`).toBeDefined();
      const answer = await produce[status]!();
      expect(answer.status, `${key} should be able to answer ${status}: ${answer.text.slice(0, 300)}`).toBe(status);
      expectDocumented(key, answer);
    }
  });
});

// Codes the workspace defines (GET /definitions) and the fixed vocabularies (enums in the document).
const WORKSPACE_CODES = ["leadType", "rejectionReasonCode", "reasonCode"];

/** Every [path, value] leaf of a JSON value whose key is a code: a workspace code, or an enum of the schema. */
function codeLeaves(value: unknown, enumKeys: Set<string>, path: string[] = []): string[][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => codeLeaves(item, enumKeys, [...path, String(index)]));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, item]) =>
    typeof item === "string" && (WORKSPACE_CODES.includes(key) || enumKeys.has(key))
      ? [[...path, key]]
      : codeLeaves(item, enumKeys, [...path, key]),
  );
}

/** Property names that carry an enum anywhere in a (dereferenced) schema. */
function enumProperties(schema: unknown, found = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  if (schema === null || typeof schema !== "object" || seen.has(schema)) return found;
  seen.add(schema);
  const properties = (schema as { properties?: Record<string, Schema> }).properties ?? {};
  for (const [name, property] of Object.entries(properties))
    if (Array.isArray(property.enum) || (property.anyOf as Schema[] | undefined)?.some((option) => Array.isArray(option.enum)))
      found.add(name);
  for (const child of Object.values(schema)) enumProperties(child, found, seen);
  return found;
}

describe.each(operations.filter(({ key }) => isWrite(key)))("$key refuses undefined codes", ({ key }) => {
  it("with a 422 at the code's path, for every code field its example carries", async () => {
    const body = operation(key).requestBody?.content["application/json"]?.schema;
    if (!body) return; // no body, no codes (DELETE)
    const enumKeys = enumProperties(body);
    enumKeys.delete("change"); // the discriminator picks the shape; an unknown one is refused as a whole
    enumKeys.delete("decision");
    const example = (await CONTRACT_REQUESTS[key]!(workspace)).body;
    const leaves = codeLeaves(example, enumKeys);
    const declared = WORKSPACE_CODES.filter((code) => JSON.stringify(body).includes(`"${code}"`));
    for (const code of declared)
      expect(
        leaves.some((leaf) => leaf.at(-1) === code),
        `${key}'s example should carry ${code}`,
      ).toBe(true);
    for (const leaf of leaves) {
      const request = await CONTRACT_REQUESTS[key]!(workspace);
      const changed = structuredClone(request.body) as Record<string, unknown>;
      let target = changed as Record<string, unknown>;
      for (const step of leaf.slice(0, -1)) target = target[step] as Record<string, unknown>;
      target[leaf.at(-1)!] = "zz_not_defined";
      const answer = await send(key, { ...request, body: changed });
      expect(answer.status, `${key} with ${leaf.join(".")} undefined: ${answer.text.slice(0, 300)}`).toBe(422);
      const paths = (answer.json as { error: { fields?: { path: string }[] } }).error.fields?.map((field) => field.path) ?? [];
      expect(paths, `${key} names ${leaf.join(".")}`).toContain(leaf.join("."));
    }
  });
});
