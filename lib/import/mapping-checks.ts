import { FILE_KIND_LABELS, findTarget, missingRequiredTargets, type FileKind } from "@/lib/import/fields";
import type { JobSettings } from "@/lib/import/job-state";
import { duplicateTargets, type MappingDocument } from "@/lib/import/mapping";

// Checks of a mapping against the job's files: every mapped column exists and maps to a target of its
// file kind, single-column targets are used once, and (before a check or import) the required targets
// are mapped. Errors are keyed "files.<kind>" for the page to show beside that file.

export function validateMapping(settings: JobSettings, mapping: MappingDocument): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  for (const [kind, file] of Object.entries(mapping.files) as [FileKind, NonNullable<MappingDocument["files"][FileKind]>][]) {
    const shape = settings.files[kind];
    const key = `files.${kind}`;
    if (!shape) {
      (problems[key] ??= []).push(`There is no ${FILE_KIND_LABELS[kind].toLowerCase()} file in this import.`);
      continue;
    }
    const headers = new Set(shape.headers);
    for (const [header, target] of Object.entries(file.columns)) {
      if (!headers.has(header)) (problems[key] ??= []).push(`The file has no column "${header}".`);
      else if (!findTarget(kind, target))
        (problems[key] ??= []).push(`"${header}" is mapped to something a ${FILE_KIND_LABELS[kind].toLowerCase()} file cannot hold.`);
    }
    if (file.linksTo && !settings.files.leads?.headers.includes(file.linksTo))
      (problems[key] ??= []).push(
        settings.files.leads
          ? `The leads file has no column "${file.linksTo}" for the key to refer to.`
          : `The key refers to the leads file's column "${file.linksTo}", but this import has no leads file: refer to the lead's external id.`,
      );
    for (const target of duplicateTargets(file)) {
      (problems[key] ??= []).push(`Several columns are mapped to ${findTarget(kind, target)?.label ?? target}: keep one.`);
    }
  }
  return problems;
}

/** What is still missing before a run: per file, the required targets nobody mapped. */
export function missingForRun(settings: JobSettings, mapping: MappingDocument): Record<string, string[]> {
  const problems = validateMapping(settings, mapping);
  for (const kind of Object.keys(settings.files) as FileKind[]) {
    const mapped = new Set(Object.values(mapping.files[kind]?.columns ?? {}));
    const missing = missingRequiredTargets(kind, mapped);
    if (missing.length) (problems[`files.${kind}`] ??= []).push(...missing);
  }
  return problems;
}
