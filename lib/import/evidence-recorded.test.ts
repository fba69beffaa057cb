import { describe, expect, it } from "vitest";
import { evidenceRecordedByActivity, unrecordedEvidenceOf } from "@/lib/import/evidence-recorded";

describe("unrecordedEvidenceOf", () => {
  it("a leads file with only ids, names and a create date records none of the handoff evidence", () => {
    expect(unrecordedEvidenceOf({ leads: new Set(["externalId", "name", "capturedAt"]) })).toEqual([
      "owner",
      "owner_assigned_at",
      "first_sales_action_at",
      "acceptance_status",
    ]);
  });

  it("an owner column, a status column and a calls file in the same upload record owner, decision and first action", () => {
    expect(unrecordedEvidenceOf({ leads: new Set(["externalId", "owner", "status"]), calls: new Set(["occurredAt"]) })).toEqual([
      "owner_assigned_at",
    ]);
    expect(unrecordedEvidenceOf({ leads: new Set(["owner", "event:assigned", "event:contacted", "event:accepted"]) })).toEqual([]);
  });

  it("a later activity file fills the gaps it carries", () => {
    expect(evidenceRecordedByActivity("calls")).toEqual(["first_sales_action_at"]);
    expect(evidenceRecordedByActivity("status_history")).toEqual(["owner_assigned_at", "acceptance_status"]);
    expect(evidenceRecordedByActivity("tasks")).toEqual([]);
  });
});
