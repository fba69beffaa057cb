import "server-only";
import {
  createLeadType,
  createRejectionReason,
  updateLeadType,
  updatePrioritySla,
  updateRejectionReason,
  updateWorkspaceSettings,
} from "@/lib/definitions/mutations";
import { updateTeamHolidays } from "@/lib/definitions/team-calendars";
import { tryRequestFullRediagnosis } from "@/lib/rediagnosis/jobs";

// One definitions change, saved the same way from the settings page and from the API: written through its
// mutation (validation, optimistic version, audit), then, when it changed anything, every lead asked to be
// re-diagnosed, because every diagnosis is computed from these definitions.

type Write = (actorId: number, input: unknown) => Promise<{ changed: boolean; subject: string }>;

/** Each kind of change with its mutation, and what the re-diagnosis job calls it (e.g. "p1 SLA targets"). */
const WRITES = {
  sla: async (actorId, input) => {
    const { changed, record } = await updatePrioritySla(actorId, input);
    return { changed, subject: `${record.priority} SLA targets` };
  },
  workspace: async (actorId, input) => {
    const { changed } = await updateWorkspaceSettings(actorId, input);
    return { changed, subject: "workspace calendar and windows" };
  },
  team_holidays: async (actorId, input) => {
    const { changed, teamName } = await updateTeamHolidays(actorId, input);
    return { changed, subject: `${teamName} holidays` };
  },
  add_lead_type: async (actorId, input) => {
    const { changed, record } = await createLeadType(actorId, input);
    return { changed, subject: `lead type ${record.key} added` };
  },
  lead_type: async (actorId, input) => {
    const { changed, record } = await updateLeadType(actorId, input);
    return { changed, subject: `lead type ${record.key}` };
  },
  add_reason: async (actorId, input) => {
    const { changed, record } = await createRejectionReason(actorId, input);
    return { changed, subject: `rejection reason ${record.code} added` };
  },
  reason: async (actorId, input) => {
    const { changed, record } = await updateRejectionReason(actorId, input);
    return { changed, subject: `rejection reason ${record.code}` };
  },
} satisfies Record<string, Write>;

export type DefinitionWrite = keyof typeof WRITES;

/**
 * Saves one definitions change as `actorId`; `origin` names where it came from in the re-diagnosis job.
 * Nothing changed, nothing is re-diagnosed ("not_needed"); a re-diagnosis that cannot be queued is logged
 * and answered "not_started", because the change itself is saved.
 */
export async function saveDefinition(
  actorId: number,
  write: DefinitionWrite,
  input: unknown,
  origin: "definitions" | "definitions via API",
) {
  const { changed, subject } = await WRITES[write](actorId, input);
  const rediagnosis = changed ? await tryRequestFullRediagnosis(`${origin}: ${subject}`) : "not_needed";
  return { changed, rediagnosis };
}
