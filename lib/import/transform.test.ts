import { describe, expect, it } from "vitest";
import { buildChoiceIndex } from "@/lib/import/choices";
import { combineStates } from "@/lib/import/lead-states";
import { compileMapping } from "@/lib/import/mapping";
import { detectPreset, suggestColumns } from "@/lib/import/presets";
import { transformActivityRow } from "@/lib/import/transform-activity";
import type { TransformContext } from "@/lib/import/transform-cells";
import { transformLeadRow } from "@/lib/import/transform-lead";

// The row transforms are pure: the same cells always give the same records, which is what the preview,
// the dry run and the import share.

const choices = buildChoiceIndex({
  users: [{ id: 7, name: "Riley Chen", email: "riley@example.com" }],
  leadTypes: [{ key: "demo_request", name: "Demo request" }],
  rejectionReasons: [{ code: "not_icp", label: "Not in our ideal customer profile" }],
  sources: [],
  objections: [
    { code: "budget", label: "Budget" },
    { code: "timing", label: "Timing: not now" },
  ],
});

function leadContext(
  headers: string[],
  columns: Record<string, string>,
  values: Record<string, Record<string, string>> = {},
): TransformContext {
  return {
    mapping: compileMapping("leads", headers, { columns, values, dateFormats: { Created: "mdy", Assigned: "mdy" } }, "salesforce"),
    choices,
    timeZone: "UTC",
    sourceSystem: "salesforce",
  };
}

describe("transformLeadRow", () => {
  const headers = ["Id", "First", "Last", "Email", "Created", "Status", "Owner", "Assigned", "Type"];
  const context = leadContext(headers, {
    Id: "externalId",
    First: "firstName",
    Last: "lastName",
    Email: "email",
    Created: "capturedAt",
    Status: "status",
    Owner: "owner",
    Assigned: "event:assigned",
    Type: "leadType",
  });

  it("builds the lead, its capture and assignment events, and matches owner and lead type by name", () => {
    const { lead, events, issues } = transformLeadRow(
      [
        "L-1",
        " Ada ",
        "Lovelace",
        "ADA@Example.com",
        "3/14/2025 9:05 AM",
        "Working - Contacted",
        "riley chen",
        "3/14/2025 9:20 AM",
        "Demo request",
      ],
      2,
      context,
    );
    expect(issues).toEqual([]);
    expect(lead).toMatchObject({
      externalId: "L-1",
      name: "Ada Lovelace",
      email: "ada@example.com",
      ownerId: 7,
      leadTypeKey: "demo_request",
      acceptanceStatus: "accepted",
      outcome: "open",
    });
    expect(events.map((event) => [event.type, event.occurredAt.toISOString(), event.externalId])).toEqual([
      ["assigned", "2025-03-14T09:20:00.000Z", "L-1#assigned#assigned"],
      ["captured", "2025-03-14T09:05:00.000Z", "L-1#captured"],
    ]);
    expect(events[0]!.details).toMatchObject({ ownerId: "7" });
  });

  it("reports what it cannot read, with row, column and value, and refuses rows without a capture date", () => {
    const { lead, issues } = transformLeadRow(
      ["L-2", "Bo", "", "not-an-email", "next week", "Teleported", "Someone Else", "", "Select"],
      5,
      context,
    );
    expect(lead).toBeNull();
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 5, column: "Email", value: "not-an-email", severity: "warning" }),
        expect.objectContaining({ row: 5, column: "Created", value: "next week", severity: "error" }),
        expect.objectContaining({ row: 5, column: "Status", value: "Teleported", severity: "warning" }),
      ]),
    );
    // An owner who is not a user is a person of the CRM, not a problem of the row.
    expect(issues.some((found) => found.column === "Owner")).toBe(false);
    expect(issues.some((found) => found.column === "Type")).toBe(false); // "Select" is a placeholder: empty, not unknown
  });

  it("keeps an owner who is not a user as the CRM's name, on the lead and its assignment, to be resolved to a person", () => {
    const { lead, events, ownerRef } = transformLeadRow(
      ["L-4", "Bo", "Li", "", "2025-03-14", "", "Someone Else", "2025-03-15", ""],
      6,
      context,
    );
    expect(ownerRef).toEqual({ name: "Someone Else" });
    expect(lead).toMatchObject({ ownerId: null });
    expect(events.find((event) => event.type === "assigned")?.person).toEqual({ ref: { name: "Someone Else" }, as: "owner" });
    expect(transformLeadRow(["L-5", "Bo", "Li", "", "2025-03-14", "", "owner@crm.example", "", ""], 7, context).ownerRef).toEqual({
      email: "owner@crm.example",
    });
  });

  it("uses the user's value mapping before the preset's suggestion", () => {
    const mapped = leadContext(
      headers,
      { Id: "externalId", Last: "lastName", Created: "capturedAt", Status: "status" },
      { Status: { "working - contacted": "qualified" } },
    );
    expect(transformLeadRow(["L-3", "", "Hopper", "", "2025-03-14", "WORKING - CONTACTED", "", "", ""], 2, mapped).lead).toMatchObject({
      acceptanceStatus: "accepted",
      outcome: "qualified",
    });
  });
});

describe("objections and source-quality signals in a leads file", () => {
  const headers = ["Id", "Last", "Created", "Objection__c", "Objection Notes", "Fit"];
  const context = leadContext(
    headers,
    {
      Id: "externalId",
      Last: "lastName",
      Created: "capturedAt",
      Objection__c: "objection",
      "Objection Notes": "objectionDetail",
      Fit: "sourceSignal",
    },
    { Objection__c: { "price too high": "budget" } },
  );

  it("maps a custom objection field's values (by the user's mapping, by code or by label) and the signal by label", () => {
    expect(
      transformLeadRow(["L-1", "Hopper", "2025-03-14", "Price too high", "Frozen until April", "Wrong person"], 2, context).lead,
    ).toMatchObject({ objectionCode: "budget", objectionDetail: "Frozen until April", sourceSignal: "wrong_person" });
    expect(transformLeadRow(["L-2", "Hopper", "2025-03-14", "Timing: not now", "", "good_fit"], 2, context).lead).toMatchObject({
      objectionCode: "timing",
      objectionDetail: null,
      sourceSignal: "good_fit",
    });
  });

  it("refuses an undefined objection and an unknown signal: reported at their cells, not stored, the lead still imported", () => {
    const { lead, issues } = transformLeadRow(
      ["L-3", "Hopper", "2025-03-14", "Legal review", "Needs their lawyers", "Great lead"],
      4,
      context,
    );
    expect(lead).toMatchObject({ externalId: "L-3", objectionCode: null, objectionDetail: null, sourceSignal: null });
    expect(issues).toEqual([
      expect.objectContaining({
        row: 4,
        column: "Objection__c",
        value: "Legal review",
        severity: "warning",
        message: expect.stringMatching(/Not a defined objection/),
      }),
      expect.objectContaining({
        row: 4,
        column: "Fit",
        value: "Great lead",
        severity: "warning",
        message: expect.stringMatching(/Not a source-quality signal/),
      }),
    ]);
  });
});

describe("transformActivityRow", () => {
  it("turns a call into a contacted event of its lead, keyed by the activity id or the row's content", () => {
    const headers = ["TASKID", "Call Start Time", "Call Owner", "Subject", "LEADID"];
    const context: TransformContext = {
      mapping: compileMapping("calls", headers, { columns: suggestColumns("zoho", "calls", headers), values: {}, dateFormats: {} }, "zoho"),
      choices,
      timeZone: "UTC",
      sourceSystem: "zoho",
    };
    const { event } = transformActivityRow(["5001", "2021-04-15 23:03:00", "Riley Chen", "Intro", "8801"], 2, "calls", context);
    expect(event).toMatchObject({
      leadExternalId: "8801",
      type: "contacted",
      channel: "call",
      actorId: 7,
      externalId: "calls:5001",
      details: { subject: "Intro" },
    });
    const withoutId = compileMapping(
      "calls",
      headers,
      { columns: { "Call Start Time": "occurredAt", LEADID: "leadExternalId" }, values: {}, dateFormats: {} },
      "zoho",
    );
    const a = transformActivityRow(["5001", "2021-04-15 23:03:00", "Riley Chen", "Intro", "8801"], 2, "calls", {
      ...context,
      mapping: withoutId,
    }).event!;
    const b = transformActivityRow(["5001", "2021-04-15 23:03:00", "Riley Chen", "Intro", "8801"], 9, "calls", {
      ...context,
      mapping: withoutId,
    }).event!;
    expect(a.externalId).toMatch(/^calls:row:[0-9a-f]{16}$/);
    expect(b.externalId).toBe(a.externalId);
  });
});

describe("presets and states", () => {
  it("recognises each export by its headers", () => {
    expect(detectPreset(["Contact ID", "First Name", "Lifecycle Stage", "Original Source", "Contact owner", "Create Date"]).preset).toBe(
      "hubspot",
    );
    expect(
      detectPreset(["Lead ID", "Lead Owner", "First Name", "Last Name", "Lead Status", "Lead Source", "Created Date", "Rating"]).preset,
    ).toBe("salesforce");
    expect(detectPreset(["LEADID", "Last Name", "Lead Owner", "Lead Source", "Lead Status", "Created Time"]).preset).toBe("zoho");
    expect(detectPreset(["TASKID", "Call Start Time", "Call Owner", "Call Type", "LEADID"])).toMatchObject({
      preset: "zoho",
      kind: "calls",
    });
    expect(detectPreset(["id", "name", "email"]).preset).toBe("generic");
  });

  it("combines a lead status and a lifecycle stage: the one further along wins", () => {
    expect(combineStates(["accepted", "qualified"])).toEqual({ acceptance: "accepted", outcome: "qualified" });
    expect(combineStates(["pending", "won"])).toEqual({ acceptance: "accepted", outcome: "won" });
    expect(combineStates(["rejected", "recycled"])).toEqual({ acceptance: "rejected", outcome: "recycled" });
    expect(combineStates([])).toBeNull();
  });
});

describe("preset id columns", () => {
  it("knows HubSpot's Record ID, Salesforce's Id and Zoho's Record Id as the external id", async () => {
    const { detectPreset, suggestColumns } = await import("@/lib/import/presets");
    const hubspot = ["Record ID", "First Name", "Lifecycle Stage", "Original Source", "Contact owner", "Create Date"];
    expect(detectPreset(hubspot).preset).toBe("hubspot");
    expect(suggestColumns("hubspot", "leads", hubspot)["Record ID"]).toBe("externalId");
    expect(suggestColumns("salesforce", "leads", ["Id", "Lead Owner"]).Id).toBe("externalId");
    expect(suggestColumns("zoho", "leads", ["Record Id", "Lead Owner"])["Record Id"]).toBe("externalId");
  });
});
