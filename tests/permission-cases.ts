// The permission matrix's case registry: for every server action and API route, the action of the one
// permission table (lib/auth/permissions.ts) that governs it and how to build VALID input for a user of
// a given role. lib/auth/permission-matrix.int.test.ts discovers the actions and routes in the code and
// fails on any that is missing here, so a new route cannot ship without saying who may call it.
import type { Action, Role } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import type { TokenScope } from "@/lib/tokens/store";
import type { PermissionWorld } from "@/tests/permission-world";
import {
  DECISION_ACTION_CASES,
  DEMO_ACTION_CASES,
  LEAD_ACTION_CASES,
  TOKEN_ACTION_CASES,
  USER_ACTION_CASES,
} from "@/tests/permission-action-cases";
import { DEFINITION_ACTION_CASES } from "@/tests/permission-definition-cases";
import { FIX_ACTION_CASES, MEETING_ACTION_CASES, REVIEW_ACTION_CASES } from "@/tests/permission-review-cases";
import { OBJECTION_ACTION_CASES, REPORT_ACTION_CASES } from "@/tests/permission-report-cases";
import { IMPORT_ACTION_CASES, IMPORT_ROUTE_CASES } from "@/tests/permission-import-cases";
import { PUBLIC_ROUTE_LIST, ROUTE_CASE_LIST } from "@/tests/permission-route-cases";
import { SYNC_ACTION_CASES, SYNC_ROUTE_CASES } from "@/tests/permission-sync-cases";
import { ALERT_ACTION_CASES, NOTIFY_ACTION_CASES } from "@/tests/permission-alert-cases";
import { BULK_ACTION_CASES, CONVERSATION_ACTION_CASES, LIST_ROUTE_CASES, SAVED_VIEW_ACTION_CASES } from "@/tests/permission-list-cases";

export interface CaseContext {
  role: Role;
  /** The user of that role the call runs as. */
  actor: SessionUser;
  world: PermissionWorld;
}

/** Which table actions decide a case: allowed exactly when the role has every one of them. */
export type Governing = Action | readonly Action[];

export interface ActionCase {
  /** Names the input variant when one action is governed differently by its input (a note's side). */
  variant?: string;
  /** Why an allowed call leaves no audit entry (it changes nothing: a preview); without it, it must add one. */
  unaudited?: string;
  permission: Governing;
  /** The arguments the form or page would send, valid for `actor`. */
  args: (context: CaseContext) => Promise<unknown[]>;
}

/** Server action modules by path, then their exported actions. */
export type ActionModuleCases = Record<string, Record<string, ActionCase[]>>;

export interface RouteRequest {
  /** Values for the route's dynamic segments ([id] -> { id }). */
  params?: Record<string, string>;
  /** The query string, without "?". */
  query?: string;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is (file uploads). */
  rawBody?: string;
}

export interface RouteCase {
  variant?: string;
  /** "token": /api/v1, Authorization: Bearer; "session": the signed-in browser's cookie. */
  auth: "token" | "session";
  /** Token routes: the scope apiRoute requires ("write" routes refuse read-only tokens). */
  scope?: TokenScope;
  permission: Governing;
  request: (context: CaseContext) => Promise<RouteRequest>;
  /** Why an allowed write leaves no audit entry; without it, an allowed POST must add one. */
  unaudited?: string;
  /** For a route the browser is sent to (an OAuth callback): an allowed call answers 303 to this path. */
  redirectsTo?: string;
}

/** Keyed "METHOD /api/path/[segment]", the route file's path under app/ with its exported method. */
export type RouteCases = Record<string, RouteCase[]>;

export interface PublicRoute {
  /** Why nobody needs to sign in. */
  reason: string;
  /** When set, the matrix calls it without credentials and expects this status. */
  answersAnonymously?: number;
}

export const ACTION_CASES: ActionModuleCases = {
  "lib/decisions/actions.ts": DECISION_ACTION_CASES,
  "lib/definitions/actions.ts": DEFINITION_ACTION_CASES,
  "lib/users/actions.ts": USER_ACTION_CASES,
  "lib/tokens/actions.ts": TOKEN_ACTION_CASES,
  "lib/leads/actions.ts": LEAD_ACTION_CASES,
  "lib/review/actions.ts": REVIEW_ACTION_CASES,
  "lib/fixes/actions.ts": FIX_ACTION_CASES,
  "lib/meetings/actions.ts": MEETING_ACTION_CASES,
  "lib/import/actions.ts": IMPORT_ACTION_CASES,
  "lib/sync/actions.ts": SYNC_ACTION_CASES,
  "lib/alerts/settings-actions.ts": ALERT_ACTION_CASES,
  "lib/notify/actions.ts": NOTIFY_ACTION_CASES,
  "lib/report/actions.ts": REPORT_ACTION_CASES,
  "lib/definitions/objection-actions.ts": OBJECTION_ACTION_CASES,
  "lib/saved-views/actions.ts": SAVED_VIEW_ACTION_CASES,
  "lib/lead-comments/actions.ts": CONVERSATION_ACTION_CASES,
  "lib/review/bulk-actions.ts": BULK_ACTION_CASES,
  "lib/demo/actions.ts": DEMO_ACTION_CASES,
};

export const ROUTE_CASES: RouteCases = { ...ROUTE_CASE_LIST, ...IMPORT_ROUTE_CASES, ...LIST_ROUTE_CASES, ...SYNC_ROUTE_CASES };
export const PUBLIC_ROUTES: Record<string, PublicRoute> = PUBLIC_ROUTE_LIST;

/** Whether the table lets `role` do the case: every governing action must allow it. */
export function governingActions(permission: Governing): readonly Action[] {
  return typeof permission === "string" ? [permission as Action] : (permission as readonly Action[]);
}
