"use client";

import { AttendeePicker } from "@/components/meetings/attendee-picker";
import { useVersionedDraft } from "@/components/review/use-draft";
import { WriteStatus } from "@/components/review/write-status";
import { Button } from "@/components/ui/button";
import type { Role } from "@/lib/auth/permissions";
import { saveMeetingDetails } from "@/lib/meetings/actions";

// Title, time and attendees of a meeting. Edits are a draft that remembers the version it started from.

interface Details {
  title: string;
  scheduledFor: string;
  attendeeIds: number[];
  version: number;
}

const controlClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm focus:border-brand-500 focus:outline-none focus:ring-1 focus:ring-brand-500";

export function MeetingDetailsForm(props: {
  id: number;
  saved: Details;
  users: { id: number; name: string; role: Role }[];
  timeZone: string;
}) {
  const { draft, values, edit, save, discard, result, pending } = useVersionedDraft<Details>(`meeting:${props.id}:details`, props.saved, {
    refresh: true,
  });
  const errors = result?.ok === false ? (result.fieldErrors ?? {}) : {};

  return (
    <form
      aria-label="Meeting details"
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        save((values) => saveMeetingDetails({ id: props.id, ...values }));
      }}
    >
      <div>
        <label htmlFor="details-title" className="block text-xs font-medium text-slate-700">
          Title
        </label>
        <input
          id="details-title"
          value={values.title}
          maxLength={120}
          onChange={(event) => edit({ title: event.target.value })}
          className={controlClass}
        />
        {errors.title && <p className="mt-1 text-xs text-red-700">{errors.title[0]}</p>}
      </div>
      <div>
        <label htmlFor="details-when" className="block text-xs font-medium text-slate-700">
          Date and time ({props.timeZone})
        </label>
        <input
          id="details-when"
          type="datetime-local"
          value={values.scheduledFor}
          onChange={(event) => edit({ scheduledFor: event.target.value })}
          className={controlClass}
        />
        {errors.scheduledFor && <p className="mt-1 text-xs text-red-700">{errors.scheduledFor[0]}</p>}
      </div>
      <AttendeePicker
        users={props.users}
        selected={values.attendeeIds}
        onChange={(attendeeIds) => edit({ attendeeIds })}
        error={errors.attendeeIds?.[0]}
        compact
      />
      <div className="flex items-center gap-2">
        <Button type="submit" size="sm" disabled={pending || !draft}>
          {pending ? "Saving…" : "Save details"}
        </Button>
        {draft && (
          <Button type="button" size="sm" variant="ghost" onClick={discard}>
            Discard changes
          </Button>
        )}
      </div>
      <WriteStatus result={result} />
    </form>
  );
}
