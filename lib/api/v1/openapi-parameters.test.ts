import { describe, expect, it } from "vitest";
import { generateOpenApiDocument } from "@/lib/api/v1/spec";

// An integrator builds from the document alone: every parameter (path, query, header) says what it is
// and shows a value, and the page size says exactly which values it takes.

type Parameter = { name: string; in: string; description?: string; example?: unknown; schema?: Record<string, unknown> };
const document = generateOpenApiDocument();
const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
  Object.entries(item as Record<string, { parameters?: Parameter[] }>).map(([method, operation]) => ({
    key: `${method.toUpperCase()} ${path}`,
    parameters: operation.parameters ?? [],
  })),
);

describe("the OpenAPI document's parameters", () => {
  it.each(operations)("$key: every parameter has a description and an example", ({ parameters }) => {
    for (const parameter of parameters) {
      expect(parameter.description?.trim(), `${parameter.in} ${parameter.name}`).toBeTruthy();
      expect(parameter.example ?? parameter.schema?.example, `${parameter.in} ${parameter.name}`).toBeDefined();
    }
  });

  it("says exactly which page sizes GET /leads takes", () => {
    const size = (document.paths?.["/leads"]?.get?.parameters as Parameter[]).find((parameter) => parameter.name === "size")!;
    expect(JSON.stringify(size.schema)).toMatch(/25.*50.*100/);
    expect(size.description).toContain("25, 50, 100");
  });
});

describe("the OpenAPI document's webhooks", () => {
  it("documents the SLA alert events with their signature headers and a typed body", () => {
    const webhooks =
      (document as { webhooks?: Record<string, { post: { parameters?: Parameter[]; requestBody?: unknown } }> }).webhooks ?? {};
    expect(Object.keys(webhooks).sort()).toEqual(["sla.breach", "sla.escalation", "sla.warning"]);
    for (const [type, item] of Object.entries(webhooks)) {
      expect(item.post.parameters?.map((parameter) => parameter.name).sort(), type).toEqual([
        "webhook-id",
        "webhook-signature",
        "webhook-timestamp",
      ]);
      const ref = JSON.stringify(item.post.requestBody).match(/"#\/components\/schemas\/([^"]+)"/)?.[1];
      expect(JSON.stringify(document.components?.schemas?.[ref ?? ""]), type).toContain(`"enum":["${type}"]`);
    }
  });
});
