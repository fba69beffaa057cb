import { describe, expect, it } from "vitest";
import { diagnoseLead } from "../diagnose";
import { evidenceText, makeInput, stepOf } from "../test-fixtures";
import type { DiagnosisLead } from "../types";

const capture = (lead: Partial<DiagnosisLead>, leadType?: null) =>
  stepOf(diagnoseLead(makeInput({ lead, ...(leadType === null ? { leadType: null } : {}) })), "capture");

describe("capture step", () => {
  it("passes when source, conversion point, lead type, campaign and offer travelled", () => {
    const s = capture({});
    expect(s.status).toBe("pass");
    expect(s.failurePoints).toEqual([]);
    expect(evidenceText(s)).toContain("paid_search");
  });

  it.each([
    { field: "originalSource", evidenceField: "original_source" },
    { field: "conversionPoint", evidenceField: "conversion_point" },
    { field: "leadTypeKey", evidenceField: "lead_type" },
  ] as const)("fails missing_context when $field is missing, naming it in evidence", ({ field, evidenceField }) => {
    const s = capture({ [field]: null }, field === "leadTypeKey" ? null : undefined);
    expect(s.status).toBe("fail");
    expect(s.failurePoints).toEqual(["missing_context"]);
    expect(s.evidence).toContainEqual(expect.objectContaining({ field: evidenceField, value: null }));
  });

  it("lists every missing field as its own evidence", () => {
    const s = capture({ originalSource: " ", conversionPoint: null });
    const missing = s.evidence.filter((e) => e.value === null).map((e) => e.field);
    expect(missing).toEqual(expect.arrayContaining(["original_source", "conversion_point"]));
    expect(s.summary).toMatch(/original source, conversion point/i);
  });

  it.each([
    { name: "campaign and offer", lead: { campaign: "q2-demo-push", offer: "Live demo" }, status: "pass" },
    { name: "campaign only", lead: { campaign: "q2-demo-push", offer: null }, status: "pass" },
    { name: "offer only", lead: { campaign: "", offer: "Live demo" }, status: "pass" },
    { name: "neither", lead: { campaign: null, offer: " " }, status: "warn" },
  ])("an inbound lead with $name -> $status", ({ lead, status }) => {
    const s = capture(lead);
    expect(s.status).toBe(status);
    expect(s.failurePoints).toEqual(status === "warn" ? ["missing_context"] : []);
    expect(/neither campaign nor offer/i.test(evidenceText(s))).toBe(status === "warn");
  });

  it("does not warn about campaign/offer on a non-inbound source", () => {
    expect(capture({ originalSource: "outbound_list", campaign: null, offer: null }).status).toBe("pass");
  });

  it("matches inbound sources case-insensitively", () => {
    expect(capture({ originalSource: "Paid_Search", campaign: null, offer: null }).status).toBe("warn");
  });

  it("warns when the lead type key has no definition", () => {
    const s = capture({ leadTypeKey: "mystery_type" }, null);
    expect(s.status).toBe("warn");
    expect(s.summary).toMatch(/mystery_type/);
  });

  it("fails when the capture time is invalid instead of throwing", () => {
    const s = capture({ capturedAt: new Date(Number.NaN) });
    expect(s.status).toBe("fail");
    expect(s.evidence).toContainEqual(expect.objectContaining({ field: "captured_at" }));
  });
});
