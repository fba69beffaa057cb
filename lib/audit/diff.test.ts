import { describe, expect, it } from "vitest";
import { auditRecordLabel, diffAuditValues, formatAuditValue, HIDDEN_VALUE, summarizeDiff } from "@/lib/audit/diff";

describe("diffAuditValues", () => {
  it("marks changed, unchanged, added and removed fields, keeping the record's field order", () => {
    const lines = diffAuditValues({ name: "Ana", role: "viewer", teamId: 3 }, { name: "Ana", role: "admin", active: true });
    expect(lines).toEqual([
      { key: "name", before: "Ana", after: "Ana", status: "unchanged" },
      { key: "role", before: "viewer", after: "admin", status: "changed" },
      { key: "teamId", before: "3", status: "removed" },
      { key: "active", after: "true", status: "added" },
    ]);
  });

  it("shows a creation as added fields and a removal as removed fields", () => {
    expect(diffAuditValues(null, { id: 1 })).toEqual([{ key: "id", after: "1", status: "added" }]);
    expect(diffAuditValues({ id: 1 }, undefined)).toEqual([{ key: "id", before: "1", status: "removed" }]);
    expect(diffAuditValues(null, null)).toEqual([]);
  });

  it("flattens nested objects into dotted paths and keeps arrays whole", () => {
    const lines = diffAuditValues(
      { sla: { amount: 15, unit: "minutes" }, tags: ["a"] },
      { sla: { amount: 30, unit: "minutes" }, tags: ["a", "b"] },
    );
    expect(lines).toEqual([
      { key: "sla.amount", before: "15", after: "30", status: "changed" },
      { key: "sla.unit", before: "minutes", after: "minutes", status: "unchanged" },
      { key: "tags", before: '["a"]', after: '["a","b"]', status: "changed" },
    ]);
  });

  it("treats a plain value as the single field 'value'", () => {
    expect(diffAuditValues("open", "done")).toEqual([{ key: "value", before: "open", after: "done", status: "changed" }]);
  });

  it("tells a null from an empty text and a missing field", () => {
    const [nulled, emptied] = diffAuditValues({ note: "hi", detail: "x" }, { note: null, detail: "" });
    expect(nulled).toMatchObject({ before: "hi", after: "(empty)", status: "changed" });
    expect(emptied).toMatchObject({ before: "x", after: "(empty text)", status: "changed" });
  });

  it("never shows a password or token hash, even if one slipped into a row", () => {
    const lines = diffAuditValues(
      { passwordHash: "$argon2id$old", nested: { tokenHash: "abc" } },
      { passwordHash: "$argon2id$new", nested: { tokenHash: "def" } },
    );
    expect(lines.map((line) => [line.before, line.after])).toEqual([
      [HIDDEN_VALUE, HIDDEN_VALUE],
      [HIDDEN_VALUE, HIDDEN_VALUE],
    ]);
    expect(lines.map((line) => line.status)).toEqual(["changed", "changed"]);
  });

  it("keeps markup as plain text for React to escape", () => {
    const [line] = diffAuditValues({ note: "ok" }, { note: "<img src=x onerror=alert(1)>" });
    expect(line?.after).toBe("<img src=x onerror=alert(1)>");
  });
});

describe("summarizeDiff and formatAuditValue", () => {
  it("summarizes in words", () => {
    const lines = diffAuditValues({ a: 1, b: 2 }, { a: 1, b: 3 });
    expect(summarizeDiff(lines, true, true)).toBe("1 field changed");
    expect(summarizeDiff(diffAuditValues({ a: 1, b: 2 }, { a: 2, b: 3 }), true, true)).toBe("2 fields changed");
    expect(summarizeDiff(diffAuditValues({ a: 1 }, { a: 1 }), true, true)).toBe("No field changed");
    expect(summarizeDiff([], false, true)).toBe("Created");
    expect(summarizeDiff([], true, false)).toBe("Removed");
  });

  it("formats values as text", () => {
    expect(formatAuditValue(false)).toBe("false");
    expect(formatAuditValue({ a: [1] })).toBe('{"a":[1]}');
  });
});

describe("auditRecordLabel", () => {
  it("names the record from its newest state, falling back to the old one", () => {
    expect(auditRecordLabel({ name: "Old" }, { name: "New", email: "n@example.com" })).toBe("New");
    expect(auditRecordLabel({ title: "Gone fix" }, null)).toBe("Gone fix");
    expect(auditRecordLabel({ id: 1 }, { id: 1, status: "open" })).toBeNull();
    expect(auditRecordLabel(null, "text")).toBeNull();
    expect(auditRecordLabel(null, { label: "x".repeat(100) })).toBe(`${"x".repeat(80)}…`);
  });
});
