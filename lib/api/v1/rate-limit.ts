import "server-only";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { pool } from "@/lib/db";
import { getEnv } from "@/lib/env";

// Per-token request budget kept in PostgreSQL, so it holds across every app instance. Its table lives
// in a schema of its own, beside Prisma's. The budget is API_REQUESTS_PER_MINUTE (default 600); only an
// explicit setting changes it (`npm run security:scan` raises it for its own throwaway server).
/** The per-token budget in force (lib/env.ts holds the default). */
export function apiRequestsPerMinute(): number {
  return getEnv().API_REQUESTS_PER_MINUTE;
}

const globalForLimits = globalThis as unknown as { batonApiLimiter?: Promise<RateLimiterPostgres> };

function limiter(): Promise<RateLimiterPostgres> {
  globalForLimits.batonApiLimiter ??= (async () => {
    await pool.query("CREATE SCHEMA IF NOT EXISTS baton_runtime");
    return await new Promise<RateLimiterPostgres>((resolve, reject) => {
      const created: RateLimiterPostgres = new RateLimiterPostgres(
        {
          storeClient: pool,
          storeType: "pool",
          schemaName: "baton_runtime",
          tableName: "api_rate_limits",
          keyPrefix: "api",
          points: apiRequestsPerMinute(),
          duration: 60,
          clearExpiredByTimeout: true,
        },
        (error?: Error) => (error ? reject(error) : resolve(created)),
      );
    });
  })().catch((error: unknown) => {
    globalForLimits.batonApiLimiter = undefined;
    throw error;
  });
  return globalForLimits.batonApiLimiter;
}

/** Null when allowed, else the seconds to wait. */
export async function consumeApiBudget(key: string, cost = 1): Promise<number | null> {
  try {
    await (await limiter()).consume(key, cost);
    return null;
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw error;
  }
}
