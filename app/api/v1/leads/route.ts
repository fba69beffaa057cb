import { apiRoute, parseQuery } from "@/lib/api/v1/route";
import { auditAuthorOf } from "@/lib/tokens/store";
import { leadListQuerySchema } from "@/lib/api/v1/leads-schemas";
import { listLeadsForApi } from "@/lib/api/v1/lead-lookup";
import { runWrite } from "@/lib/api/v1/idempotency";
import { writeApiLeads } from "@/lib/api/v1/leads-upsert";
import { leadUpsertSchema } from "@/lib/leads/upsert-schemas";
import { rediagnoseLeads } from "@/lib/rediagnosis/run";

// Strict first (unknown parameters and bad values are a 422), then the lookup by external id or the same
// parsing as the UI's list.
export const GET = apiRoute({ scope: "read", action: "leads.read" }, async ({ request }) =>
  listLeadsForApi(parseQuery(request, leadListQuerySchema), new URL(request.url).searchParams),
);

// POST: create or update one lead by (sourceSystem, externalId); 201 when created. Diagnosed in the same
// transaction, so the response (and any replay of it) carries the verdict; audited in it too.
export const POST = apiRoute({ scope: "write", action: "import.run" }, async ({ request, principal, body }) => {
  const lead = await body(leadUpsertSchema);
  return runWrite(request, principal, lead, async (client) => {
    const [written] = await writeApiLeads(client, [lead], () => "", auditAuthorOf(principal));
    if (written!.action !== "unchanged") await rediagnoseLeads(client, [written!.id]);
    const { rows } = await client.query<{ flagged: boolean; severity: number; failure_points: string[] }>(
      "SELECT flagged, severity, failure_points::text[] FROM leads WHERE id = $1",
      [written!.id],
    );
    const diagnosis = rows[0]!;
    return {
      status: written!.action === "created" ? 201 : 200,
      body: {
        id: written!.id,
        sourceSystem: written!.sourceSystem,
        externalId: written!.externalId,
        action: written!.action,
        diagnosis: { flagged: diagnosis.flagged, severity: diagnosis.severity, failurePoints: diagnosis.failure_points },
      },
    };
  });
});
