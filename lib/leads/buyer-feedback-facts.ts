import { SOURCE_SIGNAL_LABELS, type SourceSignal } from "@/lib/diagnosis/buyer-feedback";

// The buyer's objection and the source-quality signal as label / value / hint facts, for the lead page and
// the review board alike. Shown only when recorded: both are optional, so their absence is not a gap.

export function buyerFeedbackFacts(lead: {
  objectionCode: string | null;
  objectionDetail: string | null;
  sourceSignal: SourceSignal | null;
}): [string, string, string | undefined][] {
  return [
    ...(lead.objectionCode
      ? [
          ["Buyer's objection", lead.objectionCode.replaceAll("_", " "), lead.objectionDetail ?? undefined] as [
            string,
            string,
            string | undefined,
          ],
        ]
      : []),
    ...(lead.sourceSignal
      ? [["Source quality (rep's call)", SOURCE_SIGNAL_LABELS[lead.sourceSignal], undefined] as [string, string, string | undefined]]
      : []),
  ];
}
