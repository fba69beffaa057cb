import { apiRoute, notFound } from "@/lib/api/route";
import { ApiError, fieldsFromZod } from "@/lib/api/errors";
import { leadIdParamsSchema } from "@/lib/leads/api-schemas";
import { toLeadDetail } from "@/lib/leads/api-mapping";
import { diagnoseLeadNow, findLeadDetail } from "@/lib/leads/queries";

export const GET = apiRoute<{ id: string }>({ scope: "read", action: "leads.read" }, async ({ params }) => {
  const parsed = leadIdParamsSchema.safeParse(params);
  if (!parsed.success) throw new ApiError(422, "invalid", "The lead id must be a positive integer.", fieldsFromZod(parsed.error));
  const lead = await findLeadDetail(parsed.data.id);
  if (!lead) notFound(`Lead ${parsed.data.id}`);
  const computedAt = new Date();
  return toLeadDetail(lead, await diagnoseLeadNow(lead.id), computedAt);
});
