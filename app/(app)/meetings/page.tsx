import type { Metadata } from "next";
import { MeetingsTable } from "@/components/meetings/meetings-table";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { findMeetings } from "@/lib/meetings/queries";

export const metadata: Metadata = { title: "Meetings" };

export default async function MeetingsPage() {
  const user = await requirePageUser("review.read");
  const { meetings, timeZone } = await findMeetings();
  return (
    <>
      <PageHeader
        title="Meetings"
        description="The weekly marketing and sales alignment: walk through flagged leads one at a time, decide, and leave with fixes, owners and due dates."
        actions={can(user.role, "meetings.manage") ? <ButtonLink href="/meetings/new">Plan a meeting</ButtonLink> : undefined}
      />
      <MeetingsTable meetings={meetings} timeZone={timeZone} />
    </>
  );
}
