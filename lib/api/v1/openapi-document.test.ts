import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, it } from "vitest";
import { generateOpenApiDocument } from "@/lib/api/v1/spec";

// The OpenAPI document is what integrators build against: it must be valid OpenAPI 3.1, and every
// route under app/api/v1 must be in it (and nothing else), method by method.

const API_ROOT = path.resolve(import.meta.dirname, "../../../app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const UNDOCUMENTED = new Set(["GET /openapi.json"]); // the document itself

/** "leads/[id]/route.ts" -> "/leads/{id}", with the methods the file exports. */
function routesOnDisk(): string[] {
  const found: string[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = readFileSync(full, "utf8");
        const route = `/${path.relative(API_ROOT, directory).split(path.sep).filter(Boolean).join("/")}`.replace(/\[([^\]]+)\]/g, "{$1}");
        for (const method of METHODS) {
          if (new RegExp(`export\\s+(const|async\\s+function|function)\\s+${method}\\b`).test(source)) found.push(`${method} ${route}`);
        }
      }
    }
  };
  walk(API_ROOT);
  return found.filter((route) => !UNDOCUMENTED.has(route)).sort();
}

function routesInDocument(document: ReturnType<typeof generateOpenApiDocument>): string[] {
  return Object.entries(document.paths ?? {})
    .flatMap(([route, item]) =>
      METHODS.filter((method) => (item as Record<string, unknown>)[method.toLowerCase()] !== undefined).map(
        (method) => `${method} ${route}`,
      ),
    )
    .sort();
}

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1", async () => {
    const document = generateOpenApiDocument();
    expect(document.openapi).toBe("3.1.0");
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();
  });

  it("documents exactly the routes under app/api/v1", () => {
    const onDisk = routesOnDisk();
    expect(onDisk).toEqual(expect.arrayContaining(["GET /leads", "POST /leads", "POST /leads/batch", "POST /events", "GET /leads/{id}"]));
    expect(routesInDocument(generateOpenApiDocument())).toEqual(onDisk);
  });

  it("describes the error responses of the write routes", () => {
    const document = generateOpenApiDocument();
    const events = (document.paths?.["/events"] as { post: { responses: Record<string, unknown> } }).post.responses;
    for (const status of ["400", "401", "403", "409", "413", "422", "429"]) expect(events[status], `POST /events ${status}`).toBeDefined();
  });

  it("documents the buyer's objection and the source-quality signal wherever they are written or read", () => {
    const schemas = JSON.stringify(generateOpenApiDocument().components?.schemas ?? {});
    const properties = (id: string) =>
      Object.keys(
        ((generateOpenApiDocument().components?.schemas ?? {})[id] as { properties?: Record<string, unknown> } | undefined)?.properties ??
          {},
      );
    for (const id of ["EventDetails", "LeadUpsert", "LeadDetail"])
      expect(properties(id), id).toEqual(expect.arrayContaining(["objectionCode", "objectionDetail", "sourceSignal"]));
    expect(schemas).toContain("not_a_real_buyer");
    const decisions = JSON.stringify(generateOpenApiDocument().paths?.["/leads/{id}/decisions"]);
    expect(decisions).toContain("objectionCode");
    expect(decisions).toContain("sourceSignal");
  });
});
