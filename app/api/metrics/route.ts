import { getEnv } from "@/lib/env";
import { metricsAccess } from "@/lib/operations/metrics-access";
import { collectMetrics } from "@/lib/operations/metrics";

// Prometheus scrape endpoint; see docs/OPERATIONS.md ("Health and metrics").
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const env = getEnv();
  const access = metricsAccess(request.headers.get("authorization"), { token: env.METRICS_TOKEN, listenHost: env.BATON_LISTEN_HOST });
  if (!access.allowed)
    return new Response(`${access.message}\n`, {
      status: access.status,
      headers: { "Content-Type": "text/plain; charset=utf-8", "WWW-Authenticate": "Bearer" },
    });
  try {
    return new Response(await collectMetrics(), {
      headers: { "Content-Type": "text/plain; version=0.0.4; charset=utf-8", "Cache-Control": "no-store" },
    });
  } catch (error) {
    console.error(error);
    return new Response("Metrics could not be read (is the database reachable? see /api/health).\n", {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
}
