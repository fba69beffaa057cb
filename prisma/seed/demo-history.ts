/**
 * The demo team's past: two alignment meetings, weeks ago, each walking the leads of one failure and ending
 * with a fix that was then done. The data bears the fixes out: the failure each one targeted is planted
 * less often in leads captured after the fix was done (CAPTURE_DAY_WEIGHT, used when capture times are
 * drawn), so "Did the fix help?" on the dashboard and in the handoff report shows a real before and after
 * on the first visit, measured by the same queries as any team's, not a number written here.
 */
import type { FailurePoint, FixType } from "../../lib/diagnosis/vocabulary.ts";
import type { FixMetric } from "../../lib/fixes/metrics.ts";
import { DEMO_LOGINS, demoUser } from "./demo-people.ts";
import type { DemoLead, DemoScenario } from "./demo-types.ts";

const DAY = 86_400_000;
const MINUTE = 60_000;

interface DemoFix {
  scenario: DemoScenario;
  /** The fix was marked done this many days before the anchor; the meeting that agreed it, three days earlier. */
  doneDaysAgo: number;
  /** How often the scenario is planted in leads captured after the fix, relative to before. */
  afterWeight: number;
  meetingTitle: string;
  title: string;
  description: string;
  fixType: FixType;
  failurePoint: FailurePoint;
  expectedMetric: FixMetric;
  ownerEmail: string;
  /** What the meeting wrote on each lead it confirmed. */
  confirmedNote: string;
}

export const DEMO_FIXES: readonly DemoFix[] = [
  {
    scenario: "accepted_no_action",
    doneDaysAgo: 49,
    afterWeight: 0.25,
    meetingTitle: "Weekly alignment: accepted and then nothing",
    title: "A first-call task, due within the first-action SLA, for the owner of every accepted lead",
    description:
      "Accepted leads sat for days without a call because nothing reminded the owner. The CRM now creates a call task on acceptance, due within the priority's first-action SLA, and the manager's queue shows the overdue ones.",
    fixType: "owner_rule",
    failurePoint: "slow_timing",
    expectedMetric: "no_action_accepted",
    ownerEmail: DEMO_LOGINS.manager,
    confirmedNote: "Accepted, then no call or email within the SLA: the owner had no task to remind them.",
  },
  {
    scenario: "rejected_without_reason",
    doneDaysAgo: 35,
    afterWeight: 0.3,
    meetingTitle: "Weekly alignment: rejections marketing cannot learn from",
    title: "Rejections need a reason code and one line marketing can act on, read in the weekly review",
    description:
      "Marketing could not tell why leads were turned down. Reps now pick a reason code and add a specific detail where the code asks for one, and the weekly alignment meeting opens with last week's rejections.",
    fixType: "feedback_cadence",
    failurePoint: "weak_feedback",
    expectedMetric: "rejection_reason_quality",
    ownerEmail: DEMO_LOGINS.marketing,
    confirmedNote: "Rejected with no usable reason: marketing cannot tell what to change.",
  },
];

const MEETING_DAYS_BEFORE_FIX = 3;
/** The meeting walks leads captured in the three weeks before it. */
const AGENDA_LOOKBACK_DAYS = 21;
const CONFIRMED_PER_MEETING = 3;

/** Per scenario: the weight of a capture day `back` days before the anchor (see DEMO_FIXES). */
export const CAPTURE_DAY_WEIGHT: Partial<Record<DemoScenario, (back: number) => number>> = Object.fromEntries(
  DEMO_FIXES.map((fix) => [fix.scenario, (back: number) => (back >= fix.doneDaysAgo ? 1 : fix.afterWeight)]),
);

export interface DemoMeetingItem {
  leadExternalId: string;
  position: number;
  decision: "confirmed_failure" | "not_a_failure";
  decisionNote: string;
  decidedByEmail: string;
  decidedAt: Date;
}

export interface DemoMeeting {
  title: string;
  scheduledFor: Date;
  endedAt: Date;
  createdByEmail: string;
  attendeeEmails: string[];
  items: DemoMeetingItem[];
  fix: Omit<DemoFix, "scenario" | "doneDaysAgo" | "afterWeight" | "meetingTitle" | "confirmedNote"> & {
    doneAt: Date;
    createdByEmail: string;
    leadExternalIds: string[];
  };
}

/** 10:00 in the anchor's day arithmetic (UTC): a plausible meeting slot, deterministic for a given anchor. */
function daysBefore(anchor: Date, days: number, hour: number): Date {
  const day = new Date(anchor.getTime() - days * DAY);
  day.setUTCHours(hour, 0, 0, 0);
  return day;
}

export function planPastMeetings(leads: readonly DemoLead[], anchor: Date): DemoMeeting[] {
  return DEMO_FIXES.map((fix) => {
    const scheduledFor = daysBefore(anchor, fix.doneDaysAgo + MEETING_DAYS_BEFORE_FIX, 10);
    const inWindow = (lead: DemoLead) =>
      lead.capturedAt.getTime() < scheduledFor.getTime() - 2 * DAY &&
      lead.capturedAt.getTime() >= scheduledFor.getTime() - AGENDA_LOOKBACK_DAYS * DAY;
    const newestFirst = (a: DemoLead, b: DemoLead) => b.capturedAt.getTime() - a.capturedAt.getTime();
    const confirmed = leads
      .filter((lead) => lead.scenario === fix.scenario && inWindow(lead))
      .sort(newestFirst)
      .slice(0, CONFIRMED_PER_MEETING);
    const healthy = leads.filter((lead) => lead.scenario === "healthy" && inWindow(lead)).sort(newestFirst)[0];
    const facilitator = DEMO_LOGINS.marketing;
    const decidedAt = (position: number) => new Date(scheduledFor.getTime() + (8 + position * 9) * MINUTE);
    const items: DemoMeetingItem[] = confirmed.map((lead, position) => ({
      leadExternalId: lead.externalId,
      position,
      decision: "confirmed_failure",
      decisionNote: fix.confirmedNote,
      decidedByEmail: facilitator,
      decidedAt: decidedAt(position),
    }));
    if (healthy)
      items.push({
        leadExternalId: healthy.externalId,
        position: items.length,
        decision: "not_a_failure",
        decisionNote: "Handled inside every SLA: brought as a comparison, not a failure.",
        decidedByEmail: facilitator,
        decidedAt: decidedAt(items.length),
      });
    const owner = demoUser(fix.ownerEmail);
    return {
      title: fix.meetingTitle,
      scheduledFor,
      endedAt: new Date(scheduledFor.getTime() + 50 * MINUTE),
      createdByEmail: facilitator,
      attendeeEmails: [facilitator, DEMO_LOGINS.manager, DEMO_LOGINS.revops],
      items,
      fix: {
        title: fix.title,
        description: fix.description,
        fixType: fix.fixType,
        failurePoint: fix.failurePoint,
        expectedMetric: fix.expectedMetric,
        ownerEmail: owner.email,
        createdByEmail: facilitator,
        doneAt: daysBefore(anchor, fix.doneDaysAgo, 16),
        leadExternalIds: confirmed.map((lead) => lead.externalId),
      },
    };
  });
}
