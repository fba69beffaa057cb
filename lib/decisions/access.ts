import { can, type Action } from "@/lib/auth/permissions";
import type { TeamActor } from "@/lib/actions/authorize";

// Who may act on which lead, beyond the role table: a rep on leads they own, a manager on their team's
// leads (owners with the same team) and their own, revenue operations and admins on every lead. Pure, so
// the queue query, the mutations and the tests share one rule.

export interface LeadOwner {
  id: number;
  name: string;
  teamId: number | null;
}

export type LeadScope =
  { kind: "all" } | { kind: "team"; teamId: number; managerId: number } | { kind: "own"; userId: number } | { kind: "none" };

/** Whose leads this actor works on: every lead, one team's or only their own. */
export function leadScopeOf(actor: TeamActor): LeadScope {
  if (actor.role === "admin" || actor.role === "revops") return { kind: "all" };
  if (actor.role === "sales_manager")
    return actor.teamId === null ? { kind: "own", userId: actor.id } : { kind: "team", teamId: actor.teamId, managerId: actor.id };
  if (actor.role === "sales_rep") return { kind: "own", userId: actor.id };
  return { kind: "none" };
}

/** Whether the actor may take `action` on a lead owned by `owner` (null: nobody owns it). */
export function canActOnLead(actor: TeamActor, action: Action, owner: LeadOwner | null): boolean {
  if (!can(actor.role, action)) return false;
  const scope = leadScopeOf(actor);
  switch (scope.kind) {
    case "all":
      return true;
    case "team":
      return owner !== null && (owner.id === actor.id || owner.teamId === scope.teamId);
    case "own":
      return owner !== null && owner.id === actor.id;
    case "none":
      return false;
  }
}

/** Why the actor may not act, in words that tell them whom to ask. */
export function explainNoAccess(actor: TeamActor, owner: LeadOwner | null): string {
  if (actor.role === "viewer" || actor.role === "marketing")
    return "Only sales (the owner, their manager) or revenue operations can decide on a lead.";
  if (!owner) return "Nobody owns this lead yet. A manager or revenue operations must assign it first.";
  if (actor.role === "sales_manager")
    return `This lead belongs to ${owner.name}, who is not on your team. Ask their manager or revenue operations.`;
  return `This lead belongs to ${owner.name}. Only its owner, their manager or revenue operations can decide on it.`;
}
