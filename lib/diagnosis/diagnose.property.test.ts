/**
 * Property tests: arbitrary (often nonsensical) timelines built from the vocabulary. Whatever the
 * data, the diagnosis must not throw, must be deterministic, must not depend on the order in which
 * events or related outreach arrive, and its parts (flag, severity, elements, symptoms) must agree.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_LEAD_TYPES, DEFAULT_REJECTION_REASONS, DEFAULT_SETTINGS, findLeadType } from "./defaults";
import { diagnoseLead } from "./diagnose";
import { ELEMENT_OF_FAILURE_POINT } from "./elements";
import { T0 } from "./test-fixtures";
import type { DiagnosisEvent, DiagnosisInput, RelatedOutreach } from "./types";
import { ACCEPTANCE_STATUSES, CHANNELS, EVENT_TYPES, HANDOFF_ELEMENTS, OUTCOMES, PRIORITIES, STEP_IDS } from "./vocabulary";

const MINUTE = 60_000;
const PEOPLE = ["rep-a", "rep-b", "rep-c", "router"];
const CRITERIA_IDS = [...new Set(DEFAULT_LEAD_TYPES.flatMap((t) => t.acceptanceCriteria.map((c) => c.id))), "unknown_criterion"];
const CODES = [...DEFAULT_REJECTION_REASONS.map((r) => r.code), "made_up", ""];
const TEXTS = ["", "-", "n/a", "not interested", "Only 3 employees, far below our ICP", "Budget frozen until Q3 2025"];
const CALENDARS = [
  DEFAULT_SETTINGS.calendar,
  { ...DEFAULT_SETTINGS.calendar, timeZone: "America/New_York" },
  { ...DEFAULT_SETTINGS.calendar, timeZone: "Australia/Sydney", workingDays: [0, 1, 2, 3, 4] },
  { ...DEFAULT_SETTINGS.calendar, timeZone: "Not/AZone", workingDays: [] },
];
/** Around the 2024 US spring-forward change, so DST is exercised too. */
const BASES = [T0, new Date("2024-03-08T15:00:00Z")];

const minutes = fc.integer({ min: -120, max: 45 * 24 * 60 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const detailsArb = fc
  .record({
    ownerId: maybe(fc.constantFrom(...PEOPLE, "")),
    queue: maybe(fc.constantFrom("inbound", "emea")),
    criteria: maybe(fc.dictionary(fc.constantFrom(...CRITERIA_IDS), fc.boolean(), { maxKeys: 5 })),
    reasonCode: maybe(fc.constantFrom(...CODES)),
    reasonDetail: maybe(fc.constantFrom(...TEXTS)),
    nextAction: maybe(fc.constantFrom("Call back", "")),
    dueAt: maybe(
      fc.oneof(
        minutes.map((m) => new Date(T0.getTime() + m * MINUTE).toISOString()),
        fc.constant("not a date"),
      ),
    ),
  })
  .map((d) => Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)));

const eventArb = fc.record({
  id: fc.constantFrom("e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8"),
  type: fc.constantFrom(...EVENT_TYPES),
  at: minutes,
  actorId: fc.option(fc.constantFrom(...PEOPLE), { nil: null }),
  channel: fc.option(fc.constantFrom(...CHANNELS), { nil: null }),
  details: detailsArb,
});

const relatedArb = fc.record({
  leadId: fc.constantFrom("lead-1", "lead-2", "lead-3"),
  actorId: fc.constantFrom(...PEOPLE),
  at: fc.integer({ min: -30 * 24 * 60, max: 30 * 24 * 60 }),
  match: fc.constantFrom("email" as const, "account" as const),
});

const inputArb: fc.Arbitrary<DiagnosisInput> = fc
  .record({
    base: fc.constantFrom(...BASES),
    calendar: fc.constantFrom(...CALENDARS),
    leadTypeKey: fc.option(fc.constantFrom(...DEFAULT_LEAD_TYPES.map((t) => t.key), "mystery"), { nil: null }),
    priority: fc.option(fc.constantFrom(...PRIORITIES), { nil: null }),
    ownerId: fc.option(fc.constantFrom(...PEOPLE), { nil: null }),
    source: fc.option(fc.constantFrom("paid_search", "webinar", "outbound", ""), { nil: null }),
    acceptanceStatus: fc.constantFrom(...ACCEPTANCE_STATUSES),
    outcome: fc.constantFrom(...OUTCOMES),
    rejectionReasonCode: fc.option(fc.constantFrom(...CODES), { nil: null }),
    rejectionDetail: fc.option(fc.constantFrom(...TEXTS), { nil: null }),
    nextAction: fc.option(fc.constantFrom("Call back", ""), { nil: null }),
    nextDue: fc.option(minutes, { nil: null }),
    events: fc.array(eventArb, { maxLength: 14 }),
    duplicateSome: fc.boolean(),
    related: fc.array(relatedArb, { maxLength: 5 }),
    now: fc.integer({ min: 0, max: 90 * 24 * 60 }),
  })
  .map((r) => {
    const at = (m: number) => new Date(r.base.getTime() + m * MINUTE);
    let events: DiagnosisEvent[] = r.events.map((e) => ({
      id: e.id,
      type: e.type,
      occurredAt: at(e.at),
      actorId: e.actorId,
      channel: e.channel,
      details: e.details,
    }));
    if (r.duplicateSome) events = [...events, ...events.slice(0, 3).map((e) => ({ ...e, id: `${e.id}-copy` }))];
    const related: RelatedOutreach[] = r.related.map((x) => ({
      leadId: x.leadId,
      actorId: x.actorId,
      occurredAt: at(x.at),
      match: x.match,
    }));
    return {
      lead: {
        id: "lead-1",
        capturedAt: r.base,
        originalSource: r.source,
        campaign: null,
        offer: "Demo",
        conversionPoint: "/form",
        landingPage: null,
        buyerMessage: null,
        leadTypeKey: r.leadTypeKey,
        priority: r.priority,
        ownerId: r.ownerId,
        queue: null,
        acceptanceStatus: r.acceptanceStatus,
        rejectionReasonCode: r.rejectionReasonCode,
        rejectionDetail: r.rejectionDetail,
        nextAction: r.nextAction,
        nextActionDueAt: r.nextDue === null ? null : at(r.nextDue),
        outcome: r.outcome,
        email: "b@x.example",
        accountDomain: "x.example",
      },
      events,
      leadType: findLeadType(r.leadTypeKey),
      settings: { ...DEFAULT_SETTINGS, calendar: r.calendar },
      rejectionReasons: DEFAULT_REJECTION_REASONS,
      relatedOutreach: related,
      now: at(r.now),
    };
  });

/** An input plus a shuffled copy of its events and related outreach. */
const shuffledArb = inputArb.chain((input) =>
  fc.tuple(
    fc.constant(input),
    fc.shuffledSubarray(input.events, { minLength: input.events.length }),
    fc.shuffledSubarray(input.relatedOutreach, { minLength: input.relatedOutreach.length }),
  ),
);

const RUNS = { numRuns: 300 };

describe("diagnoseLead properties", () => {
  it("never throws and always returns a well-formed diagnosis", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const d = diagnoseLead(input);
        expect(d.steps.map((s) => s.step)).toEqual([...STEP_IDS]);
        expect(Number.isInteger(d.severity) && d.severity >= 0 && d.severity <= 100).toBe(true);
        const failing = d.steps.filter((s) => s.status === "fail");
        expect(d.flagged).toBe(failing.length > 0);
        expect(d.firstBrokenStep).toBe(failing[0]?.step ?? null);
        expect(d.severity === 0).toBe(!d.flagged);
        for (const s of d.steps) {
          const hasPoints = s.failurePoints.length > 0;
          expect(hasPoints).toBe(s.status === "fail" || s.status === "warn");
          expect(s.summary.length).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });

  it("is deterministic: the same input twice gives deep-equal output", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(diagnoseLead(input)).toEqual(diagnoseLead(input));
      }),
      RUNS,
    );
  });

  it("does not depend on the order of events or related outreach", () => {
    fc.assert(
      fc.property(shuffledArb, ([input, events, relatedOutreach]) => {
        expect(diagnoseLead({ ...input, events, relatedOutreach })).toEqual(diagnoseLead(input));
      }),
      RUNS,
    );
  });

  it("does not depend on the order of related outreach alone", () => {
    fc.assert(
      fc.property(shuffledArb, ([input, , relatedOutreach]) => {
        expect(diagnoseLead({ ...input, relatedOutreach })).toEqual(diagnoseLead(input));
      }),
      RUNS,
    );
  });
});

describe("a lead page never contradicts itself (consistency properties)", () => {
  it("flagged iff some step fails, and severity is 0 iff the lead is not flagged", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const d = diagnoseLead(input);
        expect(d.flagged).toBe(d.steps.some((s) => s.status === "fail"));
        expect(d.severity === 0).toBe(!d.flagged);
        expect(d.failurePoints.length > 0).toBe(d.flagged);
      }),
      RUNS,
    );
  });

  it("derives the elements panel from the same result as the steps", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const d = diagnoseLead(input);
        expect(d.elements.map((e) => e.element)).toEqual([...HANDOFF_ELEMENTS]);
        for (const e of d.elements) {
          const mapsHere = (s: (typeof d.steps)[number]) => s.failurePoints.some((p) => ELEMENT_OF_FAILURE_POINT[p] === e.element);
          const failing = d.steps.some((s) => s.status === "fail" && mapsHere(s));
          const warning = d.steps.some((s) => s.status === "warn" && mapsHere(s));
          // A failing step breaks its element, and only a failing step does.
          expect(e.status === "broken").toBe(failing);
          // An element the steps warn about is never shown as fine.
          if (warning) expect(e.status === "present" || e.status === "pending" || e.status === "not_needed").toBe(false);
          if (e.status === "pending" || e.status === "not_needed")
            expect(d.steps.find((s) => s.step === e.step)?.status).toMatch(/pending|not_applicable|pass/);
          if (e.status === "present") expect(e.reason).toBeNull();
          else expect(e.reason).toBeTruthy();
        }
      }),
      RUNS,
    );
  });

  it("shows a symptom card only when a step failed, and worked_twice only with duplicate outreach", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const d = diagnoseLead(input);
        if (!d.flagged) expect(d.symptoms).toEqual([]);
        expect(d.symptoms.some((s) => s.id === "worked_twice")).toBe(d.facts.duplicateOutreach);
      }),
      RUNS,
    );
  });
});
