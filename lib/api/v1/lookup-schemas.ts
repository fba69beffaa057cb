import { z } from "zod";
import { EXTERNAL_ID, SOURCE_SYSTEM } from "@/lib/leads/upsert-schemas";

// The batch lookup by external id: shared by its route and the OpenAPI document.
export const MAX_LOOKUPS = 1_000;
export const externalRefSchema = z
  .object({
    sourceSystem: SOURCE_SYSTEM.default("api"),
    externalId: EXTERNAL_ID.meta({ description: "The lead's id in its source system.", example: "5101" }),
  })
  .strict();
export const leadLookupRequestSchema = z
  .object({ leads: z.array(externalRefSchema).min(1).max(MAX_LOOKUPS) })
  .strict()
  .meta({ id: "LeadLookup" });
