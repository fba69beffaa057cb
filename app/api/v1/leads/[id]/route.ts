import { apiRoute, notFound } from "@/lib/api/v1/route";
import { ApiError, fieldsFromZod } from "@/lib/api/v1/errors";
import { leadIdParamsSchema } from "@/lib/api/v1/leads-schemas";
import { toLeadDetail } from "@/lib/api/v1/leads-mapping";
import { eraseLeadNow } from "@/lib/leads/erase";
import { findDiagnosedLead } from "@/lib/leads/diagnosed-lead";
import { auditAuthorOf } from "@/lib/tokens/store";

function leadIdOf(params: { id: string }): number {
  const parsed = leadIdParamsSchema.safeParse(params);
  if (!parsed.success) throw new ApiError(422, "invalid", "The lead id must be a positive integer.", fieldsFromZod(parsed.error));
  return parsed.data.id;
}

export const GET = apiRoute<{ id: string }>({ scope: "read", action: "leads.read" }, async ({ params }) => {
  const id = leadIdOf(params);
  // The diagnosis is computed from the record read, not from a second read of the lead.
  const computedAt = new Date();
  const found = await findDiagnosedLead(id, computedAt);
  if (!found) notFound(`Lead ${id}`);
  return toLeadDetail(found.lead, found.diagnosis, computedAt);
});

// DELETE: erase the person's lead (a GDPR request), admins' write tokens only; 204, then 404.
export const DELETE = apiRoute<{ id: string }>({ scope: "write", action: "leads.erase" }, async ({ params, principal }) => {
  const id = leadIdOf(params);
  if (!(await eraseLeadNow(id, auditAuthorOf(principal)))) notFound(`Lead ${id}`);
  return new Response(null, { status: 204 });
});
