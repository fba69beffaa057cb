"use client";

import { useId } from "react";
import { EffectiveDateControls, useImpactPreview } from "@/components/definitions/effective-date-controls";
import { AmountInput, controlClass, describedBy, Field, FieldError, FormStatus, SaveButton } from "@/components/ui/form";
import { useActionForm, validateWith } from "@/components/ui/use-action-form";
import { previewWorkspaceSettings, saveWorkspaceSettings } from "@/lib/definitions/actions";
import { readWorkspaceSettingsForm } from "@/lib/definitions/form-data";
import type { WorkspaceDefinition } from "@/lib/definitions/queries";
import { formatClockTime, MAX_WINDOW_DAYS, workspaceSettingsSchema } from "@/lib/definitions/schemas";

/** Monday first, as people read a week; the stored numbers are 0 = Sunday .. 6 = Saturday. */
const WEEKDAYS = [
  { value: 1, short: "Mon", name: "Monday" },
  { value: 2, short: "Tue", name: "Tuesday" },
  { value: 3, short: "Wed", name: "Wednesday" },
  { value: 4, short: "Thu", name: "Thursday" },
  { value: 5, short: "Fri", name: "Friday" },
  { value: 6, short: "Sat", name: "Saturday" },
  { value: 0, short: "Sun", name: "Sunday" },
] as const;

const validate = validateWith(workspaceSettingsSchema, readWorkspaceSettingsForm);

export function WorkspaceSettingsForm({ settings, canEdit }: { settings: WorkspaceDefinition; canEdit: boolean }) {
  const { state, pending, onSubmit, errorFor } = useActionForm({ action: saveWorkspaceSettings, validate });
  const prefix = useId();
  const id = (name: string) => `${prefix}-${name}`;
  const daysError = errorFor("workingDays");
  const { formRef, impact, previewing, preview, clear } = useImpactPreview(previewWorkspaceSettings);

  return (
    <form
      key={settings.version}
      ref={formRef}
      onSubmit={onSubmit}
      onChange={clear}
      noValidate
      aria-label="Workspace calendar and diagnosis windows"
    >
      <input type="hidden" name="version" value={settings.version} />
      <fieldset disabled={!canEdit} className="space-y-6">
        <legend className="sr-only">Workspace calendar and diagnosis windows</legend>
        <section aria-labelledby={id("calendar")}>
          <h3 id={id("calendar")} className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
            Working calendar
          </h3>
          <p className="mt-1 text-xs text-slate-500">
            Business-day SLAs count only working hours on working days, minus holidays, in this time zone.
          </p>
          <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <Field
              id={id("timeZone")}
              name="timeZone"
              label="Time zone"
              error={errorFor("timeZone")}
              help="An IANA name, for example Europe/Berlin or America/New_York."
            >
              {(control) => (
                <input
                  {...control}
                  type="text"
                  required
                  autoComplete="off"
                  spellCheck={false}
                  defaultValue={settings.timeZone}
                  className={controlClass}
                />
              )}
            </Field>
            <Field
              id={id("workdayStart")}
              name="workdayStart"
              label="Working hours start"
              error={errorFor("workdayStart")}
              help="Local time in the workspace time zone."
            >
              {(control) => (
                <input
                  {...control}
                  type="time"
                  required
                  defaultValue={formatClockTime(settings.workdayStartMinute)}
                  className={controlClass}
                />
              )}
            </Field>
            <Field
              id={id("workdayEnd")}
              name="workdayEnd"
              label="Working hours end"
              error={errorFor("workdayEnd")}
              help="Must be later than the start."
            >
              {(control) => (
                <input
                  {...control}
                  type="time"
                  required
                  defaultValue={formatClockTime(Math.min(settings.workdayEndMinute, 1439))}
                  className={controlClass}
                />
              )}
            </Field>
            <Field
              id={id("weekStartsOn")}
              name="weekStartsOn"
              label="Week starts on"
              error={errorFor("weekStartsOn")}
              help="Where weekly reports and meeting periods begin."
            >
              {(control) => (
                <select {...control} defaultValue={settings.weekStartsOn} className={controlClass}>
                  {WEEKDAYS.map((day) => (
                    <option key={day.value} value={day.value}>
                      {day.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <fieldset className="mt-4" aria-describedby={describedBy(id("workingDays"), false, daysError)["aria-describedby"]}>
            <legend className="text-xs font-medium text-slate-700">Working days</legend>
            <div className="mt-1.5 flex flex-wrap gap-2">
              {WEEKDAYS.map((day) => (
                <label
                  key={day.value}
                  className="flex cursor-pointer items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-800 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50 has-[:disabled]:cursor-default"
                >
                  <input
                    type="checkbox"
                    name="workingDays"
                    value={day.value}
                    defaultChecked={settings.workingDays.includes(day.value)}
                    className="accent-brand-600"
                  />
                  <span aria-hidden>{day.short}</span>
                  <span className="sr-only">{day.name}</span>
                </label>
              ))}
            </div>
            <FieldError id={id("workingDays")} error={daysError} />
          </fieldset>
          <div className="mt-4 max-w-xl">
            <Field
              id={id("holidays")}
              name="holidays"
              label="Holidays"
              error={errorFor("holidays")}
              help="One date per line (YYYY-MM-DD), local to the time zone above. Business-day SLAs skip them like weekends, and the evidence shows both elapsed and working time."
            >
              {(control) => (
                <textarea
                  {...control}
                  rows={4}
                  spellCheck={false}
                  defaultValue={settings.holidays.join("\n")}
                  placeholder={"2026-12-25\n2026-12-26"}
                  className={controlClass}
                />
              )}
            </Field>
          </div>
        </section>

        <section aria-labelledby={id("windows")} className="border-t border-slate-100 pt-5">
          <h3 id={id("windows")} className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
            Diagnosis windows
          </h3>
          <p className="mt-1 text-xs text-slate-500">
            When the diagnosis calls something a duplicate, a stall, a shaky owner or missing feedback.
          </p>
          <div className="mt-3 grid gap-x-6 gap-y-4 sm:grid-cols-2 lg:grid-cols-3">
            <Field
              id={id("duplicateWindowDays")}
              name="duplicateWindowDays"
              label="Duplicate-outreach window"
              error={errorFor("duplicateWindowDays")}
              help="Two outreaches by different people to the same buyer or account, this many days apart or less, are duplicate outreach (unclear owner) on both leads."
            >
              {(control) => (
                <AmountInput control={control} unit="days" min={1} max={MAX_WINDOW_DAYS} defaultValue={settings.duplicateWindowDays} />
              )}
            </Field>
            <Field
              id={id("stallWindowDays")}
              name="stallWindowDays"
              label="Stall window"
              error={errorFor("stallWindowDays")}
              help="A lead touched once and then left without sales activity for longer than this has stalled (missing next step), whatever next action is scheduled further ahead."
            >
              {(control) => (
                <AmountInput control={control} unit="days" min={1} max={MAX_WINDOW_DAYS} defaultValue={settings.stallWindowDays} />
              )}
            </Field>
            <Field
              id={id("reassignmentWarnCount")}
              name="reassignmentWarnCount"
              label="Reassignment warning"
              error={errorFor("reassignmentWarnCount")}
              help="A lead passed between owners this many times or more gets an unclear-owner warning."
            >
              {(control) => (
                <AmountInput control={control} unit="reassignments" min={1} max={20} defaultValue={settings.reassignmentWarnCount} />
              )}
            </Field>
            <Field
              id={id("outcomeWindowDays")}
              name="outcomeWindowDays"
              label="Outcome window"
              error={errorFor("outcomeWindowDays")}
              help="How long after capture an open lead may go without a recorded outcome. Past it, the outcome step warns (late feedback, weak_feedback) without flagging the lead; a lead is flagged only when it is closed without a usable reason."
            >
              {(control) => (
                <AmountInput control={control} unit="days" min={1} max={MAX_WINDOW_DAYS} defaultValue={settings.outcomeWindowDays} />
              )}
            </Field>
            <Field
              id={id("minimumSpecificDetailLength")}
              name="minimumSpecificDetailLength"
              label="Minimum specific detail"
              error={errorFor("minimumSpecificDetailLength")}
              help="A rejection or loss explanation shorter than this does not count as specific feedback."
            >
              {(control) => (
                <AmountInput control={control} unit="characters" min={1} max={500} defaultValue={settings.minimumSpecificDetailLength} />
              )}
            </Field>
            <Field
              id={id("inboundSources")}
              name="inboundSources"
              label="Inbound sources"
              error={errorFor("inboundSources")}
              help="Separate with commas. Leads from these sources should carry a campaign or an offer (one is enough); with neither, capture gets a missing-context warning."
            >
              {(control) => (
                <input
                  {...control}
                  type="text"
                  autoComplete="off"
                  spellCheck={false}
                  defaultValue={settings.inboundSources.join(", ")}
                  placeholder="paid_search, webinar, website"
                  className={controlClass}
                />
              )}
            </Field>
          </div>
        </section>
      </fieldset>
      {canEdit && (
        <div className="mt-5 border-t border-slate-100 pt-4">
          <EffectiveDateControls kept="the calendar and windows" preview={preview} previewing={previewing} impact={impact} />
        </div>
      )}
      {canEdit && (
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <SaveButton pending={pending} label="Save calendar and windows" />
          {!settings.saved && <span className="text-xs text-amber-700">Defaults in use; not saved yet.</span>}
          <FormStatus state={state} />
        </div>
      )}
    </form>
  );
}
