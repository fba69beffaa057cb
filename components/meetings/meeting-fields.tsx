"use client";

import { AttendeePicker } from "@/components/meetings/attendee-picker";
import type { Role } from "@/lib/auth/permissions";

// A meeting's title, when it takes place and who attends, as planning a meeting and editing its details
// both ask them.

export const meetingControlClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm focus:border-brand-500 focus:outline-none focus:ring-1 focus:ring-brand-500";

interface MeetingBasics {
  title: string;
  scheduledFor: string;
  attendeeIds: number[];
}

export function MeetingFields(props: {
  idPrefix: string;
  values: MeetingBasics;
  users: { id: number; name: string; role: Role }[];
  timeZone: string;
  errors: Record<string, string[] | undefined>;
  onChange: (change: Partial<MeetingBasics>) => void;
  /** Stacked, with a compact attendee list (the meeting page's side panel); title and time side by side otherwise. */
  compact?: boolean;
}) {
  const { idPrefix, values, errors, onChange, compact = false } = props;
  const titleAndTime = (
    <>
      <div>
        <label htmlFor={`${idPrefix}-title`} className="block text-xs font-medium text-slate-700">
          Title
        </label>
        <input
          id={`${idPrefix}-title`}
          value={values.title}
          maxLength={120}
          onChange={(event) => onChange({ title: event.target.value })}
          className={meetingControlClass}
          aria-invalid={errors.title ? true : undefined}
        />
        {errors.title && <p className="mt-1 text-xs text-red-700">{errors.title[0]}</p>}
      </div>
      <div>
        <label htmlFor={`${idPrefix}-when`} className="block text-xs font-medium text-slate-700">
          Date and time ({props.timeZone})
        </label>
        <input
          id={`${idPrefix}-when`}
          type="datetime-local"
          value={values.scheduledFor}
          onChange={(event) => onChange({ scheduledFor: event.target.value })}
          className={meetingControlClass}
          aria-invalid={errors.scheduledFor ? true : undefined}
        />
        {errors.scheduledFor && <p className="mt-1 text-xs text-red-700">{errors.scheduledFor[0]}</p>}
      </div>
    </>
  );
  return (
    <>
      {compact ? titleAndTime : <div className="grid gap-3 md:grid-cols-[minmax(0,1fr)_16rem]">{titleAndTime}</div>}
      <AttendeePicker
        users={props.users}
        selected={values.attendeeIds}
        onChange={(attendeeIds) => onChange({ attendeeIds })}
        error={errors.attendeeIds?.[0]}
        compact={compact}
      />
    </>
  );
}
