import "server-only";
import { db } from "@/lib/db";

export async function checkDatabaseHealth(): Promise<{ status: "up" | "down"; latencyMs?: number; migrations?: number; error?: string }> {
  const started = performance.now();
  try {
    const rows = await withTimeout(
      db.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`,
      3000,
    );
    return { status: "up", latencyMs: Math.round(performance.now() - started), migrations: Number(rows[0]?.count ?? 0) };
  } catch (error) {
    return { status: "down", error: error instanceof Error && error.message.includes("timed out") ? "timed out" : "unreachable" };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), ms))]);
}
