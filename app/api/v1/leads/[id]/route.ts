import { apiRoute, notFound } from "@/lib/api/v1/route";
import { ApiError, fieldsFromZod } from "@/lib/api/v1/errors";
import { leadIdParamsSchema } from "@/lib/api/v1/leads-schemas";
import { toLeadDetail } from "@/lib/api/v1/leads-mapping";
import { findDiagnosedLead } from "@/lib/leads/queries";

export const GET = apiRoute<{ id: string }>({ scope: "read", action: "leads.read" }, async ({ params }) => {
  const parsed = leadIdParamsSchema.safeParse(params);
  if (!parsed.success) throw new ApiError(422, "invalid", "The lead id must be a positive integer.", fieldsFromZod(parsed.error));
  // The diagnosis is computed from the record read, not from a second read of the lead.
  const computedAt = new Date();
  const found = await findDiagnosedLead(parsed.data.id, computedAt);
  if (!found) notFound(`Lead ${parsed.data.id}`);
  return toLeadDetail(found.lead, found.diagnosis, computedAt);
});
