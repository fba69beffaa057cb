// A NUL in an address used to reach PostgreSQL from the lead list's search and fail the page with a 500
// (found by `npm run security:scan`'s wapiti run). Now the address is refused with its reason, and the
// filter parsers drop such a value like any other bad one.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { parseLeadListQuery } from "@/lib/lead-set/query";
import { parseAuditListQuery } from "@/lib/audit/list-query";

const request = (path: string) => new NextRequest(new URL(path, "http://127.0.0.1:3000"));

describe("text PostgreSQL cannot store", () => {
  it("a page address with a NUL gets a 400 that says why", async () => {
    const response = await proxy(request("/leads?q=%2Fe%00"));
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/character Baton cannot read \(a NUL/);
  });

  it("an app route answers in JSON; the token API is left to report its own 422 with the field", async () => {
    const csv = await proxy(request("/api/dashboard/csv?source=web%00inar"));
    expect(csv.status).toBe(400);
    expect((await csv.json()).error.message).toMatch(/cannot read/);
    const api = await proxy(request("/api/v1/leads?q=%00"));
    expect(api.status).toBe(200);
    expect(api.headers.get("x-middleware-next")).toBe("1");
  });

  it("the lead list and audit filters drop such a value and keep the others", () => {
    expect(parseLeadListQuery({ q: "acme\u0000", source: ["webinar", "web\u0000"] })).toMatchObject({ q: undefined, sources: ["webinar"] });
    expect(parseLeadListQuery({ q: "acme" }).q).toBe("acme");
    expect(parseAuditListQuery({ action: "lead.update\u0000", id: "12" })).toMatchObject({ action: undefined, entityId: "12" });
  });
});
