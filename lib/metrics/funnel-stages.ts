// The funnel's stages, apart from its SQL so that client components (the funnel chart and table) can
// import them without pulling the query code and its zod schemas into the browser bundle.
export const FUNNEL_STAGES = ["captured", "assigned", "accepted", "qualified", "won"] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** Each stage's name on the funnel's chart, table and export. */
export const FUNNEL_STAGE_LABELS: Record<FunnelStage, string> = {
  captured: "Captured",
  assigned: "Assigned",
  accepted: "Accepted",
  qualified: "Qualified",
  won: "Won",
};
