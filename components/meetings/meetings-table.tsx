import Link from "next/link";
import { MeetingStatusBadge } from "@/components/meetings/meeting-status-badge";
import type { findMeetings } from "@/lib/meetings/queries";
import { formatDateTime } from "@/lib/time";

type Meeting = Awaited<ReturnType<typeof findMeetings>>["meetings"][number];

/** Meetings, newest first: when, who, how far the agenda got and how many fixes came out of it. */
export function MeetingsTable({ meetings, timeZone }: { meetings: Meeting[]; timeZone: string }) {
  if (meetings.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-10 text-center text-sm text-slate-500">No meetings yet. Plan one from the review board: its agenda is built from the board&apos;s leads.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full text-sm">
        <caption className="sr-only">Meetings</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2">Meeting</th>
            <th scope="col" className="px-3 py-2">When</th>
            <th scope="col" className="px-3 py-2">Status</th>
            <th scope="col" className="px-3 py-2">Attendees</th>
            <th scope="col" className="px-3 py-2">Decided</th>
            <th scope="col" className="px-3 py-2">Fixes</th>
            <th scope="col" className="px-3 py-2"><span className="sr-only">Open</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {meetings.map((meeting) => {
            const decided = meeting.items.filter((item) => item.decision !== null).length;
            return (
              <tr key={meeting.id} className="hover:bg-slate-50">
                <td className="px-3 py-2">
                  <Link href={`/meetings/${meeting.id}`} className="font-medium text-brand-700 hover:underline">{meeting.title}</Link>
                </td>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatDateTime(meeting.scheduledFor, timeZone)}</td>
                <td className="px-3 py-2"><MeetingStatusBadge status={meeting.status} /></td>
                <td className="max-w-64 truncate px-3 py-2 text-slate-600" title={meeting.attendees.map((row) => row.user.name).join(", ")}>
                  {meeting.attendees.length ? meeting.attendees.map((row) => row.user.name).join(", ") : "—"}
                </td>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">{decided} of {meeting.items.length}</td>
                <td className="px-3 py-2 tabular-nums">{meeting._count.fixes}</td>
                <td className="whitespace-nowrap px-3 py-2 text-right">
                  {meeting.status === "running" && <Link href={`/meetings/${meeting.id}/present`} className="mr-3 font-medium text-brand-700 hover:underline">Present</Link>}
                  {meeting.status !== "planned" && <Link href={`/meetings/${meeting.id}/summary`} className="font-medium text-brand-700 hover:underline">Summary</Link>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
