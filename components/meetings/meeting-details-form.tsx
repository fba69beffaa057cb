"use client";

import { AttendeePicker } from "@/components/meetings/attendee-picker";
import { MeetingTitleFields } from "@/components/meetings/meeting-title-fields";
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
      <MeetingTitleFields
        idPrefix="details"
        title={values.title}
        scheduledFor={values.scheduledFor}
        timeZone={props.timeZone}
        errors={errors}
        onChange={edit}
      />
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
