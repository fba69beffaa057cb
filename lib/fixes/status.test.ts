import { describe, expect, it } from "vitest";
import { isOverdue, statusTimestamps } from "@/lib/fixes/status";

describe("fix status timestamps", () => {
  const now = new Date("2025-05-14T12:00:00Z");
  const earlier = new Date("2025-05-01T09:00:00Z");

  it("sets doneAt when a fix becomes done and keeps it through verification", () => {
    expect(statusTimestamps({ doneAt: null, verifiedAt: null }, "done", now)).toEqual({ doneAt: now, verifiedAt: null });
    expect(statusTimestamps({ doneAt: earlier, verifiedAt: null }, "verified", now)).toEqual({ doneAt: earlier, verifiedAt: now });
    expect(statusTimestamps({ doneAt: earlier, verifiedAt: null }, "done", now)).toEqual({ doneAt: earlier, verifiedAt: null });
  });

  it("verifying an open fix also marks it done, and reopening clears both", () => {
    expect(statusTimestamps({ doneAt: null, verifiedAt: null }, "verified", now)).toEqual({ doneAt: now, verifiedAt: now });
    expect(statusTimestamps({ doneAt: earlier, verifiedAt: now }, "in_progress", now)).toEqual({ doneAt: null, verifiedAt: null });
  });

  it("calls only unfinished fixes with a past due date overdue", () => {
    expect(isOverdue("open", "2025-05-13", "2025-05-14")).toBe(true);
    expect(isOverdue("in_progress", "2025-05-14", "2025-05-14")).toBe(false);
    expect(isOverdue("done", "2025-05-01", "2025-05-14")).toBe(false);
    expect(isOverdue("open", null, "2025-05-14")).toBe(false);
  });
});
