import { timingSafeEqual } from "node:crypto";

// Who may read /api/metrics. App Router handlers cannot see the client's address, so "loopback only" is
// decided by where this server listens: npm start passes its HOST as BATON_LISTEN_HOST, and a server on
// 127.0.0.1 is reachable from this machine only. Anywhere else, METRICS_TOKEN is required.
export type MetricsAccess = { allowed: true } | { allowed: false; status: 401 | 403; message: string };

function isLoopbackHost(host: string | undefined): boolean {
  return host === "localhost" || host === "::1" || (host?.startsWith("127.") ?? false);
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function metricsAccess(authorization: string | null, settings: { token?: string; listenHost?: string }): MetricsAccess {
  if (settings.token) {
    const given = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    return given && sameSecret(given, settings.token)
      ? { allowed: true }
      : { allowed: false, status: 401, message: "Send the metrics token: Authorization: Bearer <METRICS_TOKEN>." };
  }
  if (isLoopbackHost(settings.listenHost)) return { allowed: true };
  return { allowed: false, status: 403, message: "Metrics are served only on a loopback address unless METRICS_TOKEN is set." };
}
