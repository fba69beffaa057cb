"use server";
import "server-only";
import { defineAction, type Written } from "@/lib/actions/define";
import {
  readLeadTypeForm,
  readPrioritySlaForm,
  readRejectionReasonForm,
  readTeamHolidaysForm,
  readWorkspaceSettingsForm,
  type DefinitionFormState,
} from "@/lib/definitions/form-data";
import {
  createLeadType,
  createRejectionReason,
  updateLeadType,
  updatePrioritySla,
  updateRejectionReason,
  updateWorkspaceSettings,
} from "@/lib/definitions/mutations";
import { tryRequestFullRediagnosis } from "@/lib/rediagnosis/jobs";
import { pool } from "@/lib/db";
import {
  describeImpact,
  previewLeadTypeChange,
  previewReasonChange,
  previewSlaChange,
  previewTeamHolidaysChange,
  previewWorkspaceChange,
  type SlaImpact,
} from "@/lib/definitions/impact";
import { updateTeamHolidays } from "@/lib/definitions/team-calendars";

// Server actions of the definitions page. Each one: authenticate and authorize -> validate and write
// (lib/definitions/mutations.ts) -> revalidate -> ask for every lead to be re-diagnosed, because every
// diagnosis is computed from these definitions.

const PAGE = "/settings/definitions";
const editDefinitions = { permission: "definitions.edit" } as const;

interface Change {
  changed: boolean;
  /** Names the change in the re-diagnosis job, e.g. "p1 SLA targets". */
  subject: string;
}

/** Saves one definition; when it changed, revalidates the page and asks for every lead to be re-diagnosed. */
async function applyDefinitionChange(change: Change): Promise<Written<undefined>> {
  if (!change.changed) return { data: undefined, message: "Nothing changed, so nothing was saved." };
  if ((await tryRequestFullRediagnosis(`definitions: ${change.subject}`)) === "not_started") {
    return {
      data: undefined,
      message:
        "Saved. Re-diagnosing all leads could not be started just now, so some leads may still show the old definitions. Save again later to retry.",
      revalidate: [PAGE],
    };
  }
  return { data: undefined, message: "Saved. Re-diagnosing all leads in the background.", revalidate: [PAGE] };
}

/** A change's impact on the last weeks' leads, computed before saving: re-judged in memory, nothing written. */
function previewAction<Input>(preview: (client: typeof pool, input: Input) => Promise<SlaImpact>, read: (formData: FormData) => Input) {
  return defineAction({
    ...editDefinitions,
    write: async (_user, formData: FormData) => {
      const impact = await preview(pool, read(formData));
      return { data: { text: describeImpact(impact), impact } };
    },
  });
}

export const savePrioritySla = defineAction({
  ...editDefinitions,
  write: async (user, _previous: DefinitionFormState, formData: FormData) => {
    const { changed, record } = await updatePrioritySla(user.id, readPrioritySlaForm(formData));
    return applyDefinitionChange({ changed, subject: `${record.priority} SLA targets` });
  },
});

/** The impact of an SLA change on the last weeks' leads, before it is saved (nothing is written). */
export const previewPrioritySla = previewAction(previewSlaChange, readPrioritySlaForm);

/** The impact of a calendar or window change on the last weeks' leads, before it is saved (nothing is written). */
export const previewWorkspaceSettings = previewAction(previewWorkspaceChange, readWorkspaceSettingsForm);

export const saveWorkspaceSettings = defineAction({
  ...editDefinitions,
  write: async (user, _previous: DefinitionFormState, formData: FormData) => {
    const { changed } = await updateWorkspaceSettings(user.id, readWorkspaceSettingsForm(formData));
    return applyDefinitionChange({ changed, subject: "workspace calendar and windows" });
  },
});

export const saveTeamHolidays = defineAction({
  ...editDefinitions,
  write: async (user, _previous: DefinitionFormState, formData: FormData) => {
    const { changed, teamName } = await updateTeamHolidays(user.id, readTeamHolidaysForm(formData));
    return applyDefinitionChange({ changed, subject: `${teamName} holidays` });
  },
});

/** The impact of a team's holiday change on the last weeks' leads, before it is saved (nothing is written). */
export const previewTeamHolidays = previewAction(previewTeamHolidaysChange, readTeamHolidaysForm);

/** The impact of a lead type change (priority, intent, criteria) on the last weeks' leads, before saving. */
export const previewLeadType = previewAction(previewLeadTypeChange, readLeadTypeForm);

/** The impact of a rejection reason change (whether it needs detail) on the last weeks' leads, before saving. */
export const previewRejectionReason = previewAction(previewReasonChange, readRejectionReasonForm);

export const addLeadType = defineAction({
  ...editDefinitions,
  write: async (user, _previous: DefinitionFormState, formData: FormData) => {
    const { changed, record } = await createLeadType(user.id, readLeadTypeForm(formData));
    return applyDefinitionChange({ changed, subject: `lead type ${record.key} added` });
  },
});

export const saveLeadType = defineAction({
  ...editDefinitions,
  write: async (user, _previous: DefinitionFormState, formData: FormData) => {
    const { changed, record } = await updateLeadType(user.id, readLeadTypeForm(formData));
    return applyDefinitionChange({ changed, subject: `lead type ${record.key}` });
  },
});

export const addRejectionReason = defineAction({
  ...editDefinitions,
  write: async (user, _previous: DefinitionFormState, formData: FormData) => {
    const { changed, record } = await createRejectionReason(user.id, readRejectionReasonForm(formData));
    return applyDefinitionChange({ changed, subject: `rejection reason ${record.code} added` });
  },
});

export const saveRejectionReason = defineAction({
  ...editDefinitions,
  write: async (user, _previous: DefinitionFormState, formData: FormData) => {
    const { changed, record } = await updateRejectionReason(user.id, readRejectionReasonForm(formData));
    return applyDefinitionChange({ changed, subject: `rejection reason ${record.code}` });
  },
});
