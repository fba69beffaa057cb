// Builds a meeting's agenda from the review board: either the most severe leads, or a sample of the most
// severe per source (so one loud source does not fill the hour). The result is an order of lead ids
// that people can then reorder by hand.
export const AGENDA_STRATEGIES = ["most_severe", "per_source"] as const;
export type AgendaStrategy = (typeof AGENDA_STRATEGIES)[number];

export const AGENDA_STRATEGY_LABELS: Record<AgendaStrategy, string> = {
  most_severe: "The most severe leads",
  per_source: "A sample of the most severe per source",
};

export const MAX_AGENDA_ITEMS = 60;

export interface AgendaCandidate {
  id: number;
  severity: number;
  source: string | null;
  capturedAt: Date;
}

/** Most severe first; ties by the newest capture, then the highest id, so the order is stable. */
export function bySeverity(a: AgendaCandidate, b: AgendaCandidate): number {
  return b.severity - a.severity || b.capturedAt.getTime() - a.capturedAt.getTime() || b.id - a.id;
}

/**
 * `size` is the number of leads for "most severe" and the number per source for "per source". Sources
 * come in the order of their most severe lead; leads without a source form a group of their own.
 */
export function buildAgenda(candidates: readonly AgendaCandidate[], strategy: AgendaStrategy, size: number): number[] {
  const sorted = [...candidates].sort(bySeverity);
  if (strategy === "most_severe") return sorted.slice(0, Math.min(size, MAX_AGENDA_ITEMS)).map((lead) => lead.id);
  const groups = new Map<string, AgendaCandidate[]>();
  for (const lead of sorted) {
    const key = lead.source ?? "";
    const group = groups.get(key) ?? [];
    if (group.length < size) group.push(lead);
    groups.set(key, group);
  }
  return [...groups.values()]
    .flat()
    .slice(0, MAX_AGENDA_ITEMS)
    .map((lead) => lead.id);
}

/** Moves one item up or down; returns the new order (unchanged at the ends or for an unknown id). */
export function moveInOrder<T>(order: readonly T[], item: T, direction: "up" | "down"): T[] {
  const index = order.indexOf(item);
  const target = direction === "up" ? index - 1 : index + 1;
  if (index < 0 || target < 0 || target >= order.length) return [...order];
  const next = [...order];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}
