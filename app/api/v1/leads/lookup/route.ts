import { apiRoute } from "@/lib/api/v1/route";
import { lookupLeads } from "@/lib/api/v1/lead-lookup";
import { leadLookupRequestSchema } from "@/lib/api/v1/lookup-schemas";

// POST /api/v1/leads/lookup: up to 1,000 leads by their CRM ids in one request (a read: any token).
export const POST = apiRoute({ scope: "read", action: "leads.read" }, async ({ body }) =>
  lookupLeads((await body(leadLookupRequestSchema)).leads),
);
