import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findBuyerFeedback, type CountWithTrend } from "@/lib/decisions/buyer-feedback-queries";
import { acceptLead, rejectLead } from "@/lib/decisions/mutations";
import { ALL_MET, createAssignedLead, createDecisionWorld, type DecisionWorld } from "@/lib/decisions/test-fixtures";
import { stopBoss } from "@/lib/jobs/boss";
import { parseLeadListQuery } from "@/lib/lead-set/query";
import { findLeads } from "@/lib/leads/queries";

// Sales feedback's objections and signals per source: each number is the count of exactly the leads its
// link lists (the lead list's own filter), and the trend compares with the period before.

let world: DecisionWorld;
afterAll(() => stopBoss());
const ids: Record<string, number> = {};

async function reject(name: string, source: string, extra: Record<string, unknown>) {
  ids[name] = await createAssignedLead(world, world.rep.id, { source });
  await rejectLead(world.rep, ids[name], { version: 0, reasonCode: "competitor", criteria: ALL_MET, ...extra });
}

async function accept(name: string, source: string, extra: Record<string, unknown>) {
  ids[name] = await createAssignedLead(world, world.rep.id, { source });
  await acceptLead(world.rep, ids[name], { version: 0, criteria: ALL_MET, ...extra });
}

beforeAll(async () => {
  world = await createDecisionWorld();
  await reject("a", "paid_social", { objectionCode: "budget", sourceSignal: "wrong_person" });
  await reject("b", "paid_social", { objectionCode: "budget", sourceSignal: "not_a_real_buyer" });
  await reject("c", "paid_social", { objectionCode: "timing" });
  await accept("d", "paid_social", { sourceSignal: "good_fit" });
  await accept("e", "paid_social", {});
  await accept("f", "webinar", { sourceSignal: "good_fit" });
  ids.pending = await createAssignedLead(world, world.rep.id, { source: "paid_social" });
  // Captured 40 days ago: in the previous 30-day window, so it shows in the trend only.
  await reject("old", "paid_social", { objectionCode: "budget", sourceSignal: "wrong_person" });
  await db.lead.update({ where: { id: ids.old }, data: { capturedAt: new Date(Date.now() - 40 * 86_400_000) } });
});

/** The leads the link of a count lists, through the lead list's own query path. */
async function leadsBehind(count: CountWithTrend): Promise<number[]> {
  const url = new URL(count.href, "http://baton.test");
  expect(url.pathname).toBe("/leads");
  const params: Record<string, string[]> = {};
  url.searchParams.forEach((value, key) => (params[key] ??= []).push(value));
  const { rows, total } = await findLeads(parseLeadListQuery(params));
  expect(total).toBe(count.count);
  return rows.map((row) => row.id).sort((x, y) => x - y);
}

const sorted = (...names: string[]) => names.map((name) => ids[name]!).sort((x, y) => x - y);

describe("objections and signals per source", () => {
  it("counts signals, objections and the share of decisions carrying a signal, each equal to the leads its link lists", async () => {
    const view = await findBuyerFeedback("source", 30);
    const social = view.groups.find((group) => group.key === "paid_social")!;
    expect(social.decided.count).toBe(5);
    expect(social.withSignal.count).toBe(3);
    expect(await leadsBehind(social.decided)).toEqual(sorted("a", "b", "c", "d", "e"));
    expect(await leadsBehind(social.withSignal)).toEqual(sorted("a", "b", "d"));
    expect(await leadsBehind(social.signals.wrong_person)).toEqual(sorted("a"));
    expect(await leadsBehind(social.signals.not_a_real_buyer)).toEqual(sorted("b"));
    expect(await leadsBehind(social.signals.good_fit)).toEqual(sorted("d"));
    expect(social.signals.wrong_company.count).toBe(0);
    expect(social.poorFitShare).toBeCloseTo(2 / 3);

    expect(social.objections.map((objection) => [objection.code, objection.label, objection.count, objection.previous])).toEqual([
      ["budget", "Budget", 2, 1],
      ["timing", "Timing: not now", 1, 0],
    ]);
    expect(await leadsBehind(social.objections[0]!)).toEqual(sorted("a", "b"));
    expect(await leadsBehind(social.objections[1]!)).toEqual(sorted("c"));
    expect(social.signals.wrong_person.previous).toBe(1);

    const webinar = view.groups.find((group) => group.key === "webinar")!;
    expect(await leadsBehind(webinar.signals.good_fit)).toEqual(sorted("f"));
    expect(view.totals).toEqual({ decided: 6, withSignal: 4 });
  });

  it("over all time counts every lead captured so far, with no trend", async () => {
    const view = await findBuyerFeedback("source", null);
    expect(view.previous).toBeNull();
    const budget = view.groups.find((group) => group.key === "paid_social")!.objections.find((objection) => objection.code === "budget")!;
    expect(budget.previous).toBeNull();
    expect(await leadsBehind(budget)).toEqual(sorted("a", "b", "old"));
  });

  it("groups by campaign with the campaign filter of the list", async () => {
    const view = await findBuyerFeedback("campaign", 30);
    const spring = view.groups.find((group) => group.key === "spring_launch")!;
    expect(await leadsBehind(spring.objections.find((objection) => objection.code === "budget")!)).toEqual(sorted("a", "b"));
  });
});
