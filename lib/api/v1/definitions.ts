import "server-only";
import type { z } from "zod";
import { ApiError } from "@/lib/api/v1/errors";
import type { DefinitionsChange, definitionsResponseSchema } from "@/lib/api/v1/definitions-schemas";
import { getDefinitionsOverview, type SlaDefinition } from "@/lib/definitions/queries";
import { saveDefinition, type DefinitionWrite } from "@/lib/definitions/save";
import { formatClockTime } from "@/lib/definitions/schemas";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

// The workspace's definitions for integrations: read from the same query as the settings page, changed
// through the same mutations (validation, optimistic versions, audit), then every lead re-diagnosed —
// exactly what saving the settings page does.

type Definitions = z.infer<typeof definitionsResponseSchema>;

function targets(sla: SlaDefinition) {
  return {
    owner: { amount: sla.ownerSlaAmount, unit: sla.ownerSlaUnit },
    decision: { amount: sla.decisionSlaAmount, unit: sla.decisionSlaUnit },
    firstAction: { amount: sla.firstActionSlaAmount, unit: sla.firstActionSlaUnit },
  };
}

export async function readDefinitions(): Promise<Definitions> {
  const { slas, workspace, leadTypes, rejectionReasons } = await getDefinitionsOverview();
  const slaOf = new Map(slas.map((sla) => [sla.priority, sla]));
  return {
    leadTypes: leadTypes.map((type) => ({
      id: type.id,
      key: type.key,
      name: type.name,
      intent: type.intent,
      priority: type.priority,
      slas: targets(slaOf.get(type.priority)!),
      acceptanceCriteria: type.acceptanceCriteria,
      active: type.active,
      version: type.version,
    })),
    slas: slas.map((sla) => ({ priority: sla.priority, ...targets(sla), version: sla.version })),
    reasons: rejectionReasons.map(({ id, code, label, requiresDetail, detailPrompt, active, sortOrder, version }) => ({
      id,
      code,
      label,
      requiresDetail,
      detailPrompt,
      active,
      sortOrder,
      version,
    })),
    calendar: {
      timeZone: workspace.timeZone,
      workdayStart: formatClockTime(workspace.workdayStartMinute),
      workdayEnd: formatClockTime(workspace.workdayEndMinute),
      workingDays: workspace.workingDays,
      weekStartsOn: workspace.weekStartsOn,
      holidays: workspace.holidays,
    },
    windows: {
      duplicateOutreachDays: workspace.duplicateWindowDays,
      stallDays: workspace.stallWindowDays,
      outcomeDays: workspace.outcomeWindowDays,
      reassignmentWarnCount: workspace.reassignmentWarnCount,
      minimumSpecificDetailLength: workspace.minimumSpecificDetailLength,
    },
    inboundSources: workspace.inboundSources,
    workspaceVersion: workspace.version,
  };
}

/** The settings forms' field names where the API names them differently. */
const API_PATHS: Record<string, string> = {
  ownerSlaAmount: "owner.amount",
  ownerSlaUnit: "owner.unit",
  decisionSlaAmount: "decision.amount",
  decisionSlaUnit: "decision.unit",
  firstActionSlaAmount: "firstAction.amount",
  firstActionSlaUnit: "firstAction.unit",
  duplicateWindowDays: "duplicateOutreachDays",
  stallWindowDays: "stallDays",
  outcomeWindowDays: "outcomeDays",
};

/** The settings page's write for a change, with its input as the settings forms name it. */
async function definitionWrite(change: DefinitionsChange): Promise<{ write: DefinitionWrite; input: unknown }> {
  const needsVersion = (id: number | undefined, version: number | undefined) => {
    if (id !== undefined && version === undefined)
      throw new ApiError(422, "invalid", "A change to an existing record needs the version you read.", [
        { path: "version", message: "is required with id" },
      ]);
  };
  switch (change.change) {
    case "sla": {
      const input = {
        priority: change.priority,
        version: change.version,
        ownerSlaAmount: change.owner.amount,
        ownerSlaUnit: change.owner.unit,
        decisionSlaAmount: change.decision.amount,
        decisionSlaUnit: change.decision.unit,
        firstActionSlaAmount: change.firstAction.amount,
        firstActionSlaUnit: change.firstAction.unit,
        applyToPast: change.applyToPast ?? false,
      };
      return { write: "sla", input };
    }
    case "workspace": {
      const { change: _change, duplicateOutreachDays, stallDays, outcomeDays, holidays, ...rest } = change;
      const input = { ...rest, duplicateWindowDays: duplicateOutreachDays, stallWindowDays: stallDays, outcomeWindowDays: outcomeDays };
      // Holidays left out keep the stored ones rather than clearing them.
      const keptHolidays =
        holidays ?? (await db.workspaceSettings.findUnique({ where: { id: 1 }, select: { holidays: true } }))?.holidays ?? [];
      return { write: "workspace", input: { ...input, holidays: keptHolidays } };
    }
    case "lead_type": {
      const { change: _change, id, ...input } = change;
      needsVersion(id, change.version);
      return id === undefined ? { write: "add_lead_type", input } : { write: "lead_type", input: { ...input, id } };
    }
    case "reason": {
      const { change: _change, id, ...input } = change;
      needsVersion(id, change.version);
      if (id === undefined) {
        if (!input.code)
          throw new ApiError(422, "invalid", "A new reason needs a code.", [{ path: "code", message: "is required for a new reason" }]);
        return { write: "add_reason", input };
      }
      return { write: "reason", input: { ...input, id } };
    }
  }
}

/** Applies one change as the token's user; answers with the definitions as they now stand. */
export async function changeDefinitions(actorId: number, change: DefinitionsChange) {
  const { write, input } = await definitionWrite(change);
  let saved: Awaited<ReturnType<typeof saveDefinition>>;
  try {
    saved = await saveDefinition(actorId, write, input, "definitions via API");
  } catch (error) {
    // The settings forms' field names, translated to the paths of this request.
    if (error instanceof AppError && error.fieldErrors) {
      const fields = Object.entries(error.fieldErrors).flatMap(([path, messages]) =>
        messages.map((message) => ({ path: API_PATHS[path] ?? path, message })),
      );
      throw new ApiError(error.status, error.status === 422 ? "invalid" : "error", error.message, fields);
    }
    throw error;
  }
  return { ...saved, definitions: await readDefinitions() };
}
