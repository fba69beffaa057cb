// SLA alerts under a burst: 1,000 fresh p1 leads nobody owns, whose owner SLAs all run out within the
// same minute (starting about two and a half minutes from now, so their 50 % and 80 % warnings go out
// first, as they would have), on top of the dataset's open leads. The scheduler ticks as in production
// (every SCHEDULER_TICK_MS, draining what is due), the delivery worker sends by email to a real local
// SMTP server, and each breach email's latency is measured from its deadline to the moment the SMTP
// server accepted it. Also the scheduler's database time per minute, idle and during the burst.
import type pg from "pg";
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { runAlertScheduler } from "../../lib/alerts/scheduler.ts";
import { runSchedulerUntilDrained, SCHEDULER_TICK_MS, startDeliveryWorker } from "../../lib/alerts/workers.ts";
import { closeMailTransports } from "../../lib/notify/channels.ts";
import { stopBoss } from "../../lib/jobs/boss.ts";
import { rediagnoseLeads } from "../../lib/rediagnosis/run.ts";
import { percentile } from "./measure.ts";
import type { Figure } from "./report.ts";

const BURST = 1_000;
const LEAD_IN_MS = 150_000;
const MINUTE = 60_000;

async function startSink(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData: (stream, _s, done) => stream.on("end", () => done()).resume(),
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function createBurst(pool: pg.Pool, runId: string): Promise<number[]> {
  const { rows: types } = await pool.query<{ id: number }>("SELECT id FROM lead_types WHERE priority = 'p1' ORDER BY id LIMIT 1");
  const { rows: slas } = await pool.query<{ minutes: number }>(
    "SELECT CASE owner_sla_unit WHEN 'hours' THEN owner_sla_amount * 60 ELSE owner_sla_amount END AS minutes FROM priority_slas WHERE priority = 'p1' AND owner_sla_unit <> 'business_days'",
  );
  const slaMinutes = slas[0]?.minutes ?? 15;
  // Deadlines spread over one minute starting LEAD_IN_MS from now.
  const start = Date.now() + LEAD_IN_MS - slaMinutes * MINUTE;
  const { rows } = await pool.query<{ id: number }>(
    `INSERT INTO leads (source_system, external_id, name, captured_at, original_source, conversion_point, lead_type_id, queue, updated_at)
     SELECT 'bench-alerts', $1 || '-' || i, 'Burst lead ' || i, to_timestamp(($2::float8 + (i * 60000.0 / $3)) / 1000), 'website', '/demo', $4, 'Inbound queue', now()
     FROM generate_series(1, $3::int) AS i RETURNING id`,
    [runId, start, BURST, types[0]?.id ?? null],
  );
  const ids = rows.map((row) => row.id);
  await pool.query(
    `INSERT INTO handoff_events (lead_id, type, occurred_at, source_system) SELECT id, 'captured', captured_at, 'bench-alerts' FROM leads WHERE id = ANY($1::int[])`,
    [ids],
  );
  for (let i = 0; i < ids.length; i += 500) await rediagnoseLeads(pool, ids.slice(i, i + 500));
  return ids;
}

export async function measureAlerts(pool: pg.Pool): Promise<Figure[]> {
  const sink = await startSink();
  process.env.SMTP_URL = sink.url;
  const runId = `burst-${Date.now()}`;
  let ids: number[] = [];
  try {
    // Idle: ticks with nothing due (the dataset's deadlines are history).
    const idle: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await runAlertScheduler(pool);
      idle.push(performance.now() - started);
    }
    ids = await createBurst(pool, runId);
    await startDeliveryWorker({ pollingIntervalSeconds: 1 });
    const busy: number[] = [];
    const until = Date.now() + LEAD_IN_MS + MINUTE + 2 * SCHEDULER_TICK_MS;
    while (Date.now() < until) {
      const started = performance.now();
      await runSchedulerUntilDrained();
      busy.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, SCHEDULER_TICK_MS));
    }
    // Let the last sends finish.
    const query = `SELECT EXTRACT(EPOCH FROM (d.sent_at - a.deadline_at)) * 1000 AS ms, d.status::text AS status
       FROM sla_alerts a JOIN notifications n ON n.lead_id = a.lead_id AND n.user_id = a.recipient_id AND n.kind = 'sla_breach'
       JOIN deliveries d ON d.notification_id = n.id AND d.channel = 'email'
       WHERE a.stage = 'breach' AND a.lead_id = ANY($1::int[])`;
    let rows: { ms: number | null; status: string }[] = [];
    for (let wait = 0; wait < 60; wait++) {
      rows = (await pool.query<{ ms: number | null; status: string }>(query, [ids])).rows;
      if (rows.length > 0 && rows.every((row) => row.status !== "queued")) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const latencies = rows
      .filter((row) => row.ms !== null)
      .map((row) => Number(row.ms))
      .sort((a, b) => a - b);
    const perMinute = (runs: number[]) => (runs.reduce((sum, ms) => sum + ms, 0) / runs.length) * (MINUTE / SCHEDULER_TICK_MS);
    const { rows: told } = await pool.query<{ alerts: number; emails: number }>(
      `SELECT count(*)::int AS alerts, (SELECT count(*)::int FROM deliveries d WHERE d.lead_id = ANY($1::int[]) AND d.channel = 'email') AS emails
       FROM sla_alerts WHERE lead_id = ANY($1::int[])`,
      [ids],
    );
    console.log(
      `  ${latencies.length} breach emails sent for ${BURST} deadlines in one minute (${rows.length - latencies.length} not sent); ${told[0]?.alerts} alerts, ${told[0]?.emails} emails in all`,
    );
    return [
      {
        area: "alerts",
        name: "deadline to breach email accepted by SMTP, p50",
        detail: `${latencies.length} emails`,
        value: percentile(latencies, 50) / 1000,
        unit: "s",
        target: "< 60 s",
        ok: percentile(latencies, 50) < 60_000,
      },
      {
        area: "alerts",
        name: "deadline to breach email accepted by SMTP, p95",
        value: percentile(latencies, 95) / 1000,
        unit: "s",
        target: "< 60 s",
        ok: percentile(latencies, 95) < 60_000,
      },
      { area: "alerts", name: "scheduler database time per minute, nothing due", value: perMinute(idle), unit: "ms/min" },
      {
        area: "alerts",
        name: `scheduler database time per minute, ${BURST} deadlines in the minute`,
        value: perMinute(busy),
        unit: "ms/min",
      },
    ];
  } finally {
    await stopBoss();
    closeMailTransports();
    await sink.close();
    if (ids.length) await pool.query("DELETE FROM leads WHERE id = ANY($1::int[])", [ids]);
  }
}
