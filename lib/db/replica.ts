import "server-only";
import { readReplicas } from "@prisma/extension-read-replicas";
import type pg from "pg";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Queryable } from "@/lib/db/queryable";

// Routing for the reads that tolerate a few seconds of lag (dashboards, the report, lists, exports) to a
// PostgreSQL streaming replica. Everything else — writes, and the reads that must see a write just made —
// keeps using `db` and `pool`, which are the primary's. The replica is used only while it answers and is
// at most DATABASE_REPLICA_MAX_LAG_SECONDS behind; otherwise those reads go to the primary too. Its health
// is cached per instance for a few seconds: a cache of the replica's state, not shared application state.

/** What a lag-tolerant read runs on: the replica while it is healthy, else the primary. */
export interface LaggyReads {
  /** Raw SQL (lib/db's runSql and queryEach). */
  pool: Queryable;
  /** Prisma: model reads go to `source`; a write made through it still goes to the primary. */
  prisma: PrismaClient;
  source: "replica" | "primary";
}

export interface DatabaseServer {
  pool: pg.Pool;
  prisma: PrismaClient;
}

/** Why the replica is not used: the kind decides when to log again, the reason says it. */
type Problem = "unreachable" | "lagging" | "not a standby" | "lag unknown";
/** `lagSeconds`: as last measured (0 when caught up), absent when it could not be. */
type Health = { usable: true; lagSeconds: number } | { usable: false; problem: Problem; reason: string; lagSeconds?: number };

/** For /api/metrics: where lag-tolerant reads go now, the lag last measured and the replica pool's use. */
export interface ReplicaStatus {
  serving: boolean;
  lagSeconds: number | null;
  connections: { total: number; idle: number; waiting: number };
}

/** How long a measured state is trusted: at most one lag check per interval per instance. The bound is
 * thus kept to within about this interval. */
export const REPLICA_CHECK_INTERVAL_MS = 2_000;
const CHECK_TIMEOUT_MS = 2_000;

// The replica's replay position against the primary's current WAL position. Caught up: nothing to wait
// for, whatever the clock says (an idle primary commits nothing, so the last replayed commit ages). Behind:
// the lag is the age of the last replayed commit, an upper bound that errs towards using the primary.
const PRIMARY_POSITION_SQL = "SELECT pg_current_wal_lsn()::text AS lsn";
const REPLICA_STATE_SQL = `
  SELECT pg_is_in_recovery() AS standby,
         coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) AS caught_up,
         extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp())::float8 AS replay_age_seconds`;

// Errors that say the replica, not the query, failed: connection-level (SQLSTATE class 08, shutdown 57P0x,
// Node's socket errors, pg's pool and Prisma's P1001/P1017), and a read cancelled because it conflicted
// with replay (40001 on a standby). The read is run again on the primary.
const SOCKET_ERRORS = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "EPIPE", "EAI_AGAIN"]);
const PRISMA_UNREACHABLE = new Set(["P1001", "P1002", "P1017"]);
const CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Can't reach database server|server closed the connection/i;

function isReplicaFailure(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === "string") {
      if (
        SOCKET_ERRORS.has(code) ||
        PRISMA_UNREACHABLE.has(code) ||
        code.startsWith("08") ||
        /^57P0[1-3]$/.test(code) ||
        code === "40001"
      ) {
        return true;
      }
    }
    if (typeof message === "string" && CONNECTION_MESSAGES.test(message)) return true;
    current = cause;
  }
  return false;
}

/** One line: Prisma's messages open with the call and end with the cause. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const lines = error.message.split("\n").filter((line) => line.trim());
  return lines.at(-1)?.trim() ?? error.name;
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

type Operation = (args: unknown) => Promise<unknown>;

/** The same operation on another client: `model` as Prisma's query hooks name it ("Lead"). */
function runOn(client: PrismaClient, model: string | undefined, operation: string, args: unknown): Promise<unknown> {
  const target = (
    model ? (client as unknown as Record<string, unknown>)[model.charAt(0).toLowerCase() + model.slice(1)] : client
  ) as Record<string, Operation>;
  const run = target[operation];
  if (!run) throw new Error(`no ${operation} on ${model ?? "the client"}`);
  return run.call(target, args);
}

export class ReplicaRouter {
  private health: Health | undefined;
  private checkedAt = 0;
  private checking: Promise<Health> | undefined;
  private readonly replicaReads: LaggyReads;
  private readonly primaryReads: LaggyReads;

  constructor(
    private readonly primary: DatabaseServer,
    private readonly replica: DatabaseServer,
    private readonly maxLagSeconds: number,
    private readonly log: Pick<Console, "warn" | "info"> = console,
  ) {
    this.primaryReads = { pool: primary.pool, prisma: primary.prisma, source: "primary" };
    this.replicaReads = { pool: this.poolWithFallback(), prisma: this.prismaWithFallback(), source: "replica" };
  }

  async reads(): Promise<LaggyReads> {
    return (await this.currentHealth()).usable ? this.replicaReads : this.primaryReads;
  }

  async status(): Promise<ReplicaStatus> {
    const health = await this.currentHealth();
    const { totalCount, idleCount, waitingCount } = this.replica.pool;
    return {
      serving: health.usable,
      lagSeconds: health.lagSeconds ?? null,
      connections: { total: totalCount, idle: idleCount, waiting: waitingCount },
    };
  }

  private currentHealth(): Promise<Health> {
    const age = Date.now() - this.checkedAt;
    if (this.health && age < REPLICA_CHECK_INTERVAL_MS) return Promise.resolve(this.health);
    // Concurrent requests share one check.
    this.checking ??= this.check()
      .then((health) => {
        this.record(health);
        return health;
      })
      .finally(() => {
        this.checking = undefined;
      });
    // While the check runs, reads need not wait for it (a replica that stopped answering takes
    // CHECK_TIMEOUT_MS to say so) when the last state is still safe to act on: "use the primary" always
    // is; "use the replica" only while recent, or a replica that fell behind during a quiet spell would serve.
    if (this.health && (!this.health.usable || age < 2 * REPLICA_CHECK_INTERVAL_MS)) return Promise.resolve(this.health);
    return this.checking;
  }

  private async check(): Promise<Health> {
    let primaryPosition: string;
    try {
      const { rows } = await withTimeout(this.primary.pool.query<{ lsn: string }>(PRIMARY_POSITION_SQL), CHECK_TIMEOUT_MS);
      primaryPosition = rows[0]?.lsn ?? "0/0";
    } catch (error) {
      return { usable: false, problem: "lag unknown", reason: `its lag is unknown, the primary did not answer (${describe(error)})` };
    }
    try {
      const { rows } = await withTimeout(
        this.replica.pool.query<{ standby: boolean; caught_up: boolean; replay_age_seconds: number | null }>(REPLICA_STATE_SQL, [
          primaryPosition,
        ]),
        CHECK_TIMEOUT_MS,
      );
      const state = rows[0];
      if (!state?.standby) return { usable: false, problem: "not a standby", reason: "it is not a standby (pg_is_in_recovery() is false)" };
      if (state.caught_up) return { usable: true, lagSeconds: 0 };
      if (state.replay_age_seconds === null) return { usable: false, problem: "lagging", reason: "it has replayed nothing yet" };
      if (state.replay_age_seconds > this.maxLagSeconds) {
        return {
          usable: false,
          problem: "lagging",
          lagSeconds: state.replay_age_seconds,
          reason: `it is ${state.replay_age_seconds.toFixed(1)} s behind (DATABASE_REPLICA_MAX_LAG_SECONDS=${this.maxLagSeconds})`,
        };
      }
      return { usable: true, lagSeconds: state.replay_age_seconds };
    } catch (error) {
      return { usable: false, problem: "unreachable", reason: `it is unreachable (${describe(error)})` };
    }
  }

  /** Logs each change of state once, not every check: a replica lagging for minutes warns once. */
  private record(health: Health): void {
    const was = this.health;
    this.health = health;
    this.checkedAt = Date.now();
    if (!health.usable && (!was || was.usable || was.problem !== health.problem)) {
      this.log.warn(`database replica: ${health.reason}; lag-tolerant reads go to the primary`);
    } else if (health.usable && was && !was.usable) {
      this.log.info("database replica: healthy again; lag-tolerant reads go to it");
    }
  }

  /** A read failed on the replica: it runs again on the primary, and a lost replica is not tried until the next check. */
  private noteFailure(error: unknown): void {
    if ((error as { code?: unknown }).code === "40001") {
      this.log.warn(`database replica: a read conflicted with replay (${describe(error)}); ran it on the primary`);
      return;
    }
    this.record({ usable: false, problem: "unreachable", reason: `it is unreachable (${describe(error)})` });
  }

  private poolWithFallback(): Queryable {
    const { replica, primary } = this;
    return {
      concurrent: true,
      query: async <R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]) => {
        try {
          return await replica.pool.query<R>(text, values);
        } catch (error) {
          if (!isReplicaFailure(error)) throw error;
          this.noteFailure(error);
          return primary.pool.query<R>(text, values);
        }
      },
    };
  }

  /**
   * Prisma's read-replicas extension over the primary's client: model reads (findMany, count, aggregate…)
   * go to the replica, writes and transactions to the primary, so a write made through this handle by
   * mistake still lands. The replica's client falls back to the primary when the replica fails.
   */
  private prismaWithFallback(): PrismaClient {
    const { replica, primary } = this;
    const noteFailure = (error: unknown) => this.noteFailure(error);
    const replicaWithFallback = replica.prisma.$extends({
      query: {
        async $allOperations({ model, operation, args, query }) {
          try {
            return await query(args);
          } catch (error) {
            if (!isReplicaFailure(error)) throw error;
            noteFailure(error);
            return runOn(primary.prisma, model, operation, args);
          }
        },
      },
    });
    // The extension adds only $primary() and $replica(); the model API is PrismaClient's.
    return primary.prisma.$extends(readReplicas({ replicas: [replicaWithFallback as never] })) as unknown as PrismaClient;
  }
}
