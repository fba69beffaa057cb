/**
 * The planted scenarios, checked by the real (pure) diagnosis engine: each lead shows exactly the
 * failure points of its scenario, and healthy leads pass every step without warnings, also when the
 * diagnosis runs a little after the anchor (the app floors the anchor to the hour).
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_REJECTION_REASONS, DEFAULT_SETTINGS, diagnoseLead, findLeadType } from "../../lib/diagnosis/index.ts";
import type { DiagnosisEvent, DiagnosisInput, RelatedOutreach } from "../../lib/diagnosis/types.ts";
import { DEMO_GRACE_MS } from "./demo-checks.ts";
import { generateDemoWorkspace, type DemoLead, type DemoWorkspace } from "./demo-leads.ts";
import { EXPECTED_FAILURES as EXPECTED } from "./demo-expected.ts";

/** What the database layer hands the engine, built from the plain data (user emails serve as ids). */
function diagnosisInputs(ws: DemoWorkspace, now: Date): Array<{ lead: DemoLead; input: DiagnosisInput }> {
  const events = new Map<string, DiagnosisEvent[]>();
  for (const e of ws.events) {
    const list = events.get(e.leadExternalId) ?? [];
    list.push({
      id: e.externalId,
      type: e.type,
      occurredAt: e.occurredAt,
      actorId: e.actorEmail,
      actorName: e.actorName,
      channel: e.channel,
      details: e.details,
    });
    events.set(e.leadExternalId, list);
  }
  const byKey = new Map<string, DemoLead[]>();
  const index = (key: string | null, lead: DemoLead) => key && byKey.set(key, [...(byKey.get(key) ?? []), lead]);
  for (const lead of ws.leads) {
    index(lead.email && `email:${lead.email}`, lead);
    index(lead.accountDomain && `domain:${lead.accountDomain}`, lead);
  }
  return ws.leads.map((lead) => {
    const others = new Map<DemoLead, "email" | "account">();
    for (const o of byKey.get(`domain:${lead.accountDomain}`) ?? []) others.set(o, "account");
    for (const o of byKey.get(`email:${lead.email}`) ?? []) others.set(o, "email");
    others.delete(lead);
    const relatedOutreach: RelatedOutreach[] = [...others].flatMap(([o, match]) =>
      (events.get(o.externalId) ?? [])
        .filter((e) => (e.type === "contacted" || e.type === "meeting_booked") && e.actorId !== null)
        .map((e) => ({ leadId: o.externalId, actorId: e.actorId as string, occurredAt: e.occurredAt, match })),
    );
    const input: DiagnosisInput = {
      lead: {
        id: lead.externalId,
        capturedAt: lead.capturedAt,
        originalSource: lead.originalSource,
        campaign: lead.campaign,
        offer: lead.offer,
        conversionPoint: lead.conversionPoint,
        landingPage: lead.landingPage,
        buyerMessage: lead.buyerMessage,
        leadTypeKey: lead.leadTypeKey,
        priority: lead.priority,
        ownerId: lead.ownerEmail,
        queue: lead.queue,
        acceptanceStatus: lead.acceptanceStatus,
        rejectionReasonCode: lead.rejectionReasonCode,
        rejectionDetail: lead.rejectionDetail,
        nextAction: lead.nextAction,
        nextActionDueAt: lead.nextActionDueAt,
        outcome: lead.outcome,
        email: lead.email,
        accountDomain: lead.accountDomain,
      },
      events: events.get(lead.externalId) ?? [],
      leadType: findLeadType(lead.leadTypeKey),
      settings: DEFAULT_SETTINGS,
      rejectionReasons: DEFAULT_REJECTION_REASONS,
      relatedOutreach,
      now,
    };
    return { lead, input };
  });
}

function mismatches(ws: DemoWorkspace, now: Date): string[] {
  const problems: string[] = [];
  for (const { lead, input } of diagnosisInputs(ws, now)) {
    const diagnosis = diagnoseLead(input);
    const expected = EXPECTED[lead.scenario].join(",");
    const got = diagnosis.failurePoints.join(",");
    const warnings = lead.scenario === "healthy" ? diagnosis.warnings.join(",") : "";
    if (got !== expected || warnings !== "") {
      const failing = diagnosis.steps.filter((s) => s.status === "fail" || s.status === "warn").map((s) => `${s.step}: ${s.summary}`);
      problems.push(`${lead.externalId} ${lead.scenario}: expected [${expected}], got [${got}] warn [${warnings}] ${failing.join(" | ")}`);
    }
  }
  return problems;
}

describe("the demo workspace under the diagnosis", () => {
  const cases: Array<[string, number | string, string]> = [
    ["a Wednesday afternoon", 20261124, "2026-03-18T14:00:00.000Z"],
    ["a Saturday night", "demo", "2026-03-21T03:00:00.000Z"],
    ["a Monday before opening", 7, "2026-06-01T08:00:00.000Z"],
  ];
  it.each(cases)("shows exactly the planted failure points, anchored on %s", (_label, seed, at) => {
    const anchor = new Date(at);
    const ws = generateDemoWorkspace({ seed, anchor });
    for (const lag of [0, 60 * 60_000, DEMO_GRACE_MS - 60_000]) {
      expect(mismatches(ws, new Date(anchor.getTime() + lag)).slice(0, 5)).toEqual([]);
    }
  });
});
