"use client";

import { useId, useState } from "react";
import { EffectiveDateControls, useImpactPreview } from "@/components/definitions/effective-date-controls";
import { controlClass, Field, FormStatus, SaveButton } from "@/components/ui/form";
import { useActionForm, validateWith } from "@/components/ui/use-action-form";
import { previewTeamHolidays, saveTeamHolidays } from "@/lib/definitions/actions";
import { readTeamHolidaysForm } from "@/lib/definitions/form-data";
import { teamHolidaysSchema } from "@/lib/definitions/schemas";
import type { TeamCalendarRow } from "@/lib/definitions/team-calendars";

const validate = validateWith(teamHolidaysSchema, readTeamHolidaysForm);

/** One team's holidays: the workspace's, or its own list (a team working in another country). */
export function TeamHolidaysForm({ team, canEdit }: { team: TeamCalendarRow; canEdit: boolean }) {
  const { state, pending, onSubmit, errorFor } = useActionForm({ action: saveTeamHolidays, validate });
  const { formRef, impact, previewing, preview, clear } = useImpactPreview(previewTeamHolidays);
  const [own, setOwn] = useState(team.ownCalendar);
  const id = useId();

  return (
    <form
      key={team.version}
      ref={formRef}
      onSubmit={onSubmit}
      onChange={clear}
      noValidate
      aria-label={`${team.name} holidays`}
      className="py-4 first:pt-0 last:pb-0"
    >
      <input type="hidden" name="teamId" value={team.teamId} />
      <input type="hidden" name="version" value={team.version} />
      <fieldset disabled={!canEdit} className="grid gap-3 md:grid-cols-[14rem_minmax(0,1fr)]">
        <legend className="sr-only">{team.name}</legend>
        <div>
          <p className="text-sm font-medium text-slate-900">{team.name}</p>
          <p className="text-xs text-slate-600">
            {team.members} {team.members === 1 ? "person" : "people"} · leads they own use{" "}
            {team.ownCalendar ? "the team's own holidays" : "the workspace's holidays"}
          </p>
          <label className="mt-2 flex items-center gap-1.5 text-xs text-slate-800">
            <input
              type="checkbox"
              name="ownCalendar"
              checked={own}
              onChange={(event) => setOwn(event.target.checked)}
              className="accent-brand-600"
            />
            Own holidays (works in another country)
          </label>
        </div>
        {own ? (
          <Field
            id={`${id}-holidays`}
            name="holidays"
            label={`${team.name} holidays`}
            error={errorFor("holidays")}
            help="One date per line (YYYY-MM-DD). They replace the workspace's holidays for leads this team's people own."
          >
            {(control) => (
              <textarea
                {...control}
                rows={3}
                spellCheck={false}
                defaultValue={team.holidays.join("\n")}
                placeholder={"2026-12-25\n2027-01-01"}
                className={controlClass}
              />
            )}
          </Field>
        ) : (
          <p className="self-center text-xs text-slate-600">Follows the workspace&apos;s holidays above.</p>
        )}
      </fieldset>
      {canEdit && <EffectiveDateControls kept="the holidays" preview={preview} previewing={previewing} impact={impact} />}
      {canEdit && (
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <SaveButton pending={pending} label={`Save ${team.name} holidays`} />
          <FormStatus state={state} />
        </div>
      )}
    </form>
  );
}
