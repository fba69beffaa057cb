import { describe, expect, it, vi } from "vitest";

const TOKEN = vi.hoisted(() => {
  process.env.METRICS_TOKEN = "metrics-test-token-0123456789";
  return process.env.METRICS_TOKEN;
});

const { GET } = await import("@/app/api/metrics/route");
const { getBoss, stopBoss } = await import("@/lib/jobs/boss");
const { REDIAGNOSE_ALL } = await import("@/lib/rediagnosis/jobs");
const { pool } = await import("@/lib/db");

async function scrape(authorization?: string): Promise<Response> {
  return GET(new Request("http://baton.test/api/metrics", { headers: authorization ? { authorization } : {} }));
}

describe("GET /api/metrics", () => {
  it("refuses a scraper without the token", async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape("Bearer not-the-token-at-all")).status).toBe(401);
  });

  it("reports pool usage, the job queue's depth and age, the re-diagnosis lag and API latencies", async () => {
    const boss = await getBoss();
    try {
      await boss.createQueue(REDIAGNOSE_ALL, { name: REDIAGNOSE_ALL, policy: "stately" });
      await boss.send(REDIAGNOSE_ALL, { reason: "metrics test" });
      await pool.query("UPDATE pgboss.job SET created_on = now() - interval '90 seconds' WHERE name = $1", [REDIAGNOSE_ALL]);
      // An API request, so the latency histogram has a series.
      const request = new Request("http://baton.test/api/v1/leads", { headers: { authorization: "Bearer baton_nope" } });
      const { GET: leads } = await import("@/app/api/v1/leads/route");
      expect((await leads(request, { params: Promise.resolve({}) })).status).toBe(401);

      const response = await scrape(`Bearer ${TOKEN}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("text/plain; version=0.0.4");
      const text = await response.text();
      expect(text).toMatch(/^baton_db_pool_connections\{state="total"\} \d+$/m);
      expect(text).toMatch(/^baton_db_pool_waiting_requests 0$/m);
      expect(text).toContain(`baton_job_queue_depth{queue="${REDIAGNOSE_ALL}",state="created"} 1`);
      const lag = Number(text.match(/^baton_rediagnosis_lag_seconds (\S+)$/m)?.[1]);
      expect(lag).toBeGreaterThanOrEqual(90);
      expect(text).toMatch(/^baton_request_duration_seconds_count\{kind="api",name="leads\.read",status="4xx"\} 1$/m);
      expect(text).toMatch(/^baton_request_duration_seconds_bucket\{kind="api",name="leads\.read",status="4xx",le="\+Inf"\} 1$/m);
    } finally {
      await stopBoss();
    }
  });
});
