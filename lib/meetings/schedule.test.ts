import { describe, expect, it } from "vitest";
import { fromLocalDateTime, isLocalDateTime, toLocalDateTime } from "@/lib/meetings/schedule";

describe("meeting times in the workspace time zone", () => {
  it("converts a local date and time to an instant and back", () => {
    const instant = fromLocalDateTime("2025-05-12T09:30", "Europe/Berlin");
    expect(instant.toISOString()).toBe("2025-05-12T07:30:00.000Z");
    expect(toLocalDateTime(instant, "Europe/Berlin")).toBe("2025-05-12T09:30");
    expect(toLocalDateTime(instant, "UTC")).toBe("2025-05-12T07:30");
  });

  it("accepts only well-formed local date-times", () => {
    expect(isLocalDateTime("2025-05-12T09:30")).toBe(true);
    expect(isLocalDateTime("2025-05-12T09:30:00")).toBe(true);
    expect(isLocalDateTime("2025-13-12T09:30")).toBe(false);
    expect(isLocalDateTime("2025-05-12 09:30")).toBe(false);
    expect(isLocalDateTime("tomorrow")).toBe(false);
  });
});
