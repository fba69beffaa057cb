import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AgendaList } from "@/components/meetings/agenda-list";
import { MeetingControls } from "@/components/meetings/meeting-controls";
import { MeetingDetailsForm } from "@/components/meetings/meeting-details-form";
import { MeetingStatusBadge } from "@/components/meetings/meeting-status-badge";
import { TallyStrip } from "@/components/meetings/tally-strip";
import { LiveRefresh } from "@/components/review/live-refresh";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Card } from "@/components/ui/card";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { tabTitle } from "@/lib/actions/tab-title";
import { findMeetingPage } from "@/lib/meetings/queries";
import { toLocalDateTime } from "@/lib/meetings/schedule";
import { routeId } from "@/lib/actions/route-guard";
import { formatDateTime } from "@/lib/time";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: await tabTitle("meeting", routeId((await params).id), "Meeting") };
}

export default async function MeetingPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("review.read");
  const id = routeId((await params).id);
  const page = id ? await findMeetingPage(id) : null;
  if (!page) notFound();
  const { meeting, timeZone } = page;
  const canManage = can(user.role, "meetings.manage");
  const editable = canManage && meeting.status !== "ended";
  return (
    <div className="space-y-4">
      <Breadcrumb trail={[{ href: "/meetings", label: "Meetings" }]} current={meeting.title} />
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <div className="flex items-center gap-2">
            <h1 className="text-xl font-semibold tracking-tight text-slate-900">{meeting.title}</h1>
            <MeetingStatusBadge status={meeting.status} />
          </div>
          <p className="text-sm text-slate-600">
            {formatDateTime(meeting.scheduledFor, timeZone)} ({timeZone}) · planned by {meeting.createdBy.name} · {meeting.items.length}{" "}
            lead{meeting.items.length === 1 ? "" : "s"} · {page.fixCount} fix{page.fixCount === 1 ? "" : "es"}
          </p>
          <div className="mt-1">
            <LiveRefresh url={`/api/meetings/${meeting.id}/stamp`} stamp={page.stamp} />
          </div>
        </div>
        <MeetingControls id={meeting.id} version={meeting.version} status={meeting.status} canManage={canManage} />
      </header>
      <TallyStrip tally={page.tally} total={meeting.items.length} />
      <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <Card
          title="Agenda"
          description={
            editable ? "Reorder with the arrows; the presenter walks through it top to bottom." : "The order the meeting walked through."
          }
        >
          <AgendaList
            meetingId={meeting.id}
            version={meeting.version}
            items={meeting.items}
            currentItemId={meeting.status === "running" ? meeting.currentItemId : null}
            canEdit={editable}
          />
        </Card>
        <Card title={editable ? "Details" : "Attendees"}>
          {editable ? (
            <MeetingDetailsForm
              id={meeting.id}
              saved={{
                title: meeting.title,
                scheduledFor: toLocalDateTime(meeting.scheduledFor, timeZone),
                attendeeIds: meeting.attendees.map((row) => row.user.id),
                version: meeting.version,
              }}
              users={page.users}
              timeZone={timeZone}
            />
          ) : meeting.attendees.length ? (
            <ul className="space-y-1 text-sm">
              {meeting.attendees.map(({ user: attendee }) => (
                <li key={attendee.id}>
                  {attendee.name} <span className="text-xs text-slate-500">{ROLE_LABELS[attendee.role]}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-500">No attendees recorded.</p>
          )}
        </Card>
      </div>
    </div>
  );
}
