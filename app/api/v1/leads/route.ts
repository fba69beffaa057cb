import { apiRoute, parseQuery } from "@/lib/api/route";
import { leadListQuerySchema } from "@/lib/leads/api-schemas";
import { toLeadSummary } from "@/lib/leads/api-mapping";
import { parseLeadListQuery } from "@/lib/leads/list-query";
import { findLeads } from "@/lib/leads/queries";

export const GET = apiRoute({ scope: "read", action: "leads.read" }, async ({ request }) => {
  // Strict first (unknown parameters and bad values are a 422), then the same parsing as the UI's list.
  const validated = parseQuery(request, leadListQuerySchema);
  const searchParams = new URL(request.url).searchParams;
  const query = parseLeadListQuery(Object.fromEntries([...searchParams.keys()].map((key) => [key, searchParams.getAll(key)])));
  const { rows, total } = await findLeads(query);
  return { total, page: validated.page ?? 1, pageSize: query.pageSize, leads: rows.map(toLeadSummary) };
});
