import { describe, expect, it } from "vitest";
import { attachVia, describeVia, splitVia, VIA_KEY, viaJson } from "@/lib/actions/audit-via";

const via = { apiToken: { id: 7, name: "HubSpot sync" } };

describe("the token behind an audited change", () => {
  it("travels inside after and comes back out, leaving the record's values as they were", () => {
    const stored = attachVia({ name: "Ana Lima", version: 2 }, via);
    expect(splitVia(stored)).toEqual({ after: { name: "Ana Lima", version: 2 }, via });
    expect(splitVia(JSON.parse(JSON.stringify({ name: "Ana Lima", ...JSON.parse(viaJson(via)) })))).toEqual({
      after: { name: "Ana Lima" },
      via,
    });
  });

  it("is kept for a removal too, whose after is then empty again", () => {
    expect(attachVia(null, via)).toEqual({ [VIA_KEY]: via });
    expect(splitVia(attachVia(null, via))).toEqual({ after: null, via });
  });

  it("leaves rows written without a token untouched", () => {
    expect(splitVia({ status: "queued" })).toEqual({ after: { status: "queued" }, via: null });
    expect(splitVia(null)).toEqual({ after: null, via: null });
    expect(attachVia({ status: "queued" }, undefined)).toEqual({ status: "queued" });
  });

  it("ignores a malformed marker instead of showing it as a token", () => {
    expect(splitVia({ name: "x", [VIA_KEY]: { apiToken: "nope" } })).toEqual({ after: { name: "x" }, via: null });
  });

  it("names the token for the Who column", () => {
    expect(describeVia(via)).toBe("via API token “HubSpot sync” (#7)");
  });
});
