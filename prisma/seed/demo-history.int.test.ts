import { describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { findFixOutcomes } from "@/lib/report/fix-outcomes";
import { loadAndDiagnoseDemo } from "../../scripts/db/demo.ts";

// The demo's first visit: two past meetings with their decisions and the fixes they agreed, done weeks
// ago, and the handoff report's own "Did the fix help?" query finds each fix's failure down since.

const NOW = new Date("2026-11-18T10:00:00Z");
const CALENDAR = { timeZone: "America/New_York", workingDays: [1, 2, 3, 4, 5], workdayStartMinute: 540, workdayEndMinute: 1020 };

describe("the demo's past meetings and fixes", () => {
  it("hold decided agendas, and each done fix shows its failure down in the report's before and after", async () => {
    await loadAndDiagnoseDemo(process.env.DATABASE_URL!, { anchor: NOW, now: NOW, force: true });

    const meetings = await db.meeting.findMany({
      orderBy: { scheduledFor: "asc" },
      select: {
        status: true,
        scheduledFor: true,
        items: { select: { decision: true } },
        fixes: { select: { status: true, doneAt: true } },
      },
    });
    expect(meetings).toHaveLength(2);
    for (const meeting of meetings) {
      expect(meeting.status).toBe("ended");
      expect(meeting.scheduledFor.getTime()).toBeLessThan(NOW.getTime() - 28 * 86_400_000);
      expect(meeting.items.filter((item) => item.decision === "confirmed_failure")).toHaveLength(3);
      expect(meeting.items.every((item) => item.decision !== null)).toBe(true);
      expect(meeting.fixes).toEqual([{ status: "done", doneAt: expect.any(Date) }]);
    }

    const outcomes = await findFixOutcomes(pool, CALENDAR, NOW);
    expect(outcomes.map((outcome) => [outcome.failurePoint, outcome.verdict])).toEqual([
      ["weak_feedback", "down"],
      ["slow_timing", "down"],
    ]);
    for (const outcome of outcomes) {
      expect(outcome.before.leads, "a full window of leads before").toBeGreaterThan(300);
      expect(outcome.after.leads, "a full window of leads after").toBeGreaterThan(300);
      expect(outcome.after.rate!, `${outcome.title}: ${outcome.before.rate} → ${outcome.after.rate}`).toBeLessThan(
        outcome.before.rate! * 0.8,
      );
    }
  });
});
