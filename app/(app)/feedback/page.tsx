import type { Metadata } from "next";
import { BuyerFeedbackTable } from "@/components/feedback/buyer-feedback-table";
import { FeedbackFilters } from "@/components/feedback/feedback-filters";
import { FeedbackGroups } from "@/components/feedback/feedback-groups";
import { FeedbackTotals } from "@/components/feedback/feedback-totals";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { findBuyerFeedback } from "@/lib/decisions/buyer-feedback-queries";
import { FEEDBACK_PERIODS, findFeedback } from "@/lib/decisions/feedback-queries";

export const metadata: Metadata = { title: "Sales feedback" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function FeedbackPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageUser("dashboard.read");
  const params = await searchParams;
  const grouping = params.by === "campaign" ? "campaign" : "source";
  const days = params.days === "all" ? null : (FEEDBACK_PERIODS.find((period) => String(period) === params.days) ?? 90);
  const [feedback, buyerFeedback] = await Promise.all([findFeedback(grouping, days), findBuyerFeedback(grouping, days)]);
  return (
    <div className="space-y-5">
      <PageHeader
        title="Sales feedback"
        description="Why sales accepted or rejected marketing's leads, per source or campaign: the reasons with counts, what reps wrote, how usable it is, the questions still waiting on marketing, what buyers objected to and whether the leads were what their source promised."
      />
      <FeedbackFilters grouping={grouping} days={days} />
      <FeedbackTotals totals={feedback.totals} now={feedback.now} />
      <BuyerFeedbackTable view={buyerFeedback} />
      <FeedbackGroups groups={feedback.groups} grouping={grouping} timeZone={feedback.timeZone} now={feedback.now} />
    </div>
  );
}
