import { describe, expect, it } from "vitest";
import { DEFAULT_LEAD_TYPES } from "../../lib/diagnosis/defaults.ts";
import { OUTCOME_OF_EVENT } from "../../lib/diagnosis/vocabulary.ts";
import { DEMO_SOURCES } from "./demo-catalog.ts";
import { DEMO_SCENARIOS, SCENARIO_SHARES, generateDemoWorkspace, scenarioCounts, type DemoEvent } from "./demo-leads.ts";
import { DEMO_USERS } from "./demo-people.ts";

const ANCHOR = new Date("2026-03-18T14:00:00.000Z");
const SEED = 20261124;
const DAY = 86_400_000;

const workspace = generateDemoWorkspace({ seed: SEED, anchor: ANCHOR });
const { leads, events } = workspace;
const eventsByLead = new Map<string, DemoEvent[]>();
for (const e of events) eventsByLead.set(e.leadExternalId, [...(eventsByLead.get(e.leadExternalId) ?? []), e]);
const timeline = (externalId: string): DemoEvent[] => eventsByLead.get(externalId) ?? [];
const lastOf = <T>(items: T[]): T | undefined => items[items.length - 1];

describe("generateDemoWorkspace", () => {
  it("is deterministic: same seed and anchor give the same workspace, another seed a different one", () => {
    expect(generateDemoWorkspace({ seed: SEED, anchor: new Date(ANCHOR) })).toEqual(workspace);
    const other = generateDemoWorkspace({ seed: SEED + 1, anchor: ANCHOR });
    expect(other.leads.map((l) => l.email)).not.toEqual(leads.map((l) => l.email));
  });

  it("generates about 2000 leads, captured in the 12 weeks before the anchor, with ids in capture order", () => {
    expect(leads).toHaveLength(2000);
    leads.forEach((lead, i) => {
      expect(lead.externalId).toBe(`DEMO-${String(i + 1).padStart(6, "0")}`);
      expect(lead.capturedAt.getTime()).toBeLessThanOrEqual(ANCHOR.getTime());
      expect(lead.capturedAt.getTime()).toBeGreaterThanOrEqual(ANCHOR.getTime() - 85 * DAY);
      if (i > 0) expect(lead.capturedAt.getTime()).toBeGreaterThanOrEqual(leads[i - 1]!.capturedAt.getTime());
    });
  });

  it("plants every scenario within 2 percentage points of its target share", () => {
    const counts = scenarioCounts(leads.length);
    for (const scenario of DEMO_SCENARIOS) {
      const n = leads.filter((l) => l.scenario === scenario).length;
      expect(n, scenario).toBeGreaterThan(0);
      expect(n, scenario).toBe(counts[scenario]);
      expect(Math.abs(n / leads.length - SCENARIO_SHARES[scenario]), scenario).toBeLessThanOrEqual(0.02);
    }
  });

  it("averages 8 to 12 events per lead", () => {
    const average = events.length / leads.length;
    expect(average).toBeGreaterThanOrEqual(8);
    expect(average).toBeLessThanOrEqual(12);
  });

  it("gives every lead a chronological timeline that starts with its capture and ends by the anchor", () => {
    for (const lead of leads) {
      const list = timeline(lead.externalId);
      expect(list[0]?.type, lead.externalId).toBe("captured");
      expect(list[0]?.occurredAt).toEqual(lead.capturedAt);
      list.forEach((e, i) => {
        if (i > 0) expect(e.occurredAt.getTime(), e.externalId).toBeGreaterThanOrEqual(list[i - 1]!.occurredAt.getTime());
        expect(e.occurredAt.getTime()).toBeLessThanOrEqual(ANCHOR.getTime());
        expect(e.externalId).toBe(`${lead.externalId}-E${String(i + 1).padStart(2, "0")}`);
      });
    }
  });

  it("keeps each lead row consistent with its timeline", () => {
    // The outcome an event sets is the domain's rule (the import and the API follow it too).
    const outcomeOf: Readonly<Partial<Record<string, string>>> = OUTCOME_OF_EVENT;
    for (const lead of leads) {
      const list = timeline(lead.externalId);
      const owners = list.filter((e) => e.type === "assigned" || e.type === "reassigned");
      expect(lead.ownerEmail, lead.externalId).toBe(lastOf(owners)?.details.ownerId ?? null);
      expect(lead.ownerAssignedAt).toEqual(owners[0]?.occurredAt ?? null);
      const finals = list.filter((e) => e.type === "accepted" || e.type === "rejected");
      const infos = list.filter((e) => e.type === "info_requested");
      const decision = lastOf(finals) ?? lastOf(infos);
      expect(lead.acceptanceStatus, lead.externalId).toBe(decision?.type ?? "pending");
      expect(lead.decidedAt).toEqual(decision?.occurredAt ?? null);
      expect(lead.decidedByEmail).toBe(decision?.actorEmail ?? null);
      const rejected = lead.acceptanceStatus === "rejected" ? lastOf(finals) : undefined;
      expect(lead.rejectionReasonCode).toBe(rejected?.details.reasonCode ?? null);
      expect(lead.rejectionDetail).toBe(rejected?.details.reasonDetail ?? null);
      const touches = list.filter((e) => e.type === "contacted" || e.type === "meeting_booked");
      expect(lead.firstSalesActionAt).toEqual(touches[0]?.occurredAt ?? null);
      const next = lastOf(list.filter((e) => e.type === "next_action_set"));
      expect(lead.nextAction).toBe(next?.details.nextAction ?? null);
      expect(lead.nextActionDueAt?.toISOString() ?? null).toBe(next?.details.dueAt ?? null);
      const outcome = lastOf(list.filter((e) => e.type in outcomeOf));
      expect(lead.outcome).toBe(outcome ? outcomeOf[outcome.type] : "open");
      expect(lead.outcomeAt).toEqual(outcome?.occurredAt ?? null);
      const type = DEFAULT_LEAD_TYPES.find((t) => t.key === lead.leadTypeKey);
      expect(lead.priority).toBe(type?.priority ?? null);
    }
  });

  it("uses known sources, lead types, users and channels", () => {
    const users = new Set(DEMO_USERS.map((u) => u.email));
    for (const lead of leads) {
      expect(DEMO_SOURCES).toContain(lead.originalSource);
      if (lead.leadTypeKey !== null) expect(DEFAULT_LEAD_TYPES.map((t) => t.key)).toContain(lead.leadTypeKey);
      if (lead.ownerEmail !== null) expect(users.has(lead.ownerEmail)).toBe(true);
    }
    for (const e of events) {
      if (e.actorEmail !== null) expect(users.has(e.actorEmail), e.externalId).toBe(true);
      expect(e.actorEmail !== null || e.actorName !== null, e.externalId).toBe(true);
      expect(e.channel !== null).toBe(e.type === "contacted");
    }
  });

  it("shares accounts realistically: about 15% of leads sit in accounts with 2+ leads", () => {
    const perDomain = new Map<string, number>();
    for (const l of leads) if (l.accountDomain) perDomain.set(l.accountDomain, (perDomain.get(l.accountDomain) ?? 0) + 1);
    const shared = leads.filter((l) => l.accountDomain && (perDomain.get(l.accountDomain) ?? 0) >= 2).length;
    expect(Math.abs(shared / leads.length - 0.15)).toBeLessThanOrEqual(0.02);
    expect(new Set(workspace.accounts.map((a) => a.domain))).toEqual(new Set(perDomain.keys()));
    // Only duplicate-outreach pairs reuse a buyer's email.
    const byEmail = new Map<string, number>();
    for (const l of leads) if (l.email) byEmail.set(l.email, (byEmail.get(l.email) ?? 0) + 1);
    for (const l of leads) if ((byEmail.get(l.email ?? "") ?? 0) > 1) expect(l.scenario).toBe("duplicate_outreach");
  });

  it("plants missing context only in missing_context leads", () => {
    for (const lead of leads) {
      const missing = lead.conversionPoint === null || lead.leadTypeKey === null || lead.originalSource === null;
      expect(missing, lead.externalId).toBe(lead.scenario === "missing_context");
      if (lead.scenario !== "missing_context") expect(lead.campaign && lead.offer).toBeTruthy();
    }
  });

  it("keeps recent leads in progress and the daily volume flat across the 12 weeks", () => {
    const weeks = Array.from(
      { length: 12 },
      (_, w) => leads.filter((l) => Math.floor((ANCHOR.getTime() - l.capturedAt.getTime()) / (7 * DAY)) === w).length,
    );
    for (const n of weeks) expect(n).toBeGreaterThan(120);
    const lastDays = leads.filter((l) => ANCHOR.getTime() - l.capturedAt.getTime() < 2 * DAY);
    expect(lastDays.length).toBeGreaterThan(10);
    expect(lastDays.some((l) => l.acceptanceStatus === "pending" || l.outcome === "open")).toBe(true);
  });
});
