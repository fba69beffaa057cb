import "server-only";
import { db, type Prisma } from "@/lib/db";
import { CAPTURE_CONTEXT_SELECT, captureContextOf, type CaptureContext } from "@/lib/decisions/capture-context";
import { getWorkspaceSettings } from "@/lib/definitions/queries";
import type { AcceptanceStatus } from "@/lib/diagnosis/vocabulary";

// Marketing's inbox: the questions sales asked about leads, oldest first (the longest wait on top), with
// the capture context marketing needs to answer, and the latest answers for reference.

export interface InboxQuestion extends CaptureContext {
  leadId: number;
  leadName: string;
  leadVersion: number;
  company: string | null;
  title: string | null;
  acceptanceStatus: AcceptanceStatus;
  leadTypeName: string | null;
  ownerName: string | null;
  question: string;
  askedByName: string;
  askedAt: string;
}

export interface InboxAnswer {
  leadId: number;
  leadName: string;
  question: string;
  answer: string;
  answeredByName: string | null;
  answeredAt: string;
}

const LEAD_CONTEXT = {
  id: true,
  name: true,
  version: true,
  company: true,
  title: true,
  acceptanceStatus: true,
  ...CAPTURE_CONTEXT_SELECT,
  leadType: { select: { name: true } },
  owner: { select: { name: true } },
} as const satisfies Prisma.LeadSelect;

type LeadContext = Prisma.LeadGetPayload<{ select: typeof LEAD_CONTEXT }>;

function toQuestion(lead: LeadContext, question: string, askedByName: string, askedAt: Date): InboxQuestion {
  return {
    leadId: lead.id,
    leadName: lead.name,
    leadVersion: lead.version,
    company: lead.company,
    title: lead.title,
    acceptanceStatus: lead.acceptanceStatus,
    ...captureContextOf(lead),
    leadTypeName: lead.leadType?.name ?? null,
    ownerName: lead.owner?.name ?? null,
    question,
    askedByName,
    askedAt: askedAt.toISOString(),
  };
}

export async function findInbox(): Promise<{ open: InboxQuestion[]; answered: InboxAnswer[]; timeZone: string; now: string }> {
  const [requests, untracked, answered, settings] = await Promise.all([
    db.infoRequest.findMany({
      where: { status: "open" },
      orderBy: [{ askedAt: "asc" }, { id: "asc" }],
      take: 200,
      select: { question: true, askedAt: true, askedBy: { select: { name: true } }, lead: { select: LEAD_CONTEXT } },
    }),
    // Leads waiting on marketing whose question came in with an imported timeline (no request row yet).
    db.lead.findMany({
      where: { acceptanceStatus: "info_requested", infoRequests: { none: {} } },
      take: 200,
      select: {
        ...LEAD_CONTEXT,
        events: {
          where: { type: "info_requested" },
          orderBy: { occurredAt: "desc" },
          take: 1,
          select: { occurredAt: true, details: true, actorName: true, actor: { select: { name: true } } },
        },
      },
    }),
    db.infoRequest.findMany({
      where: { status: "answered" },
      orderBy: { answeredAt: "desc" },
      take: 10,
      select: {
        question: true,
        answer: true,
        answeredAt: true,
        answeredBy: { select: { name: true } },
        lead: { select: { id: true, name: true } },
      },
    }),
    getWorkspaceSettings(),
  ]);

  const open = [
    ...requests.map((request) => toQuestion(request.lead, request.question, request.askedBy.name, request.askedAt)),
    ...untracked.flatMap((lead) => {
      const asked = lead.events[0];
      if (!asked) return [];
      const question = (asked.details as { question?: unknown }).question;
      return [
        toQuestion(
          lead,
          typeof question === "string" && question ? question : "(question not recorded)",
          asked.actor?.name ?? asked.actorName ?? "Sales",
          asked.occurredAt,
        ),
      ];
    }),
  ].sort((a, b) => a.askedAt.localeCompare(b.askedAt) || a.leadId - b.leadId);

  return {
    open,
    answered: answered.map((row) => ({
      leadId: row.lead.id,
      leadName: row.lead.name,
      question: row.question,
      answer: row.answer ?? "",
      answeredByName: row.answeredBy?.name ?? null,
      answeredAt: (row.answeredAt ?? new Date(0)).toISOString(),
    })),
    timeZone: settings.timeZone,
    now: new Date().toISOString(),
  };
}
