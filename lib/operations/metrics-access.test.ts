import { describe, expect, it } from "vitest";
import { metricsAccess } from "@/lib/operations/metrics-access";

describe("who may read /api/metrics", () => {
  const token = "scrape-token-0123456789";

  it("wants the token when one is set, wherever the server listens", () => {
    expect(metricsAccess(`Bearer ${token}`, { token, listenHost: "0.0.0.0" })).toEqual({ allowed: true });
    expect(metricsAccess("Bearer wrong-token-0123456789", { token, listenHost: "127.0.0.1" })).toMatchObject({
      allowed: false,
      status: 401,
    });
    expect(metricsAccess(null, { token, listenHost: "127.0.0.1" })).toMatchObject({ allowed: false, status: 401 });
  });

  it("without a token, answers only a server listening on loopback", () => {
    expect(metricsAccess(null, { listenHost: "127.0.0.1" })).toEqual({ allowed: true });
    expect(metricsAccess(null, { listenHost: "::1" })).toEqual({ allowed: true });
    expect(metricsAccess(null, { listenHost: "0.0.0.0" })).toMatchObject({ allowed: false, status: 403 });
    expect(metricsAccess(null, {})).toMatchObject({ allowed: false, status: 403, message: expect.stringContaining("METRICS_TOKEN") });
  });
});
