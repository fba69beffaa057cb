import { describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { latestRediagnosis, recordRediagnosisRequest, runRequestedRediagnosis } from "@/lib/rediagnosis/progress";

// The definitions page shows the re-diagnosis a change asked for: waiting, how far it got, when it was done.

describe("re-diagnosis progress", () => {
  it("is waiting when requested, counts every lead while running, and says when it was done", async () => {
    for (let i = 0; i < 5; i++) {
      await db.lead.create({ data: { externalId: `progress-${i}`, name: `Lead ${i}`, capturedAt: new Date(Date.now() - i * 3_600_000) } });
    }
    await recordRediagnosisRequest(pool, "definitions: p1 SLA targets");
    const second = await recordRediagnosisRequest(pool, "definitions: workspace calendar and windows");
    expect(await latestRediagnosis(pool)).toMatchObject({ id: second, startedAt: null, finishedAt: null, done: 0, total: null });

    const result = await runRequestedRediagnosis(pool, { now: new Date() });
    expect(result?.leads).toBe(5);
    const runs = await db.rediagnosisRun.findMany({ orderBy: { id: "asc" } });
    // One run covered both waiting requests.
    for (const run of runs) expect(run).toMatchObject({ total: 5, done: 5, startedAt: expect.any(Date), finishedAt: expect.any(Date) });
    expect(await latestRediagnosis(pool)).toMatchObject({ id: second, done: 5, total: 5, finishedAt: expect.any(Date) });

    expect(await runRequestedRediagnosis(pool)).toBeNull(); // nothing waiting, nothing run
  });
});
