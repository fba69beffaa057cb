import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getDatabaseEnv } from "@/lib/env";

// The one database client. Prisma and the few set-based SQL paths (diagnosis batches, metrics) share one
// pg pool. Created on first use, so building the app needs no database, and cached on globalThis so
// development reloads do not open a pool per reload.
interface Connections {
  pool: pg.Pool;
  prisma: PrismaClient;
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

function connect(): Connections {
  if (globalForDb.batonConnections) return globalForDb.batonConnections;
  const env = getDatabaseEnv();
  const pool = new pg.Pool({
    connectionString: env.DATABASE_URL,
    max: env.DATABASE_POOL_SIZE,
    connectionTimeoutMillis: CONNECTION_WAIT_MS,
    idleTimeoutMillis: 30_000,
  });
  // An idle client dropped by a database restart must not crash the server: the pool replaces it.
  pool.on("error", (error) => console.error(`database pool: ${error.message}`));
  const prisma = new PrismaClient({ adapter: new SerialTransactionsPg(pool), transactionOptions: { maxWait: CONNECTION_WAIT_MS } });
  globalForDb.batonConnections = { pool, prisma };
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

export type Db = PrismaClient;
export type { Prisma } from "@/lib/generated/prisma/client";
