import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, type SlaClock } from "@/lib/diagnosis";
import { DEFAULT_ALERT_RULES } from "@/lib/alerts/rules";
import { alertMoments, dueAlertMoments, nextAlertAt, LIVE_WINDOW_MS } from "@/lib/alerts/stages";
import { alertRecipients, type AlertLead, type AlertPeople } from "@/lib/alerts/recipients";

const p1 = DEFAULT_ALERT_RULES.find((r) => r.priority === "p1")!;
const p3 = DEFAULT_ALERT_RULES.find((r) => r.priority === "p3")!;
const T = new Date("2026-12-01T10:00:00Z");
const owner: SlaClock = {
  kind: "owner",
  priority: "p1",
  startedAt: T,
  dueAt: new Date(T.getTime() + 15 * 60_000),
  businessTime: false,
  sla: { amount: 15, unit: "minutes" },
};
const cal = DEFAULT_SETTINGS.calendar;

describe("alert moments", () => {
  it("warns a p1 clock at 50 % and 80 %, at the breach, and escalates 30 minutes later", () => {
    expect(alertMoments(owner, p1, cal).map((m) => [m.stage, m.at.toISOString()])).toEqual([
      ["warn_50", "2026-12-01T10:07:30.000Z"],
      ["warn_80", "2026-12-01T10:12:00.000Z"],
      ["breach", "2026-12-01T10:15:00.000Z"],
      ["escalation", "2026-12-01T10:45:00.000Z"],
    ]);
  });

  it("a disabled rule sends nothing", () => {
    expect(alertMoments(owner, { ...p1, enabled: false }, cal)).toEqual([]);
  });

  it("business-time clocks count working minutes, so a Friday-evening lead is warned and escalated on working days", () => {
    const friday = new Date("2026-12-04T16:00:00Z");
    const clock: SlaClock = {
      kind: "owner",
      priority: "p3",
      startedAt: friday,
      dueAt: new Date("2026-12-07T16:00:00Z"),
      businessTime: true,
      sla: { amount: 1, unit: "business_days" },
    };
    expect(alertMoments(clock, p3, cal).map((m) => [m.stage, m.at.toISOString()])).toEqual([
      ["warn_80", "2026-12-07T14:24:00.000Z"],
      ["breach", "2026-12-07T16:00:00.000Z"],
      ["escalation", "2026-12-08T12:00:00.000Z"],
    ]);
  });

  it("only moments inside the live window are due; older ones are history", () => {
    const moments = alertMoments(owner, p1, cal);
    expect(dueAlertMoments(moments, new Date(T.getTime() + 15 * 60_000)).map((m) => m.stage)).toEqual(["warn_50", "warn_80", "breach"]);
    expect(dueAlertMoments(moments, new Date(T.getTime() + 15 * 60_000 + LIVE_WINDOW_MS + 1))).toEqual([]);
    expect(dueAlertMoments(moments, new Date(T.getTime() + 45 * 60_000 + 1000)).map((m) => m.stage)).toEqual(["escalation"]);
    expect(nextAlertAt(moments, new Date(T.getTime() + 15 * 60_000))?.toISOString()).toBe("2026-12-01T10:45:00.000Z");
  });
});

describe("alert recipients", () => {
  const people: AlertPeople = {
    managers: [
      { id: 10, teamId: 1 },
      { id: 11, teamId: 2 },
    ],
    marketing: [20],
    admins: [30],
    teams: [
      { id: 1, name: "Inbound Sales" },
      { id: 2, name: "Mid-Market" },
    ],
  };
  const queued: AlertLead = { id: 1, name: "x", ownerId: null, ownerTeamId: null, queue: "Inbound Sales queue" };
  const owned: AlertLead = { id: 1, name: "x", ownerId: 5, ownerTeamId: 2, queue: null };

  it("a lead nobody owns goes to its queue's team's managers", () => {
    expect(alertRecipients(queued, "owner", "warning", p1, people)).toEqual([10]);
  });
  it("an unknown queue goes to every sales manager", () => {
    expect(alertRecipients({ ...queued, queue: "Partner leads queue" }, "owner", "breach", p1, people)).toEqual([10, 11]);
  });
  it("the owner is warned; at the breach the owner's team managers hear too", () => {
    expect(alertRecipients(owned, "first_action", "warning", p1, people)).toEqual([5]);
    expect(alertRecipients(owned, "first_action", "breach", p1, people)).toEqual([5, 11]);
  });
  it("marketing hears of its unanswered info requests", () => {
    expect(alertRecipients(owned, "info_request", "warning", p1, people)).toEqual([20]);
  });
  it("escalations go to the named person, else the admins", () => {
    expect(alertRecipients(owned, "decision", "escalation", p1, people)).toEqual([30]);
    expect(alertRecipients(owned, "decision", "escalation", { ...p1, escalateToId: 42 }, people)).toEqual([42]);
  });
});
