import { can, type Action, type Role } from "@/lib/auth/permissions";
import { ForbiddenError } from "@/lib/errors";

// Who is acting, and the one check against the permission table (lib/auth/permissions.ts) that every
// mutation makes itself, so no caller (server action, route, test, CLI) can skip it.

export interface Actor {
  id: number;
  role: Role;
}

/** An actor whose team matters: lead scopes (a manager acts on their team's leads). The session user is one. */
export interface TeamActor extends Actor {
  name: string;
  teamId: number | null;
}

export function authorize(actor: Actor, action: Action, message?: string): void {
  if (!can(actor.role, action)) throw new ForbiddenError(message);
}
