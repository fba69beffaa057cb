import { checkDatabaseHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

// Public: load balancers and the start script poll it. Says nothing about data, only whether we can serve.
export async function GET() {
  const database = await checkDatabaseHealth();
  const healthy = database.status === "up";
  return Response.json(
    { status: healthy ? "ok" : "degraded", app: "up", database, time: new Date().toISOString() },
    { status: healthy ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
