import type { ActionResult } from "@/lib/actions/result";

// Turns the definitions forms' FormData into the plain objects the schemas parse. Field names are the
// schema keys, so a field error's key is also the name of the input it belongs to.

function text(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
}

function texts(formData: FormData, name: string): string[] {
  return formData.getAll(name).filter((value): value is string => typeof value === "string");
}

function pick(formData: FormData, names: readonly string[]): Record<string, string | undefined> {
  return Object.fromEntries(names.map((name) => [name, text(formData, name)]));
}

export function readPrioritySlaForm(formData: FormData) {
  return pick(formData, [
    "priority",
    "version",
    "ownerSlaAmount",
    "ownerSlaUnit",
    "decisionSlaAmount",
    "decisionSlaUnit",
    "applyToPast",
    "firstActionSlaAmount",
    "firstActionSlaUnit",
  ]);
}

export function readWorkspaceSettingsForm(formData: FormData) {
  return {
    ...pick(formData, [
      "version",
      "timeZone",
      "workdayStart",
      "workdayEnd",
      "weekStartsOn",
      "duplicateWindowDays",
      "stallWindowDays",
      "reassignmentWarnCount",
      "outcomeWindowDays",
      "minimumSpecificDetailLength",
      "inboundSources",
      "holidays",
      "applyToPast",
    ]),
    workingDays: texts(formData, "workingDays"),
  };
}

export function readTeamHolidaysForm(formData: FormData) {
  return pick(formData, ["teamId", "version", "ownCalendar", "holidays", "applyToPast"]);
}

/** Criteria arrive as parallel lists: a hidden `criterionId` (empty for new rows) and a `criterionLabel`. */
export function readLeadTypeForm(formData: FormData) {
  const ids = texts(formData, "criterionId");
  const labels = texts(formData, "criterionLabel");
  return {
    ...pick(formData, ["id", "version", "key", "name", "intent", "priority", "active", "applyToPast"]),
    acceptanceCriteria: labels.map((label, index) => ({ id: ids[index] ?? "", label })),
  };
}

export function readRejectionReasonForm(formData: FormData) {
  return pick(formData, ["id", "version", "code", "label", "requiresDetail", "detailPrompt", "active", "sortOrder", "applyToPast"]);
}

export function readObjectionForm(formData: FormData) {
  return pick(formData, ["id", "version", "code", "label", "requiresDetail", "active", "sortOrder"]);
}

/** What a definitions form holds between submissions: nothing yet, or the last result. */
export type DefinitionFormState = ActionResult | null;
