import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MeetingStatusBadge } from "@/components/meetings/meeting-status-badge";
import { PrintButton } from "@/components/meetings/print-button";
import { SummaryView } from "@/components/meetings/summary-view";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { buttonClasses } from "@/components/ui/button";
import { requirePageUser } from "@/lib/auth/session";
import { tabTitle } from "@/lib/actions/tab-title";
import { findMeetingSummary } from "@/lib/meetings/queries";
import { routeId } from "@/lib/actions/route-guard";
import { formatDateTime } from "@/lib/time";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const name = await tabTitle("meeting", routeId((await params).id), "");
  return { title: name ? `${name} · summary` : "Meeting summary" };
}

export default async function MeetingSummaryPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("review.read");
  const id = routeId((await params).id);
  const result = id ? await findMeetingSummary(id) : null;
  if (!result) notFound();
  const { summary, timeZone } = result;
  const { meeting } = summary;
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <Breadcrumb
        trail={[
          { href: "/meetings", label: "Meetings" },
          { href: `/meetings/${meeting.id}`, label: meeting.title },
        ]}
        current="Summary"
        className="no-print"
      />
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <div className="flex items-center gap-2">
            <h1 className="text-xl font-semibold tracking-tight text-slate-900">{meeting.title}: summary</h1>
            <MeetingStatusBadge status={meeting.status} />
          </div>
          <p className="text-sm text-slate-600">
            {formatDateTime(meeting.scheduledFor, timeZone)} ({timeZone})
          </p>
          <p className="text-sm text-slate-600">Attendees: {meeting.attendees.length ? meeting.attendees.join(", ") : "none recorded"}</p>
        </div>
        <div className="no-print flex flex-wrap gap-2">
          <a href={`/api/meetings/${meeting.id}/summary?format=md`} download className={buttonClasses("secondary")}>
            Download Markdown
          </a>
          <a href={`/api/meetings/${meeting.id}/summary?format=csv`} download className={buttonClasses("secondary")}>
            Download CSV
          </a>
          <PrintButton />
        </div>
      </header>
      <SummaryView summary={summary} />
    </div>
  );
}
