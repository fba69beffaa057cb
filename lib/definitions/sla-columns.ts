import type { PrioritySla } from "@/lib/diagnosis/types";

/** A priority's SLAs as the diagnosis holds them (owner, decision, first action) in the priority_slas row's columns. */
export function slaColumns(sla: PrioritySla) {
  return {
    ownerSlaAmount: sla.owner.amount,
    ownerSlaUnit: sla.owner.unit,
    decisionSlaAmount: sla.decision.amount,
    decisionSlaUnit: sla.decision.unit,
    firstActionSlaAmount: sla.firstAction.amount,
    firstActionSlaUnit: sla.firstAction.unit,
  };
}
