// The per-token budget follows API_REQUESTS_PER_MINUTE when it is set (the security scan raises it on its
// own server); a bad value stops the app with a readable message instead of silently using the default.
import { describe, expect, it, vi } from "vitest";

describe("API_REQUESTS_PER_MINUTE", () => {
  it("sets the per-token budget: the request after it is refused with a wait", async () => {
    vi.resetModules();
    process.env.API_REQUESTS_PER_MINUTE = "3";
    try {
      const { consumeApiBudget } = await import("@/lib/api/v1/rate-limit");
      const answers = [];
      for (let request = 0; request < 4; request++) answers.push(await consumeApiBudget("token:budget-test"));
      expect(answers.slice(0, 3)).toEqual([null, null, null]);
      expect(answers[3]).toBeGreaterThan(0);
      // Another token keeps its own budget.
      expect(await consumeApiBudget("token:other-token")).toBeNull();
    } finally {
      delete process.env.API_REQUESTS_PER_MINUTE;
    }
  });

  it("a value that is not a positive whole number is refused by name", async () => {
    vi.resetModules();
    for (const value of ["many", "0", "2.5"]) {
      process.env.API_REQUESTS_PER_MINUTE = value;
      const { getEnv } = await import("@/lib/env");
      expect(() => getEnv(), value).toThrow(/API_REQUESTS_PER_MINUTE must be/);
    }
    delete process.env.API_REQUESTS_PER_MINUTE;
  });
});
