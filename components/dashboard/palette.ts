// Chart colours: the brand blues for the funnel's stages (light to dark as leads move on), fixed hues for
// priorities and failure points so a colour means the same thing on every chart.
export const STAGE_COLORS = {
  captured: "#c7d6fb",
  assigned: "#93aef3",
  accepted: "#3d63dd",
  qualified: "#263f9a",
  won: "#0f766e",
} as const;
export const PRIORITY_COLORS = { p1: "#dc2626", p2: "#d97706", p3: "#2563eb" } as const;
export const FAILURE_POINT_COLORS = {
  missing_context: "#64748b",
  unclear_owner: "#9333ea",
  slow_timing: "#dc2626",
  vague_acceptance: "#d97706",
  missing_next_step: "#0891b2",
  weak_feedback: "#4d7c0f",
} as const;
export const SERIES = {
  bar: "#3d63dd",
  line: "#b91c1c",
  median: "#263f9a",
  p90: "#93aef3",
  sla: "#b91c1c",
  fix: "#0f766e",
  muted: "#94a3b8",
} as const;
export const AXIS = { stroke: "#94a3b8", fontSize: 11 } as const;
/** The grid lines behind every chart, and the shade over the bar or column the pointer is on. */
export const GRID = { stroke: "#e2e8f0", hoverFill: "#f1f5f9" } as const;
