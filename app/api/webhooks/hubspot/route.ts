import { errorJson } from "@/lib/actions/route-guard";
import { handleHubspotWebhook } from "@/lib/sync/hubspot/webhook";

// HubSpot calls this with contact changes; no session: the v3 signature is the authentication. A refusal
// answers in the one error body every route uses, { error: { code, message } }.
export async function POST(request: Request): Promise<Response> {
  const outcome = await handleHubspotWebhook({
    method: "POST",
    url: request.url,
    body: await request.text(),
    signature: request.headers.get("x-hubspot-signature-v3"),
    timestamp: request.headers.get("x-hubspot-request-timestamp"),
  });
  return outcome.status === 200 ? Response.json({ queued: outcome.queued.length }) : errorJson(outcome.status, outcome.message);
}
