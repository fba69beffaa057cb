import type { Prisma } from "@/lib/db";

// What marketing captured about a lead, shown beside it wherever sales decides on it (the queue) and
// wherever marketing answers a question about it (the inbox).

export const CAPTURE_CONTEXT_SELECT = {
  originalSource: true,
  campaign: true,
  offer: true,
  conversionPoint: true,
  buyerMessage: true,
} as const satisfies Prisma.LeadSelect;

export type CaptureContext = Prisma.LeadGetPayload<{ select: typeof CAPTURE_CONTEXT_SELECT }>;

/** Only the capture context of a lead row that selected more. */
export function captureContextOf(lead: CaptureContext): CaptureContext {
  return {
    originalSource: lead.originalSource,
    campaign: lead.campaign,
    offer: lead.offer,
    conversionPoint: lead.conversionPoint,
    buyerMessage: lead.buyerMessage,
  };
}
