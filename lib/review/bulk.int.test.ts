import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { tagLeadsForReview } from "@/lib/review/bulk";

// Tagging several leads for the review board: each lead through the single tag, one audit row per lead
// tagged, leads already tagged left alone, and roles that may not tag refused outright.

let marketer: { id: number; role: "marketing" };
let viewer: { id: number; role: "viewer" };
let leadIds: number[];

beforeAll(async () => {
  const [m, v] = await db.user.createManyAndReturn({
    data: [
      { name: "Mia Bulk", email: "mia.bulk@example.com", role: "marketing" },
      { name: "Vic Bulk", email: "vic.bulk@example.com", role: "viewer" },
    ],
    select: { id: true },
  });
  marketer = { id: m!.id, role: "marketing" };
  viewer = { id: v!.id, role: "viewer" };
  const leads = await db.lead.createManyAndReturn({
    data: [1, 2, 3].map((n) => ({ sourceSystem: "bulk", externalId: `bulk-${n}`, name: `Bulk Lead ${n}`, capturedAt: new Date() })),
    select: { id: true },
  });
  leadIds = leads.map((lead) => lead.id);
});

describe("tagging leads for the review board in bulk", () => {
  it("tags every selected lead once, with one audit row each, and leaves an existing tag alone", async () => {
    await db.leadFailureTag.create({
      data: { leadId: leadIds[0]!, failurePoint: "unclear_owner", verdict: "added", side: "marketing", createdById: marketer.id },
    });
    const result = await tagLeadsForReview(marketer, { leadIds: [...leadIds, leadIds[1]!].map(String), failurePoint: "unclear_owner" });
    expect(result).toEqual({ tagged: 2, alreadyTagged: 1, refused: [] });

    const tags = await db.leadFailureTag.findMany({
      where: { leadId: { in: leadIds }, failurePoint: "unclear_owner" },
      select: { leadId: true },
    });
    expect(tags.map((tag) => tag.leadId).sort()).toEqual([...leadIds].sort());
    const audit = await db.auditLog.findMany({ where: { actorId: marketer.id, action: "review.tag.create" } });
    expect(audit).toHaveLength(2);
  });

  it("refuses a role that may not tag, an empty selection and an unknown failure point, tagging nothing", async () => {
    await expect(tagLeadsForReview(viewer, { leadIds: [String(leadIds[2])], failurePoint: "slow_timing" })).rejects.toThrow();
    await expect(tagLeadsForReview(marketer, { leadIds: [], failurePoint: "slow_timing" })).rejects.toMatchObject({
      fieldErrors: { leadIds: ["Select at least one lead."] },
    });
    await expect(tagLeadsForReview(marketer, { leadIds: [String(leadIds[2])], failurePoint: "mood" })).rejects.toMatchObject({
      fieldErrors: { failurePoint: ["Choose the failure point to tag."] },
    });
    expect(await db.leadFailureTag.count({ where: { leadId: leadIds[2]!, NOT: { failurePoint: "unclear_owner" } } })).toBe(0);
  });
});
