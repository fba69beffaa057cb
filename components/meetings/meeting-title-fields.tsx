"use client";

// A meeting's title and when it takes place, as planning a meeting and editing its details both ask them.

export const meetingControlClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm focus:border-brand-500 focus:outline-none focus:ring-1 focus:ring-brand-500";

export function MeetingTitleFields(props: {
  idPrefix: string;
  title: string;
  scheduledFor: string;
  timeZone: string;
  errors: Record<string, string[] | undefined>;
  onChange: (change: { title: string } | { scheduledFor: string }) => void;
}) {
  const { idPrefix, errors, onChange } = props;
  return (
    <>
      <div>
        <label htmlFor={`${idPrefix}-title`} className="block text-xs font-medium text-slate-700">
          Title
        </label>
        <input
          id={`${idPrefix}-title`}
          value={props.title}
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
          value={props.scheduledFor}
          onChange={(event) => onChange({ scheduledFor: event.target.value })}
          className={meetingControlClass}
          aria-invalid={errors.scheduledFor ? true : undefined}
        />
        {errors.scheduledFor && <p className="mt-1 text-xs text-red-700">{errors.scheduledFor[0]}</p>}
      </div>
    </>
  );
}
