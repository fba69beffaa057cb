import { describe, expect, it } from "vitest";
import { HIDDEN_VALUE } from "@/lib/audit/diff";
import {
  auditActionLabel,
  auditFieldLabel,
  describeAuditLine,
  readableAuditLines,
  readableAuditValue,
  type AuditNames,
} from "@/lib/audit/readable";

const names: AuditNames = {
  users: new Map([
    [7, "Riley Chen"],
    [9, "Dana Okafor"],
  ]),
  teams: new Map([[2, "Inbound Sales"]]),
  leadTypes: new Map([[4, "Demo request"]]),
  timeZone: "Europe/Berlin",
};

const described = (before: unknown, after: unknown) => readableAuditLines(before, after, names).map(describeAuditLine);

describe("the audit log in words", () => {
  it("reads a role change as 'role: Viewer → Marketing'", () => {
    expect(described({ role: "viewer" }, { role: "marketing" })).toEqual(["role: Viewer → Marketing"]);
  });

  it("names people, teams and lead types instead of their ids, and says which id it no longer knows", () => {
    expect(described({ ownerId: 7, teamId: 2 }, { ownerId: "9", teamId: 2, leadTypeId: 4 })).toEqual([
      "owner: Riley Chen → Dana Okafor",
      "team: Inbound Sales",
      "lead type: Demo request",
    ]);
    expect(readableAuditValue("attendeeIds", [7, 9, 12], names)).toBe("Riley Chen, Dana Okafor, person #12");
    expect(readableAuditValue("mentioned", [], names)).toBe("(none)");
  });

  it("writes times in the workspace's zone, yes/no, and lists and nested records as text, never JSON", () => {
    expect(readableAuditValue("nextActionDueAt", "2026-11-20T09:30:00.000Z", names)).toBe("20 Nov 2026, 10:30");
    expect(readableAuditValue("recycleSuggested", false, names)).toBe("no");
    expect(readableAuditValue("files", ["leads.csv", "events.csv"], names)).toBe("leads.csv, events.csv");
    const criteria = [
      { id: "budget", label: "Budget confirmed" },
      { id: "timeline", label: "Timeline within a quarter" },
    ];
    expect(readableAuditValue("acceptanceCriteria", criteria, names)).toBe("Budget confirmed, Timeline within a quarter");
    expect(readableAuditValue("sla", { amount: 15, unit: "minutes" }, names)).toBe("amount: 15; unit: minutes");
    const many = Array.from({ length: 11 }, (_, index) => `f${index}`);
    expect(readableAuditValue("files", many, names)).toBe("f0, f1, f2, f3, f4, f5, f6, f7 and 3 more");
    for (const line of described({ criteria: criteria, owner: { id: 7 } }, { criteria: [], owner: { id: 9 } }))
      expect(line).not.toMatch(/[{}[\]"]/);
  });

  it("keeps the diff's statuses and hides secrets", () => {
    const lines = readableAuditLines(
      { nextAction: "Call back", passwordHash: "$argon2id$x" },
      { passwordHash: "$argon2id$y", active: true },
      names,
    );
    expect(lines.map((line) => [line.label, line.status, line.before, line.after])).toEqual([
      ["next action", "removed", "Call back", undefined],
      ["password hash", "changed", HIDDEN_VALUE, HIDDEN_VALUE],
      ["active", "added", undefined, "yes"],
    ]);
    expect(lines.map(describeAuditLine)).toEqual([
      "next action: Call back (removed)",
      `password hash: ${HIDDEN_VALUE} → ${HIDDEN_VALUE}`,
      "active: yes",
    ]);
  });

  it("puts field paths and actions in words", () => {
    expect(auditFieldLabel("criteria.budget_confirmed")).toBe("criteria › budget confirmed");
    expect(auditFieldLabel("attendeeIds")).toBe("attendees");
    expect(auditFieldLabel("leadTypeId")).toBe("lead type");
    expect(auditFieldLabel("externalId")).toBe("external id");
    expect(auditActionLabel("user.role_change")).toBe("User role change");
    expect(auditActionLabel("connections.sync_now")).toBe("Connections sync now");
  });
});
