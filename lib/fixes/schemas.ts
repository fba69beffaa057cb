import { z } from "zod";
import { FAILURE_POINTS, FIX_TYPES } from "@/lib/diagnosis/vocabulary";
import { FIX_METRICS } from "@/lib/fixes/metrics";
import { FIX_STATUSES } from "@/lib/fixes/status";
import { recordId, version } from "@/lib/actions/input";
import { targetWhereSchema } from "@/lib/lead-set/dimensions";

// A valid fix: a DOMAIN fix type, a specific description, the failure point it addresses, the metric it
// should move, an owner and a due date, and the leads that are its evidence. Shared by the forms, the
// server actions and the mutations.

export const MAX_EVIDENCE_LEADS = 200;
const blankToNull = (value: unknown) => (value === "" || value === undefined ? null : value);

const fields = {
  title: z
    .string({ error: "Give the fix a short title." })
    .trim()
    .min(3, "Give the fix a short title (at least 3 characters).")
    .max(160, "Keep the title under 160 characters."),
  fixType: z.enum(FIX_TYPES, { error: "Choose the kind of fix." }),
  description: z
    .string({ error: "Describe the change: which field, rule or standard, and what it becomes." })
    .trim()
    .min(10, "Describe the change: which field, rule or standard, and what it becomes (at least 10 characters).")
    .max(4000, "Keep the description under 4,000 characters."),
  failurePoint: z.preprocess(blankToNull, z.enum(FAILURE_POINTS, { error: "Choose one of the six failure points." }).nullable()),
  expectedMetric: z.preprocess(blankToNull, z.enum(FIX_METRICS, { error: "Choose a metric from the list." }).nullable()),
  ownerId: z.preprocess(blankToNull, z.coerce.number({ error: "Choose an owner from the list." }).int().min(1).nullable()),
  dueDate: z.preprocess(
    blankToNull,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the due date as a date.")
      .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "Enter a real date.")
      .nullable(),
  ),
};

export const fixCreateSchema = z.object({
  ...fields,
  leadIds: z
    .array(recordId("lead"), { error: "Attach at least one lead as evidence." })
    .min(1, "Attach at least one lead as evidence.")
    .max(MAX_EVIDENCE_LEADS, `A fix can cite at most ${MAX_EVIDENCE_LEADS} leads.`)
    .transform((ids) => [...new Set(ids)]),
  meetingId: z.preprocess(blankToNull, recordId("meeting").nullable()).optional(),
  /** The report finding's group the fix targets (lib/report/fix-outcomes.ts measures it there). */
  targetWhere: targetWhereSchema.optional(),
});

export const fixUpdateSchema = z.object({
  id: recordId("fix"),
  version,
  ...fields,
  status: z.enum(FIX_STATUSES, { error: "Choose open, in progress, done or verified." }),
});

export const fixStatusSchema = z.object({ id: recordId("fix"), version, status: fixUpdateSchema.shape.status });
export const fixLeadSchema = z.object({ fixId: recordId("fix"), leadId: recordId("lead") });

export type FixCreateInput = z.input<typeof fixCreateSchema>;
export type FixUpdateInput = z.input<typeof fixUpdateSchema>;
