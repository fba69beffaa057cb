"use client";

import { FormStatus, SaveButton } from "@/components/ui/form";
import { useActionForm, validateWith } from "@/components/ui/use-action-form";
import { addToAgenda } from "@/lib/meetings/actions";
import { agendaAddFormValues, agendaAddSchema } from "@/lib/meetings/schemas";
import type { ComingMeeting } from "@/lib/meetings/queries";
import { formatDateTime } from "@/lib/time";

/** Beside the bulk tag: the selected leads join a coming meeting's agenda. */
export function BulkAgendaForm(props: {
  selected: number[];
  meetings: ComingMeeting[];
  timeZone: string;
  onDone: (message: string | undefined) => void;
}) {
  const { selected, meetings, timeZone, onDone } = props;
  const { state, pending, onSubmit, errorFor } = useActionForm({
    action: addToAgenda,
    validate: validateWith(agendaAddSchema, agendaAddFormValues),
    onSuccess: (result) => onDone(result.message),
  });
  const error = errorFor("meetingId") ?? errorFor("leadIds");
  return (
    <form onSubmit={onSubmit} aria-label="Add to a meeting's agenda" className="flex min-w-0 flex-wrap items-center gap-2">
      {selected.map((id) => (
        <input key={id} type="hidden" name="leadIds" value={id} />
      ))}
      <label className="flex min-w-0 items-center gap-2 text-slate-700">
        Add to the agenda of
        <select
          name="meetingId"
          defaultValue=""
          className="min-w-0 rounded-md border border-slate-300 px-2 py-1"
          aria-invalid={Boolean(error)}
        >
          <option value="" disabled>
            {meetings.length ? "a coming meeting…" : "no coming meeting"}
          </option>
          {meetings.map((meeting) => (
            <option key={meeting.id} value={meeting.id}>
              {meeting.title} · {formatDateTime(new Date(meeting.scheduledFor), timeZone)}
            </option>
          ))}
        </select>
      </label>
      <SaveButton pending={pending} label="Add to agenda" pendingLabel="Adding…" />
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : (
        <FormStatus state={state} />
      )}
    </form>
  );
}
