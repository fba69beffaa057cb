import { describe, expect, it } from "vitest";
import { assertDemoMayListen, browserUrl, isLoopback, parseHost } from "./listen.ts";

describe("HOST", () => {
  it("defaults to loopback so a fresh install is not on the network", () => {
    expect(parseHost(undefined)).toBe("127.0.0.1");
    expect(parseHost("  ")).toBe("127.0.0.1");
  });

  it("accepts addresses and host names", () => {
    expect(parseHost("0.0.0.0")).toBe("0.0.0.0");
    expect(parseHost("::")).toBe("::");
    expect(parseHost("[::1]")).toBe("::1");
    expect(parseHost("baton.internal.example.com")).toBe("baton.internal.example.com");
  });

  it("rejects anything else with one line naming the value", () => {
    for (const bad of ["http://0.0.0.0", "0.0.0.0:3000", "300.1.1.1", "my host", "-bad-.example"]) {
      expect(() => parseHost(bad)).toThrow(
        `HOST must be an IP address or a host name to listen on (e.g. 127.0.0.1, 0.0.0.0, ::), got "${bad}"`,
      );
    }
  });

  it("knows loopback from network addresses", () => {
    expect(["127.0.0.1", "127.0.1.1", "::1", "localhost"].every(isLoopback)).toBe(true);
    expect(["0.0.0.0", "::", "10.0.0.5", "baton.example.com"].some(isLoopback)).toBe(false);
    expect(browserUrl("0.0.0.0", 3000)).toBe("http://localhost:3000");
    expect(browserUrl("fd00::5", 3000)).toBe("http://[fd00::5]:3000");
  });
});

describe("the demo workspace on a network address", () => {
  it("refuses without BATON_DEMO_PUBLIC=1", () => {
    expect(() => assertDemoMayListen("0.0.0.0", true, {})).toThrow(
      /refusing to serve the demo workspace \(public passwords\) on 0\.0\.0\.0/,
    );
    expect(() => assertDemoMayListen("10.0.0.5", true, { BATON_DEMO_PUBLIC: "yes" })).toThrow(/BATON_DEMO_PUBLIC=1/);
  });

  it("allows loopback, an explicit BATON_DEMO_PUBLIC=1, and real workspaces anywhere", () => {
    expect(() => assertDemoMayListen("127.0.0.1", true, {})).not.toThrow();
    expect(() => assertDemoMayListen("0.0.0.0", true, { BATON_DEMO_PUBLIC: "1" })).not.toThrow();
    expect(() => assertDemoMayListen("0.0.0.0", false, {})).not.toThrow();
  });
});
