"use client";

import { MeetingFields } from "@/components/meetings/meeting-fields";
import { DraftActions } from "@/components/review/draft-actions";
import { useVersionedDraft } from "@/components/review/use-draft";
import { WriteStatus } from "@/components/review/write-status";
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
      <MeetingFields
        idPrefix="details"
        values={values}
        users={props.users}
        timeZone={props.timeZone}
        errors={errors}
        onChange={edit}
        compact
      />
      <DraftActions dirty={draft !== null} pending={pending} saveLabel="Save details" onDiscard={discard} />
      <WriteStatus result={result} />
    </form>
  );
}
