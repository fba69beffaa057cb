import { z } from "zod";
import { registry } from "@/lib/api/v1/openapi";
import { PRIORITIES } from "@/lib/diagnosis/vocabulary";

// Outbound webhooks in the OpenAPI document (`webhooks`): what Baton POSTs to the endpoints an admin
// registers on the Alerts page. Signed per Standard Webhooks (standardwebhooks.com); the delivery itself
// is lib/notify's.

const SLA_CLOCKS = ["owner", "decision", "first_action", "next_action", "info_request"] as const;

const signatureHeaders = z.object({
  "webhook-id": z
    .string()
    .meta({ description: "The message id: the same on every retry and replay, so a receiver can drop repeats.", example: "msg_1042" }),
  "webhook-timestamp": z
    .string()
    .meta({ description: "Unix seconds when it was signed; refuse messages more than a few minutes old.", example: "1733328000" }),
  "webhook-signature": z.string().meta({
    description: "v1,<base64 HMAC-SHA256 of `id.timestamp.body`> with the endpoint's secret (whsec_…), per Standard Webhooks.",
    example: "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=",
  }),
});

const slaEvent = (type: string, what: string) =>
  z
    .object({
      type: z.literal(type),
      timestamp: z.string().meta({ format: "date-time", description: "When it was sent (a retry carries a later one; webhook-id stays)." }),
      data: z.object({
        leadId: z.number().int().meta({ description: "GET /leads/{id} reads the lead." }),
        leadName: z.string(),
        priority: z.enum(PRIORITIES),
        clock: z.enum(SLA_CLOCKS).meta({
          description:
            "Which SLA: owner (capture to an owner), decision, first_action, next_action (its due date), info_request (marketing's answer).",
        }),
        stage: z.string().meta({ description: "warn_<percent> for warnings (e.g. warn_80), breach, escalation.", example: "warn_80" }),
        dueAt: z.string().meta({ format: "date-time", description: "When the SLA runs (or ran) out." }),
        evidence: z.string().meta({ description: `The diagnosis step's summary: ${what}` }),
      }),
    })
    .meta({ id: `Webhook_${type.replace(".", "_")}` });

const EVENTS = [
  { type: "sla.warning", summary: "An SLA is about to run out", what: "why the clock is still open." },
  { type: "sla.breach", summary: "An SLA was missed", what: "what is missing." },
  { type: "sla.escalation", summary: "A missed SLA is still open after the escalation delay", what: "what is still missing." },
];

for (const event of EVENTS) {
  registry.registerWebhook({
    method: "post",
    path: event.type,
    summary: event.summary,
    description:
      "POSTed as JSON to every active webhook endpoint, signed per Standard Webhooks. Answer any 2xx within 10 seconds; anything else is retried with backoff, and an admin can replay a delivery from the Alerts page. Verify the signature before trusting the body.",
    request: {
      headers: signatureHeaders,
      body: { required: true, content: { "application/json": { schema: slaEvent(event.type, event.what) } } },
    },
    responses: { 200: { description: "Received (any 2xx)" } },
  });
}
