import { describe, expect, it } from "vitest";
import { auditFilterParams, formatCursor, parseAuditListQuery } from "@/lib/audit/list-query";

describe("parseAuditListQuery", () => {
  it("reads every filter and the page position from the URL", () => {
    const query = parseAuditListQuery({
      actor: "4",
      type: "user",
      id: "12",
      action: "user.role",
      from: "2025-01-01",
      to: "2025-01-31",
      before: "1735689600000_77",
    });
    expect(query).toEqual({
      actorId: 4,
      entityType: "user",
      entityId: "12",
      action: "user.role",
      from: "2025-01-01",
      to: "2025-01-31",
      before: { at: new Date(1_735_689_600_000), id: 77 },
      after: undefined,
    });
  });

  it("drops invalid values instead of failing the page", () => {
    const query = parseAuditListQuery({
      actor: "-1",
      type: "User; DROP TABLE",
      from: "2025-13-45",
      to: "nope",
      before: "abc",
      after: "1_2_3",
    });
    expect(query).toEqual({
      actorId: undefined,
      entityType: undefined,
      entityId: undefined,
      action: undefined,
      from: undefined,
      to: undefined,
      before: undefined,
      after: undefined,
    });
  });

  it("ignores a 'to' before 'from', and 'after' when 'before' is given", () => {
    const query = parseAuditListQuery({ from: "2025-02-01", to: "2025-01-01", before: "1000_1", after: "2000_2" });
    expect(query.to).toBeUndefined();
    expect(query.before).toEqual({ at: new Date(1000), id: 1 });
    expect(query.after).toBeUndefined();
  });

  it("round-trips the cursor and the filters", () => {
    const cursor = { at: new Date("2025-03-04T10:00:00.123Z"), id: 99 };
    expect(parseAuditListQuery({ after: formatCursor(cursor) }).after).toEqual(cursor);
    const query = parseAuditListQuery({ actor: "4", type: "lead", action: "lead." });
    expect(parseAuditListQuery(Object.fromEntries(auditFilterParams(query)))).toEqual(query);
  });
});
