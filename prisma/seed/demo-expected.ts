import type { FailurePoint } from "../../lib/diagnosis/vocabulary.ts";
import type { DemoScenario } from "./demo-types.ts";

/**
 * What the diagnosis must find in each planted demo scenario: the tests of the pure engine
 * (demo-diagnosis.test.ts) and of the stored, set-based path (lib/rediagnosis) check the same table.
 */
export const EXPECTED_FAILURES: Readonly<Record<DemoScenario, FailurePoint[]>> = {
  healthy: [],
  missing_context: ["missing_context"],
  left_in_queue: ["unclear_owner"],
  slow_assignment: ["slow_timing"],
  duplicate_outreach: ["unclear_owner"],
  accepted_no_action: ["slow_timing"],
  rejected_without_reason: ["weak_feedback"],
  stalled_after_first_touch: ["missing_next_step"],
  vague_acceptance: ["vague_acceptance"],
  slow_decision: ["vague_acceptance"],
};
