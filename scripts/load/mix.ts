// What one signed-in user does during the load: a weighted mix of the lead list (filters, search, sorts,
// pages), lead detail, the dashboard, review notes and decisions on their own leads. Writes go through
// the server actions the way the browser sends them (POST to the page with a Next-Action header); each
// carries a unique marker, so the check afterwards can find every acknowledged write by identity.
import { FAILURE_POINTS } from "../../lib/diagnosis/vocabulary.ts";
import { createRng, type Rng } from "../../prisma/seed/random.ts";
import type { DecisionLead, LoadUser } from "./workspace.ts";

export const KINDS = ["lead list", "lead detail", "dashboard", "annotation", "decision"] as const;
export type Kind = (typeof KINDS)[number];

/** Per 100 requests of a sales user; marketers cannot decide, so they write notes instead. */
export const SALES_MIX: Record<Kind, number> = { "lead list": 40, "lead detail": 25, dashboard: 10, annotation: 15, decision: 10 };
export const MARKETING_MIX: Record<Kind, number> = { "lead list": 40, "lead detail": 25, dashboard: 10, annotation: 25, decision: 0 };

export type WriteKind = "note" | "accept" | "reject" | "request_info";

export interface Write {
  kind: WriteKind;
  marker: string;
  userId: number;
  leadId: number;
}

export interface PlannedRequest {
  kind: Kind;
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
  write?: Write;
  decisionLead?: DecisionLead & { state: DecisionState };
}

export interface ActionIds {
  addNote: string;
  accept: string;
  reject: string;
  requestInfo: string;
}

export interface MixContext {
  base: string;
  runId: string;
  actions: ActionIds;
  reasons: string[];
  sources: string[];
  /** Lead ids the detail pages are drawn from (spread over the dataset). */
  detailLeadIds: number[];
}

type DecisionState = "pending" | "info_requested" | "closed" | "unknown";

/**
 * The result a server action returned, from its RSC (text/x-component) response: the row holding an
 * object with a boolean `ok`, as every Baton action returns. Null when there is none.
 */
export function actionResult(body: string): { ok: boolean; message?: string } | null {
  for (const line of body.split("\n")) {
    const match = /^[0-9a-f]+:(\{.*\})$/.exec(line);
    if (!match) continue;
    try {
      const value = JSON.parse(match[1]!) as { ok?: unknown; message?: unknown };
      if (typeof value.ok === "boolean") return { ok: value.ok, message: typeof value.message === "string" ? value.message : undefined };
    } catch {
      // not JSON: another row kind
    }
  }
  return null;
}

/** What an HTML page response says about itself: an error boundary or the sign-in page are failures. */
export function pageProblem(status: number, body: string): string | null {
  if (status < 200 || status >= 400) return `HTTP ${status}`;
  if (status >= 300) return `redirected (HTTP ${status})`;
  if (body.includes("This page could not be loaded")) return "the page's error boundary";
  return null;
}

export class UserSession {
  private readonly rng: Rng;
  private readonly leads: (DecisionLead & { state: DecisionState })[];
  private sequence = 0;
  private readonly headers: Record<string, string>;

  constructor(
    readonly user: LoadUser,
    cookie: string,
    private readonly context: MixContext,
  ) {
    this.rng = createRng(`load-user-${user.id}`);
    this.leads = user.decisionLeads.map((lead) => ({ ...lead, state: "pending" as DecisionState }));
    this.headers = { Cookie: cookie, Accept: "text/html,application/xhtml+xml", "User-Agent": "baton-load" };
  }

  private pick<T>(items: readonly T[]): T {
    return this.rng.pick(items);
  }

  private chance(p: number): boolean {
    return this.rng.chance(p);
  }

  private nextKind(): Kind {
    const mix = this.user.role === "marketing" ? MARKETING_MIX : SALES_MIX;
    return this.rng.weighted(KINDS.map((kind) => [kind, mix[kind]] as const));
  }

  next(): PlannedRequest {
    const kind = this.nextKind();
    if (kind === "decision") {
      const lead = this.leads.find((candidate) => candidate.state === "pending" || candidate.state === "info_requested");
      if (lead) return this.decision(lead);
      return this.annotation(); // every own lead decided: the rest of the session reviews
    }
    if (kind === "annotation") return this.annotation();
    if (kind === "lead detail") return this.page(kind, `/leads/${this.pick(this.context.detailLeadIds)}`);
    if (kind === "dashboard")
      return this.page(kind, this.chance(0.6) ? "/dashboard" : `/dashboard?source=${encodeURIComponent(this.pick(this.context.sources))}`);
    return this.page(kind, `/leads?${this.listQuery()}`);
  }

  /** The filters people combine on the lead list: source, decision, flagged with a failure point, search, sorts, pages. */
  private listQuery(): string {
    const params = new URLSearchParams();
    if (this.chance(0.35)) params.set("source", this.pick(this.context.sources));
    if (this.chance(0.2)) params.set("status", this.pick(["pending", "accepted", "rejected", "info_requested"]));
    if (this.chance(0.3)) {
      params.set("flagged", "1");
      if (this.chance(0.5)) params.set("fp", this.pick(FAILURE_POINTS));
      params.set("sort", "severity.desc");
    }
    if (this.chance(0.15))
      params.set("q", this.chance(0.5) ? `lead ${this.rng.int(1, 99_999)}` : this.pick(["acct", "Head of Sales", "co12", "RevOps"]));
    if (!params.has("sort") && this.chance(0.35)) {
      params.set(
        "sort",
        `${this.pick(["capturedAt", "name", "company", "originalSource", "acceptanceStatus", "severity", "ownerAssignedAt"])}.${this.pick(["asc", "desc"])}`,
      );
    }
    if (this.chance(0.3)) params.set("page", String(this.rng.int(2, 41)));
    if (this.chance(0.1)) params.set("size", String(this.pick([25, 100])));
    return params.toString();
  }

  private page(kind: Kind, path: string): PlannedRequest {
    return { kind, method: "GET", path, headers: this.headers };
  }

  private marker(): string {
    this.sequence += 1;
    return `load:${this.context.runId}:u${this.user.id}:${this.sequence}`;
  }

  private action(kind: Kind, path: string, actionId: string, args: unknown[]): PlannedRequest {
    return {
      kind,
      method: "POST",
      path,
      headers: {
        Cookie: this.headers.Cookie!,
        "User-Agent": "baton-load",
        Accept: "text/x-component",
        "Content-Type": "text/plain;charset=UTF-8",
        "Next-Action": actionId,
        Origin: this.context.base,
        Referer: `${this.context.base}${path}`,
        "Sec-Fetch-Site": "same-origin",
      },
      body: JSON.stringify(args),
    };
  }

  private annotation(): PlannedRequest {
    const leadId = this.pick(this.user.noteLeads);
    const marker = this.marker();
    const side = this.user.role === "marketing" ? "marketing" : "sales";
    const text =
      side === "marketing"
        ? "Came from the webinar follow-up; the form skipped the company size."
        : "Called twice, no answer; the number on the form looks wrong.";
    const request = this.action("annotation", `/review/${leadId}`, this.context.actions.addNote, [
      { leadId, side, body: `${text} [${marker}]` },
    ]);
    return { ...request, write: { kind: "note", marker, userId: this.user.id, leadId } };
  }

  private decision(lead: DecisionLead & { state: DecisionState }): PlannedRequest {
    const marker = this.marker();
    const roll = this.rng.next();
    const choice: WriteKind = lead.state === "pending" && roll < 0.2 ? "request_info" : roll < 0.65 ? "accept" : "reject";
    const tag = `[${marker}]`;
    let actionId: string;
    let input: Record<string, unknown>;
    if (choice === "accept") {
      actionId = this.context.actions.accept;
      input = {
        version: lead.version,
        criteria: Object.fromEntries(lead.criteria.map((id) => [id, true])),
        firstAction: "call",
        firstActionNote: `Intro call booked the discovery ${tag}`,
        nextAction: "Discovery call",
        nextActionDueAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      };
    } else if (choice === "reject") {
      actionId = this.context.actions.reject;
      input = {
        version: lead.version,
        reasonCode: this.pick(this.context.reasons),
        detail: `The company has 8 employees, below the 50-employee floor; no budget this year ${tag}`,
        criteria: Object.fromEntries(lead.criteria.map((id) => [id, false])),
        recycleSuggested: this.chance(0.3),
      };
    } else {
      actionId = this.context.actions.requestInfo;
      input = { version: lead.version, question: `Which product did they ask about on the form? ${tag}` };
    }
    const request = this.action("decision", "/queue", actionId, [lead.id, input]);
    // Until the answer arrives, nobody else sends a decision on this lead.
    lead.state = "unknown";
    return { ...request, write: { kind: choice, marker, userId: this.user.id, leadId: lead.id }, decisionLead: lead };
  }

  /** After the answer: an acknowledged decision moves the lead's version and state on. */
  settle(request: PlannedRequest, acknowledged: boolean): void {
    const lead = request.decisionLead;
    if (!lead || !acknowledged || !request.write) return;
    lead.version += 1;
    lead.state = request.write.kind === "request_info" ? "info_requested" : "closed";
  }
}
