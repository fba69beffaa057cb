import type { Metadata } from "next";
import { InboxList, RecentAnswers } from "@/components/inbox/inbox-list";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { findInbox } from "@/lib/decisions/inbox-queries";

export const metadata: Metadata = { title: "Info requests" };

export default async function InboxPage() {
  await requirePageUser("info_requests.answer");
  const inbox = await findInbox();
  return (
    <div className="space-y-5">
      <PageHeader
        title="Info requests"
        description={`Questions sales asked before deciding on a lead, longest wait first (${inbox.open.length} open). Your answer sends the lead back to the rep's queue.`}
      />
      <div className="grid items-start gap-5 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <InboxList questions={inbox.open} timeZone={inbox.timeZone} now={inbox.now} />
        <Card title="Recently answered">
          <RecentAnswers answers={inbox.answered} timeZone={inbox.timeZone} />
        </Card>
      </div>
    </div>
  );
}
