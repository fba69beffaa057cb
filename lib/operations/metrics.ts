import "server-only";
import { requestMetricsText } from "@/lib/actions/request-metrics";
import { pool, replicaStatus, type ReplicaStatus } from "@/lib/db";
import { REDIAGNOSE_ALL, REDIAGNOSE_OPEN } from "@/lib/rediagnosis/jobs";

// /api/metrics in Prometheus' text format: this instance's requests and connection pool, and the
// deployment's job queue and re-diagnosis lag read from PostgreSQL (the same figures on every instance).

function gauge(name: string, help: string, samples: { labels?: string; value: number }[]): string {
  const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} gauge`];
  for (const sample of samples)
    lines.push(`${name}${sample.labels ? `{${sample.labels}}` : ""} ${Number.isFinite(sample.value) ? sample.value : 0}`);
  return lines.join("\n");
}

interface QueueRow {
  name: string;
  state: string;
  jobs: number;
  oldest_seconds: number;
}

async function queueRows(): Promise<QueueRow[] | null> {
  try {
    const { rows } = await pool.query<QueueRow>(
      `SELECT name, state::text AS state, count(*)::int AS jobs, COALESCE(extract(epoch FROM now() - min(created_on)), 0)::float8 AS oldest_seconds
         FROM pgboss.job WHERE state IN ('created', 'retry', 'active') GROUP BY name, state ORDER BY name, state`,
    );
    return rows;
  } catch {
    return null; // pg-boss has not created its schema yet (no worker started): no queue to report
  }
}

/** Only with DATABASE_REPLICA_URL: whether lag-tolerant reads go to the replica, its lag and its pool. */
function replicaGauges(replica: ReplicaStatus | null): string[] {
  if (!replica) return [];
  return [
    gauge("baton_db_replica_serving", "1 while lag-tolerant reads go to the read replica, 0 while they fall back to the primary.", [
      { value: replica.serving ? 1 : 0 },
    ]),
    gauge(
      "baton_db_replica_lag_seconds",
      "How far the read replica was behind the primary at the last check (0 when caught up).",
      replica.lagSeconds === null ? [] : [{ value: replica.lagSeconds }],
    ),
    gauge("baton_db_replica_pool_connections", "Connections of this instance's read replica pool, by state.", [
      { labels: 'state="total"', value: replica.connections.total },
      { labels: 'state="idle"', value: replica.connections.idle },
      { labels: 'state="in_use"', value: replica.connections.total - replica.connections.idle },
    ]),
    gauge("baton_db_replica_pool_waiting_requests", "Queries of this instance waiting for a free read replica connection.", [
      { value: replica.connections.waiting },
    ]),
  ];
}

export async function collectMetrics(): Promise<string> {
  const [queued, replica] = await Promise.all([queueRows(), replicaStatus()]);
  const queue = queued ?? [];
  const rediagnosis = queue.filter((row) => row.name === REDIAGNOSE_ALL || row.name === REDIAGNOSE_OPEN);
  const label = (row: QueueRow) => `queue="${row.name.replace(/["\\\n]/g, "_")}",state="${row.state}"`;
  return [
    requestMetricsText(),
    gauge("baton_db_pool_connections", "Connections of this instance's PostgreSQL pool, by state.", [
      { labels: 'state="total"', value: pool.totalCount },
      { labels: 'state="idle"', value: pool.idleCount },
      { labels: 'state="in_use"', value: pool.totalCount - pool.idleCount },
    ]),
    gauge("baton_db_pool_waiting_requests", "Queries of this instance waiting for a free connection.", [{ value: pool.waitingCount }]),
    ...replicaGauges(replica),
    gauge(
      "baton_job_queue_depth",
      "Background jobs not finished yet (pg-boss), by queue and state.",
      queue.map((row) => ({ labels: label(row), value: row.jobs })),
    ),
    gauge(
      "baton_job_queue_oldest_seconds",
      "Age of the oldest unfinished job, by queue and state.",
      queue.map((row) => ({ labels: label(row), value: row.oldest_seconds })),
    ),
    gauge(
      "baton_rediagnosis_lag_seconds",
      "How long the oldest pending re-diagnosis has waited (0 when none is pending): stored diagnoses are at most this much behind.",
      [{ value: Math.max(0, ...rediagnosis.map((row) => row.oldest_seconds)) }],
    ),
    "",
  ].join("\n");
}
