import { z } from "zod";
import { isValidTimeZone } from "@/lib/diagnosis/business-time";
import { ENCODINGS } from "@/lib/import/decode";
import { FILE_KINDS } from "@/lib/import/fields";
import { mappingDocumentSchema } from "@/lib/import/mapping";
import { PRESET_IDS } from "@/lib/import/presets";
import { DELIMITERS } from "@/lib/import/sniff";

// What the import page sends, checked the same way by the actions, the mutations and the tests.

const MAX_ID = 2 ** 31 - 1;
const jobId = z.coerce.number({ error: "This page does not say which import it is. Reload it." }).int().min(1).max(MAX_ID);
const version = z.coerce.number({ error: "This page is missing the version it was opened at. Reload it." }).int().min(0).max(MAX_ID);

export const jobRefSchema = z.object({ jobId, version });

export const analyseSchema = z.object({
  jobId,
  savedMappingId: z.coerce.number().int().min(1).max(MAX_ID).optional(),
});

export const SOURCE_SYSTEM_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,39}$/;

export const importSettingsSchema = z.object({
  jobId,
  version,
  sourceSystem: z
    .string()
    .trim()
    .toLowerCase()
    .regex(SOURCE_SYSTEM_PATTERN, "Use 1–40 lowercase letters, digits, dots, dashes or underscores, e.g. hubspot or salesforce-eu."),
  timeZone: z.string().trim().refine(isValidTimeZone, "That is not a time zone we recognise. Use an IANA name such as Europe/Berlin."),
  preset: z.enum(PRESET_IDS),
  files: z.partialRecord(z.enum(FILE_KINDS), z.object({ encoding: z.enum(ENCODINGS), delimiter: z.enum(DELIMITERS) })).default({}),
});

export const saveMappingSchema = z.object({ jobId, version, mapping: mappingDocumentSchema });

export const startImportSchema = z.object({
  jobId,
  version,
  mode: z.enum(["all_or_nothing", "valid_rows"], { error: "Choose all or nothing, or import the valid rows." }),
});

export const saveReusableMappingSchema = z.object({
  jobId,
  name: z.string().trim().min(2, "Give the mapping a name of at least 2 characters.").max(80, "Keep the name under 80 characters."),
});

export const uploadPartSchema = z.object({
  kind: z.enum(FILE_KINDS),
  part: z.coerce.number().int().min(0).max(1000),
  name: z.string().trim().min(1).max(200),
});
