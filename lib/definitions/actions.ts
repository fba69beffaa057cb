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
import { saveDefinition, type DefinitionWrite } from "@/lib/definitions/save";

// Server actions of the definitions page. Each save: authenticate and authorize -> validate, write and ask
// for every lead to be re-diagnosed (lib/definitions/save.ts, as the API does) -> revalidate.

const PAGE = "/settings/definitions";
const editDefinitions = { permission: "definitions.edit" } as const;

/** What the page says after a save (lib/definitions/save.ts writes it and asks for the re-diagnosis). */
function savedMessage({ changed, rediagnosis }: Awaited<ReturnType<typeof saveDefinition>>): Written<undefined> {
  if (!changed) return { data: undefined, message: "Nothing changed, so nothing was saved." };
  if (rediagnosis === "not_started") {
    return {
      data: undefined,
      message:
        "Saved. Re-diagnosing all leads could not be started just now, so some leads may still show the old definitions. Save again later to retry.",
      revalidate: [PAGE],
    };
  }
  return { data: undefined, message: "Saved. Re-diagnosing all leads in the background.", revalidate: [PAGE] };
}

/** Saves one definition from its form; when it changed, revalidates the page and asks for every lead to be re-diagnosed. */
function saveAction(write: DefinitionWrite, read: (formData: FormData) => unknown) {
  return defineAction({
    ...editDefinitions,
    write: async (user, _previous: DefinitionFormState, formData: FormData) =>
      savedMessage(await saveDefinition(user.id, write, read(formData), "definitions")),
  });
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

export const savePrioritySla = saveAction("sla", readPrioritySlaForm);

/** The impact of an SLA change on the last weeks' leads, before it is saved (nothing is written). */
export const previewPrioritySla = previewAction(previewSlaChange, readPrioritySlaForm);

/** The impact of a calendar or window change on the last weeks' leads, before it is saved (nothing is written). */
export const previewWorkspaceSettings = previewAction(previewWorkspaceChange, readWorkspaceSettingsForm);

export const saveWorkspaceSettings = saveAction("workspace", readWorkspaceSettingsForm);

export const saveTeamHolidays = saveAction("team_holidays", readTeamHolidaysForm);

/** The impact of a team's holiday change on the last weeks' leads, before it is saved (nothing is written). */
export const previewTeamHolidays = previewAction(previewTeamHolidaysChange, readTeamHolidaysForm);

/** The impact of a lead type change (priority, intent, criteria) on the last weeks' leads, before saving. */
export const previewLeadType = previewAction(previewLeadTypeChange, readLeadTypeForm);

/** The impact of a rejection reason change (whether it needs detail) on the last weeks' leads, before saving. */
export const previewRejectionReason = previewAction(previewReasonChange, readRejectionReasonForm);

export const addLeadType = saveAction("add_lead_type", readLeadTypeForm);

export const saveLeadType = saveAction("lead_type", readLeadTypeForm);

export const addRejectionReason = saveAction("add_reason", readRejectionReasonForm);

export const saveRejectionReason = saveAction("reason", readRejectionReasonForm);
