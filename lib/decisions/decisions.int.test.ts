import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findInbox } from "@/lib/decisions/inbox-queries";
import { acceptLead, logFirstAction, rejectLead, requestLeadInfo } from "@/lib/decisions/mutations";
import { findQueue } from "@/lib/decisions/queue-queries";
import { answerInfoRequest, reassignLead } from "@/lib/decisions/team-mutations";
import {
  ALL_MET,
  createAssignedLead,
  createDecisionWorld,
  eventTypes,
  inAnHour,
  leadState,
  type DecisionWorld,
} from "@/lib/decisions/test-fixtures";
import { ForbiddenError, StaleWriteError, ValidationError } from "@/lib/errors";

// The rep's decisions against a real database: who may decide on which lead, the stale-decision rule,
// and what each decision leaves behind (lead fields, timeline events, audit, diagnosis).

let world: DecisionWorld;

beforeAll(async () => {
  world = await createDecisionWorld();
});

async function rejection(error: Promise<unknown>) {
  try {
    await error;
  } catch (caught) {
    return caught;
  }
  throw new Error("expected the call to be refused");
}

describe("permissions", () => {
  it("a rep cannot decide on another rep's lead, and nothing changes", async () => {
    const leadId = await createAssignedLead(world, world.teammate.id);
    const error = await rejection(acceptLead(world.rep, leadId, { version: 0, criteria: ALL_MET }));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as Error).message).toContain("Jordan Patel");
    expect(await leadState(leadId)).toMatchObject({ acceptanceStatus: "pending", version: 0 });
    expect(await eventTypes(leadId)).toEqual(["captured", "assigned"]);
  });

  it("a manager decides on their team's leads, not on another team's", async () => {
    const ownTeam = await createAssignedLead(world, world.rep.id);
    await acceptLead(world.manager, ownTeam, { version: 0, criteria: ALL_MET });
    expect(await leadState(ownTeam)).toMatchObject({ acceptanceStatus: "accepted", decidedById: world.manager.id });

    const otherTeam = await createAssignedLead(world, world.otherRep.id);
    const error = await rejection(rejectLead(world.manager, otherTeam, { version: 0, reasonCode: "competitor", criteria: ALL_MET }));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(await leadState(otherTeam)).toMatchObject({ acceptanceStatus: "pending", version: 0 });
  });

  it("viewers and marketing cannot decide; revenue operations can on any lead", async () => {
    const leadId = await createAssignedLead(world, world.otherRep.id);
    for (const actor of [world.viewer, world.marketing]) {
      await expect(requestLeadInfo(actor, leadId, { version: 0, question: "Which webinar did they attend?" })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
    }
    expect(await leadState(leadId)).toMatchObject({ acceptanceStatus: "pending", version: 0 });
    await requestLeadInfo(world.revops, leadId, { version: 0, question: "Which webinar did they attend?" });
    expect((await leadState(leadId)).acceptanceStatus).toBe("info_requested");
  });

  it("only marketing answers, and only managers reassign within their team", async () => {
    const leadId = await createAssignedLead(world, world.rep.id);
    await requestLeadInfo(world.rep, leadId, { version: 0, question: "What did they ask in the chat?" });
    await expect(answerInfoRequest(world.rep, leadId, { version: 1, answer: "Pricing for 50 seats" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(reassignLead(world.rep, leadId, { version: 1, ownerId: world.teammate.id, reason: "I'm out" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const crossTeam = await rejection(
      reassignLead(world.manager, leadId, { version: 1, ownerId: world.otherRep.id, reason: "Mid-market account" }),
    );
    expect(crossTeam).toBeInstanceOf(ValidationError);
    expect((crossTeam as ValidationError).fieldErrors?.ownerId?.[0]).toMatch(/not on your team/);
    await reassignLead(world.manager, leadId, { version: 1, ownerId: world.teammate.id, reason: "Riley is out until Monday" });
    expect((await leadState(leadId)).ownerId).toBe(world.teammate.id);
    const reassigned = await db.handoffEvent.findFirstOrThrow({
      where: { leadId, type: "reassigned" },
      select: { actorId: true, details: true },
    });
    expect(reassigned).toEqual({
      actorId: world.manager.id,
      details: { ownerId: String(world.teammate.id), fromOwnerId: String(world.rep.id), reason: "Riley is out until Monday" },
    });
  });
});

describe("the stale-decision rule", () => {
  it("refuses a decision on a lead someone else decided meanwhile, naming who and what, and changes nothing", async () => {
    const leadId = await createAssignedLead(world, world.rep.id);
    // Both opened the lead at version 0; the manager is quicker.
    await rejectLead(world.manager, leadId, {
      version: 0,
      reasonCode: "duplicate",
      detail: "Same person as the lead from the March webinar",
      criteria: ALL_MET,
    });
    const before = await leadState(leadId);
    const events = await eventTypes(leadId);

    const error = await rejection(acceptLead(world.rep, leadId, { version: 0, criteria: ALL_MET }));
    expect(error).toBeInstanceOf(StaleWriteError);
    expect((error as Error).message).toMatch(/^Dana Okafor already rejected this lead \(duplicate\) on .+\. Nothing was saved/);
    expect(await leadState(leadId)).toEqual(before);
    expect(await eventTypes(leadId)).toEqual(events);
    // Even with the current version: a decided lead is not decided again.
    await expect(acceptLead(world.rep, leadId, { version: before.version, criteria: ALL_MET })).rejects.toBeInstanceOf(StaleWriteError);
  });

  it("refuses a decision made on an older version, naming the latest change", async () => {
    const leadId = await createAssignedLead(world, world.rep.id);
    await requestLeadInfo(world.rep, leadId, { version: 0, question: "Which page did they convert on?" });
    await answerInfoRequest(world.marketing, leadId, { version: 1, answer: "The pricing page, enterprise tier" });
    const error = await rejection(rejectLead(world.rep, leadId, { version: 1, reasonCode: "competitor", criteria: ALL_MET }));
    expect(error).toBeInstanceOf(StaleWriteError);
    expect((error as Error).message).toMatch(/Marcus Bell recorded “info provided”/);
    expect((await leadState(leadId)).acceptanceStatus).toBe("pending");
  });

  it("lets only one of two simultaneous decisions through", async () => {
    const leadId = await createAssignedLead(world, world.rep.id);
    const results = await Promise.allSettled([
      acceptLead(world.rep, leadId, { version: 0, criteria: ALL_MET }),
      rejectLead(world.manager, leadId, { version: 0, reasonCode: "competitor", criteria: ALL_MET }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected");
    expect((refused as PromiseRejectedResult).reason).toBeInstanceOf(StaleWriteError);
    expect((await eventTypes(leadId)).filter((type) => type === "accepted" || type === "rejected")).toHaveLength(1);
  });
});

describe("what a decision records", () => {
  it("accepting with a call and a next action appends the events, sets the fields, audits and re-diagnoses", async () => {
    const leadId = await createAssignedLead(world, world.rep.id, { minutesAgo: 10 });
    const result = await acceptLead(world.rep, leadId, {
      version: 0,
      criteria: ALL_MET,
      firstAction: "call",
      firstActionNote: "Talked about their Q3 rollout",
      nextAction: "Send the proposal",
      nextActionDueAt: inAnHour(),
    });
    expect(result).toMatchObject({ version: 1, acceptanceStatus: "accepted" });
    expect(await leadState(leadId)).toMatchObject({
      acceptanceStatus: "accepted",
      decidedById: world.rep.id,
      nextAction: "Send the proposal",
      stepAcceptance: "pass",
    });
    expect((await leadState(leadId)).firstSalesActionAt).not.toBeNull();
    const events = await db.handoffEvent.findMany({
      where: { leadId, type: { in: ["accepted", "contacted", "next_action_set"] } },
      orderBy: { id: "asc" },
      select: { type: true, actorId: true, channel: true, details: true },
    });
    expect(events).toEqual([
      { type: "accepted", actorId: world.rep.id, channel: null, details: { criteria: ALL_MET } },
      { type: "contacted", actorId: world.rep.id, channel: "call", details: { summary: "Talked about their Q3 rollout" } },
      {
        type: "next_action_set",
        actorId: world.rep.id,
        channel: null,
        details: { nextAction: "Send the proposal", dueAt: expect.any(String) },
      },
    ]);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityType: "lead", entityId: String(leadId), action: "lead.accept" },
      select: { actorId: true },
    });
    expect(audit.actorId).toBe(world.rep.id);
  });

  it("field errors for an unknown reason code, a missing required detail and criteria of another lead type", async () => {
    const leadId = await createAssignedLead(world, world.rep.id);
    const unknown = (await rejection(
      rejectLead(world.rep, leadId, { version: 0, reasonCode: "too_small", criteria: ALL_MET }),
    )) as ValidationError;
    expect(Object.keys(unknown.fieldErrors ?? {})).toEqual(["reasonCode"]);
    const noDetail = (await rejection(
      rejectLead(world.rep, leadId, { version: 0, reasonCode: "not_icp", detail: " ", criteria: ALL_MET }),
    )) as ValidationError;
    expect(noDetail.fieldErrors?.detail?.[0]).toContain("Which part of the ideal customer profile does not fit?");
    const strange = (await rejection(
      acceptLead(world.rep, leadId, { version: 0, criteria: { ...ALL_MET, has_budget: true } }),
    )) as ValidationError;
    expect(Object.keys(strange.fieldErrors ?? {})).toEqual(["criteria.has_budget"]);
    const partial = (await rejection(
      acceptLead(world.rep, leadId, { version: 0, criteria: { icp_company_size: true } }),
    )) as ValidationError;
    expect(partial.fieldErrors?.criteria?.[0]).toMatch(/Decision maker/);
    expect(await leadState(leadId)).toMatchObject({ acceptanceStatus: "pending", version: 0 });
  });

  it("a rejection keeps the reason, and reports its quality", async () => {
    const leadId = await createAssignedLead(world, world.rep.id);
    const result = await rejectLead(world.rep, leadId, {
      version: 0,
      reasonCode: "not_icp",
      detail: "12 employees; we sell to 200+",
      criteria: { icp_company_size: false, decision_role: true },
      recycleSuggested: true,
    });
    expect(result.quality).toMatchObject({ score: 1 });
    expect(await leadState(leadId)).toMatchObject({
      acceptanceStatus: "rejected",
      rejectionReasonCode: "not_icp",
      rejectionDetail: "12 employees; we sell to 200+",
    });
    const weak = await rejectLead(world.rep, await createAssignedLead(world, world.rep.id), {
      version: 0,
      reasonCode: "competitor",
      criteria: ALL_MET,
    });
    expect(weak.quality).toMatchObject({ score: 0.5 });
    expect(weak.message).toMatch(/next time/);
  });

  it("a question goes to marketing's inbox and the answer returns the lead to the rep's queue", async () => {
    const leadId = await createAssignedLead(world, world.rep.id);
    await requestLeadInfo(world.rep, leadId, { version: 0, question: "Did they attend the webinar live?" });
    await expect(requestLeadInfo(world.rep, leadId, { version: 1, question: "And which company size?" })).rejects.toBeInstanceOf(
      StaleWriteError,
    );
    const inbox = await findInbox();
    expect(inbox.open.find((item) => item.leadId === leadId)).toMatchObject({
      question: "Did they attend the webinar live?",
      askedByName: "Riley Chen",
      leadVersion: 1,
    });

    const queued = (await findQueue(world.rep)).items.find((item) => item.id === leadId);
    expect(queued?.acceptanceStatus).toBe("info_requested");
    await answerInfoRequest(world.marketing, leadId, { version: 1, answer: "Yes, live, and asked two questions about SSO" });
    expect((await findInbox()).open.some((item) => item.leadId === leadId)).toBe(false);
    const back = (await findQueue(world.rep)).items.find((item) => item.id === leadId);
    expect(back).toMatchObject({
      acceptanceStatus: "pending",
      version: 2,
      infoRequest: { answer: "Yes, live, and asked two questions about SSO", answeredByName: "Marcus Bell" },
    });
    expect(await eventTypes(leadId)).toEqual(["captured", "assigned", "info_requested", "info_provided"]);
    await expect(answerInfoRequest(world.marketing, leadId, { version: 2, answer: "Again" })).rejects.toThrow(
      /Marcus Bell already answered/,
    );
  });

  it("a first action on an accepted lead clears it from the queue", async () => {
    const leadId = await createAssignedLead(world, world.rep.id);
    await acceptLead(world.rep, leadId, { version: 0, criteria: ALL_MET });
    expect((await findQueue(world.rep)).items.find((item) => item.id === leadId)?.sla.kind).toBe("first_action");
    // Only the owner's touch counts as the first action, so nobody logs one for them.
    await expect(
      logFirstAction(world.manager, leadId, { version: 1, channel: "call", nextAction: "Demo", nextActionDueAt: inAnHour() }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await logFirstAction(world.rep, leadId, {
      version: 1,
      channel: "email",
      nextAction: "Follow up on the deck",
      nextActionDueAt: inAnHour(),
    });
    expect((await findQueue(world.rep)).items.some((item) => item.id === leadId)).toBe(false);
  });
});

describe("the queue", () => {
  it("shows a rep only their leads, a manager their team's with counts per rep", async () => {
    const mine = await findQueue(world.rep);
    expect(mine.scope).toBe("own");
    expect(mine.items.every((item) => item.owner?.id === world.rep.id)).toBe(true);
    const overdue = await createAssignedLead(world, world.teammate.id, { minutesAgo: 300 });
    const team = await findQueue(world.manager);
    expect(team.scope).toBe("team");
    expect(new Set(team.items.map((item) => item.owner?.id))).toEqual(new Set([world.rep.id, world.teammate.id]));
    expect(team.items[0]?.id).toBe(overdue);
    expect(team.reps.find((rep) => rep.id === world.teammate.id)?.overdue).toBeGreaterThanOrEqual(1);
    expect(team.assignees.map((person) => person.id)).not.toContain(world.otherRep.id);
  });
});
