import type { Metadata } from "next";
import Link from "next/link";
import { NewMeetingForm } from "@/components/meetings/new-meeting-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { findNewMeetingPage } from "@/lib/meetings/queries";
import { boardSearchParams, withParams } from "@/lib/review/board-query";
import { formatDate } from "@/lib/time";

export const metadata: Metadata = { title: "Plan a meeting" };

export default async function NewMeetingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser("meetings.manage");
  const page = await findNewMeetingPage(await searchParams);
  const board = boardSearchParams(page.query, { review: null, page: 1 });
  const { from, to } = page.query.list;
  const day = (value: string) => formatDate(`${value}T12:00:00Z`, "UTC");
  return (
    <div className="max-w-4xl">
      <PageHeader
        title="Plan a meeting"
        description="The agenda is built from the review board's flagged leads; you can reorder it afterwards."
      />
      <Card
        title="From the board"
        description={`${from && to ? `Captured ${day(from)} – ${day(to)}` : from ? `Captured since ${day(from)}` : "All capture dates"} · ${page.counts.all} flagged leads, ${page.counts.to_review} still to review`}
        actions={
          <Link href={withParams("/review", board)} className="text-sm font-medium text-brand-700 hover:underline">
            Change the board&apos;s filters
          </Link>
        }
        className="mb-4"
      >
        <NewMeetingForm
          board={board.toString()}
          users={page.users}
          defaults={{ title: `Weekly alignment · ${page.today}`, scheduledFor: page.defaultScheduledFor }}
          timeZone={page.timeZone}
        />
      </Card>
    </div>
  );
}
