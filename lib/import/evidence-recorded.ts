import type { RecordableEvidence } from "@/lib/diagnosis/unrecorded";
import type { FileKind } from "@/lib/import/fields";

// Which DOMAIN evidence fields an upload records at all, from its files' mappings: a field with no column
// (and no activity file that carries it) is "not recorded in the source data" for the leads it imports,
// so the diagnosis calls the steps needing it a reporting gap, not a handoff failure.

const SALES_ACTIVITY_FILES: readonly FileKind[] = ["calls", "emails", "meetings"];

/** What each evidence field needs: a lead column (or event date column), or a file of a kind that carries it. */
const RECORDED_BY: Record<RecordableEvidence, { leadTargets: string[]; files: FileKind[] }> = {
  owner: { leadTargets: ["owner"], files: [] },
  owner_assigned_at: { leadTargets: ["event:assigned", "event:reassigned"], files: ["status_history"] },
  first_sales_action_at: { leadTargets: ["event:contacted", "event:meeting_booked"], files: [...SALES_ACTIVITY_FILES] },
  acceptance_status: { leadTargets: ["status", "event:accepted", "event:rejected", "event:info_requested"], files: ["status_history"] },
};

/** The evidence fields an upload leaves unrecorded, in a stable order. `targets`: the mapped target ids per file. */
export function unrecordedEvidenceOf(targets: Partial<Record<FileKind, ReadonlySet<string>>>): RecordableEvidence[] {
  const leadTargets = targets.leads ?? new Set<string>();
  return (Object.keys(RECORDED_BY) as RecordableEvidence[]).filter((field) => {
    const rule = RECORDED_BY[field];
    return !rule.leadTargets.some((target) => leadTargets.has(target)) && !rule.files.some((kind) => targets[kind] !== undefined);
  });
}

/** The fields an activity file of this kind records for the leads it touches (a later upload fills a gap). */
export function evidenceRecordedByActivity(kind: FileKind): RecordableEvidence[] {
  return (Object.keys(RECORDED_BY) as RecordableEvidence[]).filter((field) => RECORDED_BY[field].files.includes(kind));
}
