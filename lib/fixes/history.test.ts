import { describe, expect, it } from "vitest";
import { describeFixChange } from "@/lib/fixes/history";

describe("describeFixChange", () => {
  it("names creation, evidence changes, status moves and edited fields", () => {
    expect(describeFixChange("fixes.fix.create", null, { title: "x" }).summary).toBe("Recorded the fix");
    expect(describeFixChange("fixes.evidence.add", null, { leadId: 12 }).summary).toBe("Cited lead 12 as evidence");
    expect(describeFixChange("fixes.evidence.remove", { leadId: 12 }, null).summary).toBe("Removed lead 12 from the evidence");
    expect(
      describeFixChange("fixes.fix.update", { status: "open", title: "a", ownerId: 1 }, { status: "done", title: "b", ownerId: 2 }).summary,
    ).toBe("Status Open → Done; changed title, owner");
    expect(describeFixChange("fixes.fix.update", { status: "open" }, { status: "open" }).summary).toBe("Saved without changes");
  });
});
