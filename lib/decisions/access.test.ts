import { describe, expect, it } from "vitest";
import { canActOnLead, leadScopeOf } from "@/lib/decisions/access";
import type { TeamActor } from "@/lib/actions/authorize";

// Who may decide on whose lead: owner, the owner's manager, revenue operations and admins; nobody else.
const rep: TeamActor = { id: 1, name: "Riley", role: "sales_rep", teamId: 10 };
const teammate = { id: 2, name: "Jordan", teamId: 10 };
const otherTeam = { id: 3, name: "Noah", teamId: 20 };
const manager: TeamActor = { id: 4, name: "Dana", role: "sales_manager", teamId: 10 };

describe("deciding on a lead", () => {
  it("a rep decides on their own lead only", () => {
    expect(canActOnLead(rep, "leads.decide", { id: 1, name: "Riley", teamId: 10 })).toBe(true);
    expect(canActOnLead(rep, "leads.decide", teammate)).toBe(false);
    expect(canActOnLead(rep, "leads.decide", null)).toBe(false);
  });

  it("a manager decides on their team's leads, not another team's", () => {
    expect(canActOnLead(manager, "leads.decide", teammate)).toBe(true);
    expect(canActOnLead(manager, "leads.decide", otherTeam)).toBe(false);
    expect(canActOnLead(manager, "leads.reassign", teammate)).toBe(true);
    expect(canActOnLead({ ...manager, teamId: null }, "leads.decide", teammate)).toBe(false);
  });

  it("revenue operations and admins decide on every lead, marketing and viewers on none", () => {
    for (const role of ["revops", "admin"] as const)
      expect(canActOnLead({ id: 9, name: "X", role, teamId: null }, "leads.decide", otherTeam)).toBe(true);
    for (const role of ["marketing", "viewer"] as const)
      expect(canActOnLead({ id: 9, name: "X", role, teamId: 10 }, "leads.decide", teammate)).toBe(false);
  });

  it("a rep may not reassign even their own lead", () => {
    expect(canActOnLead(rep, "leads.reassign", { id: 1, name: "Riley", teamId: 10 })).toBe(false);
  });

  it("scopes the queue the same way", () => {
    expect(leadScopeOf(rep)).toEqual({ kind: "own", userId: 1 });
    expect(leadScopeOf(manager)).toEqual({ kind: "team", teamId: 10, managerId: 4 });
    expect(leadScopeOf({ id: 9, name: "X", role: "admin", teamId: null })).toEqual({ kind: "all" });
    expect(leadScopeOf({ id: 9, name: "X", role: "viewer", teamId: null })).toEqual({ kind: "none" });
  });
});
