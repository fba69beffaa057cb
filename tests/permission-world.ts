// The seeded workspace the permission matrix acts in: the demo sign-in of every role, and records built
// on demand so each call gets VALID input — a lead the acting user may decide on, a note on the side being
// written, a running meeting — so an allowed role gets past validation and ownership, and a refusal can
// only come from the permission check. Every builder hands out fresh records: allowed calls change them.
import { hashPassword } from "@/lib/auth/password";
import { ROLES, type Role } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db, type Prisma } from "@/lib/db";
import { requestLeadInfo } from "@/lib/decisions/mutations";
import { FAILURE_POINTS } from "@/lib/diagnosis/vocabulary";
import { createFix } from "@/lib/fixes/mutations";
import { createMeeting, startMeeting } from "@/lib/meetings/mutations";
import { DEMO_LOGINS } from "@/prisma/seed/demo-people";

const LOGIN_OF_ROLE: Record<Role, string> = {
  admin: DEMO_LOGINS.admin,
  revops: DEMO_LOGINS.revops,
  marketing: DEMO_LOGINS.marketing,
  sales_manager: DEMO_LOGINS.manager,
  sales_rep: DEMO_LOGINS.rep,
  viewer: DEMO_LOGINS.viewer,
};

const USER_FIELDS = { id: true, name: true, email: true, role: true, teamId: true } as const;

export interface LeadForDecision {
  id: number;
  version: number;
  /** Every acceptance criterion of the lead's type, marked met. */
  criteria: Record<string, boolean>;
  ownerId: number | null;
}

export interface MeetingRecord {
  id: number;
  version: number;
  itemIds: number[];
}

export class PermissionWorld {
  private readonly usedLeads = new Set<number>();
  /** Leads handed out since beginCase(): a refused call leaves them as they were, so they can be reused. */
  private caseLeads: number[] = [];
  private counter = 0;

  private constructor(readonly actors: Record<Role, SessionUser>) {}

  static async load(): Promise<PermissionWorld> {
    const entries = await Promise.all(
      ROLES.map(
        async (role) => [role, await db.user.findUniqueOrThrow({ where: { email: LOGIN_OF_ROLE[role] }, select: USER_FIELDS })] as const,
      ),
    );
    return new PermissionWorld(Object.fromEntries(entries) as Record<Role, SessionUser>);
  }

  get admin(): SessionUser {
    return this.actors.admin;
  }

  beginCase(): void {
    this.caseLeads = [];
  }

  /** The call was refused and wrote nothing: the case's leads are still valid for the next case. */
  releaseCase(): void {
    for (const id of this.caseLeads) this.usedLeads.delete(id);
    this.caseLeads = [];
  }

  /** A short unique suffix for codes, emails and titles. */
  unique(prefix: string): string {
    this.counter += 1;
    return `${prefix}_${Date.now().toString(36)}_${this.counter}`;
  }

  private async claimLead(where: Prisma.LeadWhereInput): Promise<LeadForDecision> {
    const lead = await db.lead.findFirst({
      where: { ...where, id: { notIn: [...this.usedLeads] } },
      orderBy: { id: "asc" },
      select: { id: true, version: true, ownerId: true, leadType: { select: { acceptanceCriteria: true } } },
    });
    if (!lead) throw new Error(`The demo workspace has no unused lead matching ${JSON.stringify(where)}`);
    this.usedLeads.add(lead.id);
    this.caseLeads.push(lead.id);
    const criteria = Array.isArray(lead.leadType?.acceptanceCriteria) ? (lead.leadType.acceptanceCriteria as { id: string }[]) : [];
    return {
      id: lead.id,
      version: lead.version,
      ownerId: lead.ownerId,
      criteria: Object.fromEntries(criteria.map((criterion) => [criterion.id, true])),
    };
  }

  /**
   * A pending lead, without an open question to marketing, that the actor may decide on. Made for the
   * case rather than taken from the demo: the matrix decides on more leads than the demo keeps pending.
   */
  async decidableLead(actor: SessionUser): Promise<LeadForDecision> {
    // A rep decides on their own leads, a manager on their team's (the demo rep is on it), operators on anyone's.
    const ownerId = actor.role === "sales_manager" && actor.teamId !== this.actors.sales_rep.teamId ? actor.id : this.actors.sales_rep.id;
    const leadType = await db.leadType.findFirst({
      where: { active: true, NOT: { acceptanceCriteria: { equals: [] } } },
      orderBy: { id: "asc" },
      select: { id: true, acceptanceCriteria: true },
    });
    const externalId = this.unique("matrix_lead");
    const lead = await db.lead.create({
      data: {
        sourceSystem: "permission-matrix",
        externalId,
        name: `Matrix Lead ${externalId}`,
        email: `${externalId}@buyer.example`,
        capturedAt: new Date(Date.now() - 30 * 60_000),
        leadTypeId: leadType?.id ?? null,
        ownerId: actor.role === "sales_rep" ? actor.id : ownerId,
        ownerAssignedAt: new Date(Date.now() - 20 * 60_000),
      },
      select: { id: true, version: true, ownerId: true },
    });
    this.usedLeads.add(lead.id);
    this.caseLeads.push(lead.id);
    const criteria = Array.isArray(leadType?.acceptanceCriteria) ? (leadType.acceptanceCriteria as { id: string }[]) : [];
    return { ...lead, criteria: Object.fromEntries(criteria.map((criterion) => [criterion.id, true])) };
  }

  /** An accepted lead the actor owns: only a lead's owner logs its first action. */
  async acceptedLeadOwnedBy(actor: SessionUser): Promise<LeadForDecision> {
    const lead = await this.claimLead({ acceptanceStatus: "accepted", owner: { role: "sales_rep" } });
    if (lead.ownerId === actor.id) return lead;
    // Hand it to the actor (as a reassignment would), keeping the version the form would have read.
    const moved = await db.lead.update({
      where: { id: lead.id },
      data: { ownerId: actor.id, version: { increment: 1 } },
      select: { version: true },
    });
    return { ...lead, ownerId: actor.id, version: moved.version };
  }

  /** A lead waiting on marketing: its owner asked a question; returns the lead's version after it. */
  async leadWithOpenQuestion(): Promise<LeadForDecision> {
    // A question asked for a refused case is still open: reuse it before asking another.
    const waiting = await this.claimLead({ acceptanceStatus: "info_requested", infoRequests: { some: { status: "open" } } }).catch(
      () => null,
    );
    if (waiting) return waiting;
    const lead = await this.decidableLead(this.actors.sales_rep);
    const owner = await db.user.findUniqueOrThrow({ where: { id: lead.ownerId ?? 0 }, select: USER_FIELDS });
    const asked = await requestLeadInfo(owner, lead.id, {
      version: lead.version,
      question: "Which product line did they ask about on the call?",
    });
    return { ...lead, version: asked.version };
  }

  /** A lead the actor may reassign and a sales rep it may go to (on the actor's team for a manager). */
  async reassignment(actor: SessionUser): Promise<{ lead: LeadForDecision; ownerId: number }> {
    const lead = await this.decidableLead(actor);
    const teamId = actor.role === "sales_manager" ? actor.teamId : undefined;
    const owner = await db.user.findFirstOrThrow({
      where: { role: "sales_rep", active: true, id: { not: lead.ownerId ?? undefined }, ...(teamId !== undefined ? { teamId } : {}) },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    return { lead, ownerId: owner.id };
  }

  /** An unused decided lead: review notes, tags and fixes are per lead; pending ones are kept for decisions. */
  async anyLead(): Promise<number> {
    return (await this.claimLead({ acceptanceStatus: { in: ["accepted", "rejected"] } })).id;
  }

  async note(side: "marketing" | "sales"): Promise<{ id: number; version: number }> {
    const author = side === "marketing" ? this.actors.marketing : this.actors.sales_rep;
    return db.annotation.create({
      data: { leadId: await this.anyLead(), side, body: "Form had no company size field.", authorId: author.id },
      select: { id: true, version: true },
    });
  }

  async failureTag(): Promise<{ leadId: number; failurePoint: (typeof FAILURE_POINTS)[number]; version: number }> {
    const leadId = await this.anyLead();
    // Upsert: a lead released by a refused case may already carry this tag, unchanged.
    const tag = await db.leadFailureTag.upsert({
      where: { leadId_failurePoint: { leadId, failurePoint: "slow_timing" } },
      create: { leadId, failurePoint: "slow_timing", verdict: "added", side: "sales", createdById: this.actors.sales_rep.id },
      update: {},
      select: { version: true },
    });
    return { leadId, failurePoint: "slow_timing", version: tag.version };
  }

  /** A fix an admin proposed, citing `evidence` leads. */
  async fix(evidence = 1): Promise<{ id: number; version: number; leadIds: number[] }> {
    const leadIds: number[] = [];
    for (let index = 0; index < evidence; index += 1) leadIds.push(await this.anyLead());
    const fix = await createFix(this.admin, {
      title: this.unique("Fix"),
      fixType: "routing_rule",
      description: "Route demo requests to the round-robin queue within five minutes.",
      failurePoint: "unclear_owner",
      expectedMetric: "lead_to_owner_time",
      ownerId: this.admin.id,
      dueDate: "2030-01-31",
      leadIds,
    });
    return { id: fix.id, version: fix.version, leadIds };
  }

  /** The review board over the demo's whole history, which always has flagged leads. */
  readonly board = "period=all";

  /** A meeting an admin planned from the board; `running` also starts it. */
  async meeting(options: { running?: boolean } = {}): Promise<MeetingRecord> {
    let meeting = await createMeeting(this.admin, {
      title: this.unique("Weekly handoff review"),
      scheduledFor: "2030-03-04T10:00",
      attendeeIds: [this.admin.id],
      strategy: "most_severe",
      size: 3,
      onlyToReview: false,
      board: this.board,
    });
    if (options.running) meeting = await startMeeting(this.admin, { id: meeting.id, version: meeting.version });
    const items = await db.meetingItem.findMany({ where: { meetingId: meeting.id }, orderBy: { position: "asc" }, select: { id: true } });
    return { id: meeting.id, version: meeting.version, itemIds: items.map((item) => item.id) };
  }

  /** A user nobody else relies on, for the admin's changes to other people's accounts. */
  async throwawayUser(): Promise<number> {
    const email = `${this.unique("target")}@example.com`;
    return (
      await db.user.create({
        data: { email, name: "Target Person", role: "viewer", passwordHash: "not-a-real-hash" },
        select: { id: true },
      })
    ).id;
  }

  /** A person without a sign-in, as an import or a CRM sync creates one. */
  async throwawayCrmPerson(): Promise<number> {
    return (await db.user.create({ data: { name: `CRM ${this.unique("person")}`, role: "sales_rep" }, select: { id: true } })).id;
  }

  /** Gives the actor a password the test knows, for the forms that ask for the current one. */
  async setPassword(userId: number, password: string): Promise<void> {
    await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(password) } });
  }
}
