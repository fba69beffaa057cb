// Request counts and latencies of this instance, for /api/metrics. Per instance on purpose: Prometheus
// scrapes every instance and sums them, so nothing here is state another instance needs. Labels are the
// kind (api, route, action), the permission the request needs (a short fixed list) and the status class.
export type RequestKind = "api" | "route" | "action";

export const LATENCY_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

interface Series {
  buckets: number[];
  count: number;
  sum: number;
}

const series = new Map<string, Series>();

function labels(kind: RequestKind, name: string, status: number): string {
  return `kind="${kind}",name="${name.replace(/["\\\n]/g, "_")}",status="${Math.floor(status / 100)}xx"`;
}

export function observeRequest(kind: RequestKind, name: string, status: number, seconds: number): void {
  const key = labels(kind, name, status);
  let entry = series.get(key);
  if (!entry) series.set(key, (entry = { buckets: LATENCY_BUCKETS.map(() => 0), count: 0, sum: 0 }));
  LATENCY_BUCKETS.forEach((bound, index) => {
    if (seconds <= bound) entry.buckets[index]! += 1;
  });
  entry.count += 1;
  entry.sum += seconds;
}

/** Times `work` and records it; a thrown error counts as a 5xx (the caller maps known errors first). */
export async function timeRequest<T>(kind: RequestKind, name: string, work: () => Promise<T>, statusOf: (result: T) => number): Promise<T> {
  const started = performance.now();
  try {
    const result = await work();
    observeRequest(kind, name, statusOf(result), (performance.now() - started) / 1000);
    return result;
  } catch (error) {
    observeRequest(kind, name, 500, (performance.now() - started) / 1000);
    throw error;
  }
}

/** The Prometheus text for the histogram baton_request_duration_seconds. */
export function requestMetricsText(): string {
  const lines = [
    "# HELP baton_request_duration_seconds Time to answer API requests, session routes and server actions on this instance.",
    "# TYPE baton_request_duration_seconds histogram",
  ];
  for (const [key, entry] of [...series].sort(([a], [b]) => a.localeCompare(b))) {
    LATENCY_BUCKETS.forEach((bound, index) =>
      lines.push(`baton_request_duration_seconds_bucket{${key},le="${bound}"} ${entry.buckets[index]}`),
    );
    lines.push(`baton_request_duration_seconds_bucket{${key},le="+Inf"} ${entry.count}`);
    lines.push(`baton_request_duration_seconds_sum{${key}} ${entry.sum.toFixed(6)}`);
    lines.push(`baton_request_duration_seconds_count{${key}} ${entry.count}`);
  }
  return lines.join("\n");
}

/** For tests: start from no observations. */
export function resetRequestMetrics(): void {
  series.clear();
}
