import { z } from "zod";
import { DATE_FORMATS, type DateFormat } from "@/lib/import/dates";
import { FILE_KINDS, findTarget, type ChoiceSet, type FileKind, type TargetDefinition } from "@/lib/import/fields";
import { PRESETS, type PresetId } from "@/lib/import/presets";

// The mapping of one import: per file, each column to a target, each categorical value to a product
// value, and each date column's format. Stored on the job, and reusable as a saved mapping.

const header = z.string().min(1).max(300);
export const fileMappingSchema = z.object({
  columns: z.record(header, z.string().min(1).max(60)),
  values: z.record(header, z.record(z.string().max(300), z.string().max(200))).default({}),
  dateFormats: z.record(header, z.enum(DATE_FORMATS)).default({}),
  /** A linked file (deals): the leads file's column its key refers to; absent, the lead's external id. */
  linksTo: header.optional(),
});
export type FileMapping = z.infer<typeof fileMappingSchema>;

export const mappingDocumentSchema = z.object({
  files: z.partialRecord(z.enum(FILE_KINDS), fileMappingSchema),
});
export type MappingDocument = z.infer<typeof mappingDocumentSchema>;

export function emptyFileMapping(): FileMapping {
  return { columns: {}, values: {}, dateFormats: {} };
}

/** A file mapping ready for rows: column indexes per target and the value maps, resolved once. */
export interface CompiledColumn {
  index: number;
  header: string;
  target: TargetDefinition;
  dateFormat: DateFormat;
  values: Record<string, string> | undefined;
}

export interface CompiledMapping {
  kind: FileKind;
  columns: CompiledColumn[];
  /** First column per target id (most targets take one column; status and events may take several). */
  first: Map<string, CompiledColumn>;
  suggestedValues: Partial<Record<ChoiceSet, Record<string, string>>>;
}

export function compileMapping(kind: FileKind, headers: readonly string[], mapping: FileMapping, preset: PresetId): CompiledMapping {
  const columns: CompiledColumn[] = [];
  headers.forEach((headerText, index) => {
    const targetId = mapping.columns[headerText];
    const target = targetId ? findTarget(kind, targetId) : undefined;
    if (!target) return;
    columns.push({
      index,
      header: headerText,
      target,
      dateFormat: mapping.dateFormats[headerText] ?? "iso",
      values: mapping.values[headerText],
    });
  });
  const first = new Map<string, CompiledColumn>();
  for (const column of columns) if (!first.has(column.target.id)) first.set(column.target.id, column);
  return { kind, columns, first, suggestedValues: PRESETS[preset].values };
}

/** Targets used by more than one column where only one makes sense (two "Email" columns). */
export function duplicateTargets(mapping: FileMapping): string[] {
  const repeatable = (target: string) => target === "status" || target.startsWith("event:");
  const counts = new Map<string, number>();
  for (const target of Object.values(mapping.columns)) counts.set(target, (counts.get(target) ?? 0) + 1);
  return [...counts].filter(([target, count]) => count > 1 && !repeatable(target)).map(([target]) => target);
}
