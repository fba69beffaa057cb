import { z } from "zod";
import { errorResponses, registry } from "@/lib/api/v1/openapi";
import { decisionRequestShape, infoAnswerShape } from "@/lib/decisions/schemas";
import { leadIdParamsSchema } from "@/lib/api/v1/leads-schemas";

// The decisions API in the OpenAPI document, from the same schemas the routes and the queue's forms use.

export const decisionResponseSchema = z
  .object({
    leadId: z.number().int(),
    acceptanceStatus: z.enum(["pending", "accepted", "rejected", "info_requested"]),
    version: z.number().int().meta({ description: "The lead's version after the write: send it with the next change." }),
    message: z.string(),
    reasonQuality: z
      .object({ score: z.union([z.literal(0), z.literal(0.5), z.literal(1)]), label: z.string(), nudge: z.string().nullable() })
      .optional()
      .meta({ description: "Rejections only: the DOMAIN rejection_reason_quality score of the reason given." }),
  })
  .meta({ id: "DecisionResult" });

registry.registerPath({
  method: "post",
  path: "/leads/{id}/decisions",
  summary: "Accept, reject or ask marketing for information about a lead",
  description:
    "Send the lead `version` you read. A lead someone else decided or changed since is refused with 409 and nothing is written. " +
    "`criteria` maps every acceptance criterion id of the lead type to true (met) or false. A rejection's `reasonCode` must be an active rejection reason; " +
    "reasons that require detail need `detail`, and `other` needs a specific explanation. A next action's `nextActionDueAt` must be in the future. " +
    "Optional on a rejection: the buyer's `objectionCode` (an active objection of the workspace; unknown codes are refused with 422 at `objectionCode`) with `objectionDetail`; " +
    "optional on accept or reject: `sourceSignal`, whether the lead was what its source promised (good_fit, wrong_person, wrong_company, not_a_real_buyer). Neither changes the reason quality score.",
  request: { params: leadIdParamsSchema, body: { content: { "application/json": { schema: decisionRequestShape } } } },
  responses: {
    200: { description: "The decision was recorded", content: { "application/json": { schema: decisionResponseSchema } } },
    ...errorResponses(400, 403, 404, 409, 413, 422),
  },
});

registry.registerPath({
  method: "post",
  path: "/leads/{id}/info-requests/answer",
  summary: "Answer the open question sales asked marketing about a lead",
  description:
    "Marketing's answer returns a lead waiting on it to its owner's queue (acceptance status back to pending). Send the lead `version` you read.",
  request: { params: leadIdParamsSchema, body: { content: { "application/json": { schema: infoAnswerShape } } } },
  responses: {
    200: { description: "The answer was recorded", content: { "application/json": { schema: decisionResponseSchema } } },
    ...errorResponses(400, 403, 404, 409, 413, 422),
  },
});
