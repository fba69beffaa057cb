import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findQueue } from "@/lib/decisions/queue-queries";
import { loadAndDiagnoseDemo } from "./demo.ts";

// The demo is anchored to the moment it is loaded: loaded today or a day later, the demo rep's queue
// holds leads minutes or hours old (what a working team sees), never weeks-old leftovers.
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function repQueueAges(now: Date): Promise<number[]> {
  await loadAndDiagnoseDemo(process.env.DATABASE_URL!, { anchor: now, now, force: true });
  const rep = await db.user.findFirstOrThrow({
    where: { email: "rep@demo.baton.dev" },
    select: { id: true, name: true, role: true, teamId: true },
  });
  const queue = await findQueue(rep, { now });
  return queue.items.map((item) => now.getTime() - new Date(item.capturedAt).getTime());
}

describe("the demo's queue, loaded twice a day apart", () => {
  // A Tuesday and a Wednesday, mid-morning in the demo's time zone: the clock is injected, not read.
  it.each([new Date("2026-11-17T10:00:00Z"), new Date("2026-11-18T10:00:00Z")])(
    "loaded at %s: most items are minutes or hours old and none is weeks old",
    async (now) => {
      const ages = await repQueueAges(now);
      expect(ages.length, "the demo rep has a queue").toBeGreaterThanOrEqual(3);
      const fresh = ages.filter((age) => age < DAY);
      expect(fresh.length / ages.length, `ages in hours: ${ages.map((age) => Math.round(age / HOUR)).join(", ")}`).toBeGreaterThanOrEqual(
        0.5,
      );
      expect(Math.max(...ages)).toBeLessThan(14 * DAY);
    },
    300_000,
  );
});
