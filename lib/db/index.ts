import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getDatabaseEnv } from "@/lib/env";
import { ReplicaRouter, type LaggyReads, type ReplicaStatus } from "@/lib/db/replica";

// The one database client. Prisma and the few set-based SQL paths (diagnosis batches, metrics) share one
// pg pool. Created on first use, so building the app needs no database, and cached on globalThis so
// development reloads do not open a pool per reload.
interface Connections {
  pool: pg.Pool;
  prisma: PrismaClient;
  /** With DATABASE_REPLICA_URL: the replica's pool and the router that decides per read (lib/db/replica.ts). */
  replica?: { pool: pg.Pool; router: ReplicaRouter };
}

const globalForDb = globalThis as unknown as { batonConnections?: Connections };

// How long a request waits for a free connection when all are busy. Transactions wait as long as plain
// queries: with Prisma's default (2 s) a busy pool refused writes while reads were still being served.
const CONNECTION_WAIT_MS = 5_000;

/**
 * Prisma's pg adapter runs a transaction's relation reads side by side on the transaction's one pg
 * connection (a `select` with two relations inside `$transaction`), which pg queues with a deprecation
 * warning and pg@9 will refuse. Until the adapter serialises them itself (prisma/orm#29468, #29979),
 * each transaction's queries go one at a time. Only transactions: outside one, every query takes its
 * own pool connection.
 */
class SerialTransactionsPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const transaction = await startTransaction(isolationLevel);
      let tail: Promise<unknown> = Promise.resolve();
      const oneAtATime =
        <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
        (...args: A): Promise<R> => {
          const result = tail.then(() => run(...args));
          tail = result.catch(() => undefined);
          return result;
        };
      transaction.queryRaw = oneAtATime(transaction.queryRaw.bind(transaction));
      transaction.executeRaw = oneAtATime(transaction.executeRaw.bind(transaction));
      return transaction;
    };
    return adapter;
  }
}

// A replica that stops answering should cost a read little before it falls back to the primary.
const REPLICA_CONNECTION_WAIT_MS = 2_000;

function openPool(connectionString: string, size: number, waitMs: number, name: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: size, connectionTimeoutMillis: waitMs, idleTimeoutMillis: 30_000 });
  // An idle client dropped by a database restart must not crash the server: the pool replaces it.
  pool.on("error", (error) => console.error(`${name}: ${error.message}`));
  return pool;
}

function connect(): Connections {
  if (globalForDb.batonConnections) return globalForDb.batonConnections;
  const env = getDatabaseEnv();
  const pool = openPool(env.DATABASE_URL, env.DATABASE_POOL_SIZE, CONNECTION_WAIT_MS, "database pool");
  const prisma = new PrismaClient({ adapter: new SerialTransactionsPg(pool), transactionOptions: { maxWait: CONNECTION_WAIT_MS } });
  let replica: Connections["replica"];
  if (env.DATABASE_REPLICA_URL) {
    const replicaPool = openPool(env.DATABASE_REPLICA_URL, env.DATABASE_POOL_SIZE, REPLICA_CONNECTION_WAIT_MS, "database replica pool");
    const replicaPrisma = new PrismaClient({ adapter: new PrismaPg(replicaPool) });
    replica = {
      pool: replicaPool,
      router: new ReplicaRouter({ pool, prisma }, { pool: replicaPool, prisma: replicaPrisma }, env.DATABASE_REPLICA_MAX_LAG_SECONDS),
    };
  }
  globalForDb.batonConnections = { pool, prisma, replica };
  return globalForDb.batonConnections;
}

function lazy<T extends object>(pick: (connections: Connections) => T): T {
  return new Proxy({} as T, {
    get(_target, property) {
      const target = pick(connect());
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

export const db: PrismaClient = lazy((connections) => connections.prisma);
export const pool: pg.Pool = lazy((connections) => connections.pool);

/**
 * The handle for reads that tolerate a few seconds of lag — dashboards, the report, lists, exports: the
 * replica (DATABASE_REPLICA_URL) while it answers and keeps up, else the primary. Never for a write, nor
 * for a read that must see a write just made (use `db` and `pool`).
 */
export async function forLaggyReads(): Promise<LaggyReads> {
  const connections = connect();
  return connections.replica
    ? connections.replica.router.reads()
    : { pool: connections.pool, prisma: connections.prisma, source: "primary" };
}

/** The replica's state for /api/metrics (checked now if the last check is stale); null without a replica. */
export async function replicaStatus(): Promise<ReplicaStatus | null> {
  return (await connect().replica?.router.status()) ?? null;
}

export type Db = PrismaClient;
export type { Prisma } from "@/lib/generated/prisma/client";
export type { LaggyReads, ReplicaStatus } from "@/lib/db/replica";
