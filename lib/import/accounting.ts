import { FILE_KIND_LABELS, type FileKind } from "@/lib/import/fields";
import type { FileCounts } from "@/lib/import/job-state";

// Every row accounted for, in one sentence per file, shared by the import page and the command line:
// rows read = created + updated + unchanged + superseded (or repeated) + refused, leads (or activities)
// apart from events. A leads row is superseded by a later row of the same id (the last row of an id is
// imported); an activity row is repeated when it is the same activity as another.

export const countOf = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString("en")} ${count === 1 ? one : many}`;

export function rowsAddUp(counts: FileCounts): boolean {
  return counts.rows === counts.created + counts.updated + counts.unchanged + counts.duplicates + counts.failed;
}

export function accountingSentence(kind: FileKind, counts: FileCounts, future = false): string {
  const [one, many] = kind === "leads" ? ["lead", "leads"] : kind === "deals" ? ["deal", "deals"] : ["activity", "activities"];
  const created = `${countOf(counts.created, one, many)} ${future ? "to create" : "created"}`;
  const parts = [
    created,
    `${counts.updated.toLocaleString("en")} updated`,
    `${counts.unchanged.toLocaleString("en")} unchanged`,
    `${counts.duplicates.toLocaleString("en")} ${kind === "leads" ? "superseded" : "repeated"}`,
    `${counts.failed.toLocaleString("en")} refused`,
  ];
  const events = `${countOf(counts.eventsNew, "timeline event")} ${future ? "to add" : "new"}`;
  return `${FILE_KIND_LABELS[kind]}: ${countOf(counts.rows, "row")} read = ${parts.join(" + ")}${rowsAddUp(counts) ? "" : " (the counts do not add up: please report this)"}; ${events}`;
}
