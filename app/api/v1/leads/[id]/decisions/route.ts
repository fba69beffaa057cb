import { ApiError, fieldsFromZod } from "@/lib/api/v1/errors";
import { apiRoute } from "@/lib/api/v1/route";
import { acceptLead, rejectLead, requestLeadInfo } from "@/lib/decisions/mutations";
import { decisionRequestShape } from "@/lib/decisions/schemas";
import { leadIdParamsSchema } from "@/lib/api/v1/leads-schemas";

// POST /api/v1/leads/{id}/decisions: the queue's three decisions for integrations. The body is checked
// against the documented shape, then the mutation validates it again with the workspace's reasons and clock.
const MUTATIONS = { accept: acceptLead, reject: rejectLead, request_info: requestLeadInfo } as const;

export const POST = apiRoute<{ id: string }>({ scope: "write", action: "leads.decide" }, async ({ params, principal, body }) => {
  const parsed = leadIdParamsSchema.safeParse(params);
  if (!parsed.success) throw new ApiError(422, "invalid", "The lead id must be a positive integer.", fieldsFromZod(parsed.error));
  const { decision, ...input } = await body(decisionRequestShape);
  const result = await MUTATIONS[decision](principal.user, parsed.data.id, input);
  return {
    leadId: result.leadId,
    acceptanceStatus: result.acceptanceStatus,
    version: result.version,
    message: result.message,
    ...(result.quality ? { reasonQuality: result.quality } : {}),
  };
});
