import { FIX_STATUS_LABELS, type FixStatus } from "@/lib/fixes/status";

// A fix's history in words, from its audit entries: who created it, which fields an edit changed, how
// the status moved, which evidence leads were added or removed.

const FIELD_LABELS: Record<string, string> = {
  title: "title",
  fixType: "kind",
  description: "description",
  failurePoint: "failure point",
  expectedMetric: "metric",
  ownerId: "owner",
  dueDate: "due date",
};

type Json = unknown;

function record(value: Json): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function describeFixChange(action: string, before: Json, after: Json): { summary: string } {
  const previous = record(before);
  const next = record(after);
  if (action === "fixes.fix.create") return { summary: "Recorded the fix" };
  if (action === "fixes.evidence.add") return { summary: `Cited lead ${String(next.leadId ?? "?")} as evidence` };
  if (action === "fixes.evidence.remove") return { summary: `Removed lead ${String(previous.leadId ?? "?")} from the evidence` };
  const parts: string[] = [];
  if (previous.status !== next.status && typeof next.status === "string") {
    parts.push(
      `status ${FIX_STATUS_LABELS[previous.status as FixStatus] ?? "?"} → ${FIX_STATUS_LABELS[next.status as FixStatus] ?? next.status}`,
    );
  }
  const changed = Object.keys(FIELD_LABELS).filter((key) => JSON.stringify(previous[key]) !== JSON.stringify(next[key]));
  if (changed.length) parts.push(`changed ${changed.map((key) => FIELD_LABELS[key]).join(", ")}`);
  return { summary: parts.length ? capitalise(parts.join("; ")) : "Saved without changes" };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
