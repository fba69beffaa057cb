import { ApiError, fieldsFromZod } from "@/lib/api/v1/errors";
import { apiRoute } from "@/lib/api/v1/route";
import { infoAnswerShape } from "@/lib/decisions/schemas";
import { answerInfoRequest } from "@/lib/decisions/team-mutations";
import { leadIdParamsSchema } from "@/lib/api/v1/leads-schemas";

// POST /api/v1/leads/{id}/info-requests/answer: marketing answers the rep's open question from outside.
export const POST = apiRoute<{ id: string }>({ scope: "write", action: "info_requests.answer" }, async ({ params, principal, body }) => {
  const parsed = leadIdParamsSchema.safeParse(params);
  if (!parsed.success) throw new ApiError(422, "invalid", "The lead id must be a positive integer.", fieldsFromZod(parsed.error));
  const input = await body(infoAnswerShape);
  const result = await answerInfoRequest(principal.user, parsed.data.id, input);
  return { leadId: result.leadId, acceptanceStatus: result.acceptanceStatus, version: result.version, message: result.message };
});
