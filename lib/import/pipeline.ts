import "server-only";
import { buildChoiceIndex, type ChoiceContext } from "@/lib/import/choices";
import { unrecordedEvidenceOf } from "@/lib/import/evidence-recorded";
import type { ActivityKind, FileKind } from "@/lib/import/fields";
import { readFileParts } from "@/lib/import/files";
import { issue, type RowIssue } from "@/lib/import/issues";
import { emptyCounts, kindsOf, type FileCounts, type JobSettings } from "@/lib/import/job-state";
import { prepareLinkedBatch, readLeadsOfUpload, unknownKeyMessage, type LinkedRow } from "@/lib/import/linked-rows";
import { compileMapping, emptyFileMapping, type MappingDocument } from "@/lib/import/mapping";
import type { ProgressTracker } from "@/lib/import/progress";
import { readCsvBatches, type CsvRow } from "@/lib/import/read-rows";
import { SeenIds } from "@/lib/import/seen-ids";
import { transformActivityRow } from "@/lib/import/transform-activity";
import type { PendingEvent, TransformContext } from "@/lib/import/transform-cells";
import { leadIdOfRow, transformLeadRow } from "@/lib/import/transform-lead";
import { hashCells } from "@/lib/import/values";
import type { LeadUpsertInput } from "@/lib/leads/upsert";
import type { PersonRef } from "@/lib/people/types";
import type { Queryable } from "@/lib/db/queryable";

// Reads every file of a job in batches, turns rows into records and hands each batch to a sink: the
// dry run's sink only looks, the import's sink writes. Both see exactly the same records and issues.

export const BATCH_SIZE = 2_500;

export interface ActivityRow {
  row: number;
  event: PendingEvent;
}

export interface Sink {
  /** `owners`: the CRM owner of each lead (by external id) that no user matched, to be found or created as a person. */
  /** `unrecorded`: the evidence fields the whole upload has no column or file for (lib/import/evidence-recorded.ts). */
  leads(
    leads: LeadUpsertInput[],
    events: PendingEvent[],
    counts: FileCounts,
    owners: ReadonlyMap<string, PersonRef>,
    unrecorded: readonly string[],
  ): Promise<void>;
  /** Returns the rows whose lead was not found (reported as errors by the pipeline). */
  activities(
    rows: ActivityRow[],
    knownLeads: { has(externalId: string): boolean },
    counts: FileCounts,
    kind: ActivityKind,
  ): Promise<ActivityRow[]>;
  /** A linked file's rows (lib/import/linked-sink.ts); returns the rows whose lead was found neither in the upload nor in Baton. */
  linked(rows: LinkedRow[], knownLeads: { has(externalId: string): boolean }, counts: FileCounts): Promise<LinkedRow[]>;
}

export interface PipelineInput {
  /**
   * Where the file's bytes are read: a Pool, not the connection the sink writes on. The reader runs ahead
   * of the writes, and one pg connection must not be given a query while it is running another.
   */
  files: Queryable;
  jobId: number;
  sourceSystem: string;
  settings: JobSettings;
  mapping: MappingDocument;
  choices: ChoiceContext;
  tracker: ProgressTracker;
  /** First stored part of each file: issues point at their file. */
  fileIds: Partial<Record<FileKind, number>>;
  /**
   * The check of this mapping found no external id on two importable rows of a lone leads file: every
   * importable row is its id's last, so the import skips the pass that finds the last rows (run.ts).
   */
  noRepeatedIds?: boolean;
}

/** The rows of one batch turned into records, with its issues already reported. */
type Prepared =
  | { kind: "leads"; rows: number; leads: LeadUpsertInput[]; events: PendingEvent[]; owners: Map<string, PersonRef> }
  | { kind: "activities"; rows: number; activities: ActivityRow[] }
  | { kind: "linked"; rows: number; linked: LinkedRow[] };

export async function runPipeline(input: PipelineInput, sink: Sink): Promise<Partial<Record<FileKind, FileCounts>>> {
  const { files, jobId, settings, tracker } = input;
  const index = buildChoiceIndex(input.choices);
  const results: Partial<Record<FileKind, FileCounts>> = {};
  const compiled = new Map(
    kindsOf(settings).map((kind) => [
      kind,
      compileMapping(kind, settings.files[kind]!.headers, input.mapping.files[kind] ?? emptyFileMapping(), settings.preset),
    ]),
  );
  const unrecorded = unrecordedEvidenceOf(
    Object.fromEntries([...compiled].map(([kind, mapping]) => [kind, new Set(mapping.columns.map((column) => column.target.id))])),
  );
  const contextOf = (kind: FileKind): TransformContext => ({
    mapping: compiled.get(kind)!,
    choices: index,
    timeZone: settings.timeZone,
    sourceSystem: input.sourceSystem,
  });
  // Duplicate ids: the last importable row of an id is imported, each earlier row is reported as
  // superseded by it. Known before the first write, so the dry run and the import count alike.
  const lastLeadRows = settings.files.leads && !input.noRepeatedIds ? await lastRowOfEachId(input, contextOf("leads")) : new SeenIds();
  // A linked file's keys name leads of this upload's leads file (read once more, only when there is one).
  const leadsOfUpload = settings.files.deals
    ? await readLeadsOfUpload(files, jobId, settings, input.mapping, settings.files.leads ? contextOf("leads") : null)
    : null;
  const firstRowOfDeal = new Map<string, number>();
  for (const kind of kindsOf(settings)) {
    const shape = settings.files[kind]!;
    const counts = emptyCounts();
    results[kind] = counts;
    const fileId = input.fileIds[kind] ?? null;
    const context = contextOf(kind);
    const report = (issues: RowIssue[]) => {
      tracker.report(issues, fileId);
      counts.warnings += issues.filter((found) => found.severity === "warning").length;
    };

    const prepare = (all: CsvRow[]): Prepared => {
      counts.rows += all.length;
      const batch = all.filter((row) => !row.truncated);
      for (const cut of all.filter((row) => row.truncated)) {
        counts.failed++;
        report([
          issue(
            cut.row,
            null,
            null,
            `The file ends in the middle of row ${cut.row}: it looks cut off (truncated). This row was not imported; every whole row before it was.`,
          ),
        ]);
      }
      if (kind === "deals") {
        const linked = prepareLinkedBatch(batch, context, leadsOfUpload!, firstRowOfDeal);
        report(linked.issues);
        counts.failed += linked.refused;
        counts.duplicates += linked.repeated;
        return { kind: "linked", rows: all.length, linked: linked.rows };
      }
      if (kind !== "leads") {
        const activities: ActivityRow[] = [];
        for (const { row, cells } of batch) {
          const result = transformActivityRow(cells, row, kind as ActivityKind, context);
          report(result.issues);
          if (result.event) activities.push({ row, event: result.event });
          else counts.failed++;
        }
        return { kind: "activities", rows: all.length, activities };
      }
      const leads: LeadUpsertInput[] = [];
      const events: PendingEvent[] = [];
      const owners = new Map<string, PersonRef>();
      for (const { row, cells } of batch) {
        const result = transformLeadRow(cells, row, context);
        report(result.issues);
        if (!result.lead) {
          counts.failed++;
          continue;
        }
        const last = lastLeadRows.get(result.lead.externalId);
        if (last !== undefined && last.row !== row) {
          const message =
            last.hash === hashCells(cells)
              ? `Repeated exactly in row ${last.row}: that row is imported.`
              : `Superseded by row ${last.row}, which has the same external id (the last row of an id is imported).`;
          report([issue(row, context.mapping.first.get("externalId")?.header ?? null, result.lead.externalId, message, "warning")]);
          counts.duplicates++;
          continue;
        }
        leads.push(result.lead);
        events.push(...result.events);
        if (result.ownerRef) owners.set(result.lead.externalId, result.ownerRef);
      }
      return { kind: "leads", rows: all.length, leads, events, owners };
    };

    const write = async (prepared: Prepared): Promise<void> => {
      if (prepared.kind === "leads") await sink.leads(prepared.leads, prepared.events, counts, prepared.owners, unrecorded);
      else if (prepared.kind === "linked") {
        for (const lost of await sink.linked(prepared.linked, leadsOfUpload!.importable, counts)) {
          counts.failed++;
          report([
            issue(lost.row, context.mapping.first.get("linkKey")?.header ?? null, lost.key, unknownKeyMessage(lost, input.sourceSystem)),
          ]);
        }
      } else {
        const missing = await sink.activities(prepared.activities, lastLeadRows, counts, kind as ActivityKind);
        for (const lost of missing) {
          counts.failed++;
          const message = `No lead with the id "${lost.event.leadExternalId}" in the leads file or in Baton (source ${input.sourceSystem}).`;
          report([issue(lost.row, context.mapping.first.get("leadExternalId")?.header ?? null, lost.event.leadExternalId, message)]);
        }
      }
      syncCounters(tracker, results);
      tracker.counters.rowsDone += prepared.rows;
      await tracker.advance(prepared.rows);
    };

    // Two stages: the next batch is parsed and transformed in Node while PostgreSQL writes this one.
    let writing: Promise<void> | null = null;
    for await (const batch of readCsvBatches(readFileParts(files, jobId, kind), shape, BATCH_SIZE)) {
      const prepared = prepare(batch);
      if (writing) await writing;
      writing = write(prepared);
    }
    if (writing) await writing;
  }
  return results;
}

/**
 * A first pass over the leads file: the row of each external id that will be imported, its last
 * importable row. Cheap for the usual file without repeats: only the id is read from each row, and only
 * rows repeating an id already seen are transformed in full, to know whether they can be imported. An
 * id's first row is recorded as is: if no later row of it is importable, it is the one (it is refused
 * in the main pass when it is not importable either).
 */
async function lastRowOfEachId(input: PipelineInput, context: TransformContext): Promise<SeenIds> {
  const last = new SeenIds();
  for await (const batch of readCsvBatches(readFileParts(input.files, input.jobId, "leads"), input.settings.files.leads!, BATCH_SIZE)) {
    for (const { row, cells, truncated } of batch) {
      if (truncated) continue;
      const id = leadIdOfRow(cells, row, context);
      if (id === null) continue;
      if (!last.has(id)) last.record(id, row, hashCells(cells));
      else if (transformLeadRow(cells, row, context).lead) last.record(id, row, hashCells(cells));
    }
  }
  return last;
}

function syncCounters(tracker: ProgressTracker, results: Partial<Record<FileKind, FileCounts>>): void {
  const all = Object.values(results);
  const sum = (pick: (counts: FileCounts) => number) => all.reduce((total, counts) => total + pick(counts), 0);
  tracker.counters.rowsCreated = sum((counts) => counts.created);
  tracker.counters.rowsUpdated = sum((counts) => counts.updated);
  tracker.counters.rowsSkipped = sum((counts) => counts.unchanged + counts.duplicates);
  tracker.counters.rowsFailed = sum((counts) => counts.failed);
}
