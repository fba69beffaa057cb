import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db";
import { acceptLead, rejectLead } from "@/lib/decisions/mutations";
import { ALL_MET, createAssignedLead, createDecisionWorld, type DecisionWorld } from "@/lib/decisions/test-fixtures";
import { stopBoss } from "@/lib/jobs/boss";
import { parseDashboardFilter } from "@/lib/lead-set/filters";
import { todayIn } from "@/lib/time";
import { parseLeadListQuery } from "@/lib/lead-set/query";
import { findLeads } from "@/lib/leads/queries";
import { loadDashboardContext } from "@/lib/metrics/context";
import { querySourceFit } from "@/lib/metrics/source-fit";

// The dashboard's source fit beside source-to-accepted: a source sales accepts often but whose leads reps
// mark as the wrong person or company is called out, and its numbers open exactly their leads.

let world: DecisionWorld;
afterAll(() => stopBoss());

beforeAll(async () => {
  world = await createDecisionWorld();
  // paid_social: 4 of 4 accepted (above the overall rate), 3 of 4 signals poor fit.
  for (const signal of ["wrong_person", "wrong_company", "not_a_real_buyer", "good_fit"]) {
    const id = await createAssignedLead(world, world.rep.id, { source: "paid_social" });
    await acceptLead(world.rep, id, { version: 0, criteria: ALL_MET, sourceSignal: signal });
  }
  // webinar: 1 of 3 accepted, good fit; 2 rejected without a signal.
  const good = await createAssignedLead(world, world.rep.id, { source: "webinar" });
  await acceptLead(world.rep, good, { version: 0, criteria: ALL_MET, sourceSignal: "good_fit" });
  for (let index = 0; index < 2; index++) {
    const id = await createAssignedLead(world, world.rep.id, { source: "webinar" });
    await rejectLead(world.rep, id, { version: 0, reasonCode: "competitor", criteria: ALL_MET });
  }
});

async function listed(href: string | null): Promise<number> {
  const url = new URL(href!, "http://baton.test");
  const params: Record<string, string[]> = {};
  url.searchParams.forEach((value, key) => (params[key] ??= []).push(value));
  return (await findLeads(parseLeadListQuery(params))).total;
}

describe("source fit", () => {
  it("calls out a well-accepted source with poor fit signals, and every number is the count of its leads", async () => {
    const context = await loadDashboardContext(pool);
    const filter = parseDashboardFilter({}, todayIn(context.timeZone), context.weekStartsOn);
    const view = await querySourceFit(pool, filter, context);
    const social = view.rows.find((row) => row.source === "paid_social")!;
    const webinar = view.rows.find((row) => row.source === "webinar")!;
    expect(view.overallAcceptRate).toBeCloseTo(5 / 7);
    expect(social).toMatchObject({ captured: 4, accepted: 4, decided: 4, withSignal: 4, poorFit: 3, finding: true });
    expect(social.poorFitShare).toBeCloseTo(0.75);
    expect(webinar).toMatchObject({ captured: 3, accepted: 1, decided: 3, withSignal: 1, finding: false });
    expect([view.decided, view.withSignal]).toEqual([7, 5]);

    expect(await listed(social.hrefs.accepted)).toBe(4);
    expect(await listed(social.hrefs.withSignal)).toBe(4);
    expect(await listed(social.hrefs.poorFit.wrong_company)).toBe(1);
    expect(await listed(webinar.hrefs.withSignal)).toBe(1);
  });
});
