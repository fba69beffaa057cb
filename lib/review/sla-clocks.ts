import type { Evidence, LeadDiagnosis, StepId } from "@/lib/diagnosis/types";

// The three SLA clocks of a handoff, read from the stored diagnosis (which already resolved business
// time into elapsed minutes): capture -> owner, assignment -> decision, assignment -> first action.
// Shown side by side so the meeting sees at a glance which clock ran over, and by how much.

export type ClockState = "met" | "missed" | "running" | "overdue" | "unknown";

export interface SlaClock {
  id: "owner" | "decision" | "first_action";
  label: string;
  /** Measured duration when the clock stopped. */
  minutes: number | null;
  /** The SLA in elapsed minutes for this lead. */
  targetMinutes: number | null;
  /** When the SLA runs (or ran) out, ISO. */
  deadline: string | null;
  state: ClockState;
  /** For a clock still running: minutes past the deadline (positive) or left (negative). */
  overdueMinutes: number | null;
}

const CLOCKS: { id: SlaClock["id"]; step: StepId; label: string }[] = [
  { id: "owner", step: "routing", label: "Capture → owner" },
  { id: "decision", step: "acceptance", label: "Assignment → decision" },
  { id: "first_action", step: "first_action", label: "Assignment → first action" },
];

function clockEvidence(diagnosis: LeadDiagnosis, step: StepId): Evidence | undefined {
  return diagnosis.steps.find((result) => result.step === step)?.evidence.find((item) => item.targetMinutes !== undefined);
}

export function slaClocks(diagnosis: LeadDiagnosis | null | undefined, now: Date): SlaClock[] {
  return CLOCKS.map(({ id, step, label }) => {
    const evidence = diagnosis ? clockEvidence(diagnosis, step) : undefined;
    if (!evidence || evidence.targetMinutes === undefined) {
      return { id, label, minutes: null, targetMinutes: null, deadline: null, state: "unknown", overdueMinutes: null };
    }
    const deadline = evidence.deadline ?? null;
    if (evidence.minutes !== undefined) {
      const state = evidence.minutes > evidence.targetMinutes ? "missed" : "met";
      return { id, label, minutes: evidence.minutes, targetMinutes: evidence.targetMinutes, deadline, state, overdueMinutes: null };
    }
    const overdueMinutes = deadline ? Math.round((now.getTime() - Date.parse(deadline)) / 60_000) : null;
    const state = overdueMinutes !== null && overdueMinutes > 0 ? "overdue" : "running";
    return { id, label, minutes: null, targetMinutes: evidence.targetMinutes, deadline, state, overdueMinutes };
  });
}
