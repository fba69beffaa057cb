import "server-only";
import { z } from "zod";
import { ApiError } from "@/lib/api/v1/errors";
import { refuseUndefinedCodes } from "@/lib/api/v1/codes";
import { db, pool } from "@/lib/db";
import type { leadListQuerySchema } from "@/lib/api/v1/leads-schemas";
import { toLeadSummary } from "@/lib/api/v1/leads-mapping";
import { parseLeadListQuery } from "@/lib/lead-set/query";
import { findLeads, type LeadListRow } from "@/lib/leads/list-queries";
import type { leadLookupRequestSchema } from "@/lib/api/v1/lookup-schemas";

// Finding leads the way an integration knows them: by the id its CRM gives them, one or a batch, so it
// never needs Baton's numeric ids; and the filtered list, whose lead type keys must be defined.

const SUMMARY_SELECT = {
  id: true,
  sourceSystem: true,
  externalId: true,
  name: true,
  email: true,
  company: true,
  title: true,
  capturedAt: true,
  originalSource: true,
  campaign: true,
  priority: true,
  queue: true,
  acceptanceStatus: true,
  outcome: true,
  flagged: true,
  severity: true,
  failurePoints: true,
  leadType: { select: { key: true, name: true } },
  owner: { select: { id: true, name: true, email: true } },
} as const;

/** The leads with these (sourceSystem, externalId) pairs, keyed "source\0external"; one query. */
export async function findLeadsByExternalId(
  refs: readonly { sourceSystem: string; externalId: string }[],
): Promise<Map<string, LeadListRow>> {
  if (refs.length === 0) return new Map();
  const rows = await db.lead.findMany({
    where: { OR: refs.map((ref) => ({ sourceSystem: ref.sourceSystem, externalId: ref.externalId })) },
    select: SUMMARY_SELECT,
  });
  return new Map(rows.map((row) => [`${row.sourceSystem}\u0000${row.externalId}`, row]));
}

/** POST /leads/lookup: each requested pair in order, with its lead or null. */
export async function lookupLeads(refs: z.infer<typeof leadLookupRequestSchema>["leads"]) {
  const found = await findLeadsByExternalId(refs);
  const leads = refs.map((ref, index) => {
    const row = found.get(`${ref.sourceSystem}\u0000${ref.externalId}`);
    return { index, sourceSystem: ref.sourceSystem, externalId: ref.externalId, lead: row ? toLeadSummary(row) : null };
  });
  return { found: leads.filter((entry) => entry.lead !== null).length, leads };
}

type ListQuery = z.infer<typeof leadListQuerySchema>;

/** GET /leads: the lookup by external id (alone), or the filtered list. */
export async function listLeadsForApi(validated: ListQuery, searchParams: URLSearchParams) {
  if (validated.externalId !== undefined || validated.sourceSystem !== undefined) {
    const others = [...new Set(searchParams.keys())].filter((key) => key !== "externalId" && key !== "sourceSystem");
    if (validated.externalId === undefined)
      throw new ApiError(422, "invalid", "sourceSystem finds a lead together with externalId.", [
        { path: "externalId", message: "is required with sourceSystem" },
      ]);
    if (others.length)
      throw new ApiError(
        422,
        "invalid",
        "A lookup by external id takes no other parameters.",
        others.map((path) => ({ path, message: "cannot be combined with externalId" })),
      );
    const ref = { sourceSystem: validated.sourceSystem ?? "api", externalId: validated.externalId };
    const row = (await findLeadsByExternalId([ref])).get(`${ref.sourceSystem}\u0000${ref.externalId}`);
    return { total: row ? 1 : 0, totalExact: true, page: 1, pageSize: 1, leads: row ? [toLeadSummary(row)] : [] };
  }
  await refuseUndefinedCodes(pool, {
    leadTypes: (validated.type ?? []).map((code, index, all) => ({ path: all.length > 1 ? `type.${index}` : "type", code })),
  });
  const query = parseLeadListQuery(Object.fromEntries([...searchParams.keys()].map((key) => [key, searchParams.getAll(key)])));
  // On the primary: an API client lists what it has just written.
  const { rows, total, totalExact } = await findLeads(query, pool);
  return { total, totalExact, page: validated.page ?? 1, pageSize: query.pageSize, leads: rows.map(toLeadSummary) };
}
