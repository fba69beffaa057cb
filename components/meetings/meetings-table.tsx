import Link from "next/link";
import { MeetingStatusBadge } from "@/components/meetings/meeting-status-badge";
import { EntityTable, type EntityColumn } from "@/components/ui/entity-table";
import type { findMeetings } from "@/lib/meetings/queries";
import { formatDateTime } from "@/lib/time";

type Meeting = Awaited<ReturnType<typeof findMeetings>>["meetings"][number];

const link = "font-medium text-brand-700 hover:underline";

function columns(timeZone: string): EntityColumn<Meeting>[] {
  const names = (meeting: Meeting) => meeting.attendees.map((row) => row.user.name).join(", ");
  return [
    {
      header: "Meeting",
      cell: (meeting) => (
        <Link href={`/meetings/${meeting.id}`} className={link}>
          {meeting.title}
        </Link>
      ),
    },
    { header: "When", className: "whitespace-nowrap tabular-nums", cell: (meeting) => formatDateTime(meeting.scheduledFor, timeZone) },
    { header: "Status", cell: (meeting) => <MeetingStatusBadge status={meeting.status} /> },
    {
      header: "Attendees",
      className: "max-w-64 truncate text-slate-600",
      cell: (meeting) => <span title={names(meeting)}>{names(meeting) || "—"}</span>,
    },
    {
      header: "Decided",
      className: "whitespace-nowrap tabular-nums",
      cell: (meeting) => `${meeting.items.filter((item) => item.decision !== null).length} of ${meeting.items.length}`,
    },
    { header: "Fixes", className: "tabular-nums", cell: (meeting) => meeting._count.fixes },
    {
      header: "Open",
      srOnly: true,
      className: "whitespace-nowrap text-right",
      cell: (meeting) => (
        <>
          {meeting.status === "running" && (
            <Link href={`/meetings/${meeting.id}/present`} className={`mr-3 ${link}`}>
              Present
            </Link>
          )}
          {meeting.status !== "planned" && (
            <Link href={`/meetings/${meeting.id}/summary`} className={link}>
              Summary
            </Link>
          )}
        </>
      ),
    },
  ];
}

/** Meetings, newest first: when, who, how far the agenda got and how many fixes came out of it. */
export function MeetingsTable({ meetings, timeZone }: { meetings: Meeting[]; timeZone: string }) {
  return (
    <EntityTable
      caption="Meetings"
      rows={meetings}
      columns={columns(timeZone)}
      rowKey={(meeting) => meeting.id}
      framed
      empty={
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-10 text-center text-sm text-slate-500">
          No meetings yet. Plan one from the review board: its agenda is built from the board&apos;s leads.
        </p>
      }
    />
  );
}
