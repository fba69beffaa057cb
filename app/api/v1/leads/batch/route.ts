import { apiRoute } from "@/lib/api/v1/route";
import { auditAuthorOf } from "@/lib/tokens/store";
import { runWrite } from "@/lib/api/v1/idempotency";
import { queueDiagnosis } from "@/lib/events/workers";
import { writeApiLeads } from "@/lib/api/v1/leads-upsert";
import { leadBatchSchema } from "@/lib/leads/upsert-schemas";

// POST /api/v1/leads/batch: create or update up to 1,000 leads by external id, all or none; each change
// is in the audit log (one INSERT for the batch) and the changed leads are re-diagnosed right behind the
// write (queued in the same transaction).
export const POST = apiRoute(
  { scope: "write", action: "import.run", maxBodyBytes: 4 * 1024 * 1024 },
  async ({ request, principal, body }) => {
    const batch = await body(leadBatchSchema);
    return runWrite(request, principal, batch, async (client) => {
      const results = await writeApiLeads(client, batch.leads, (index) => `leads.${index}.`, auditAuthorOf(principal));
      const count = (action: string) => results.filter((lead) => lead.action === action).length;
      await queueDiagnosis(
        client,
        results.filter((lead) => lead.action !== "unchanged").map((lead) => lead.id),
      );
      return {
        status: count("created") > 0 ? 201 : 200,
        body: {
          created: count("created"),
          updated: count("updated"),
          unchanged: count("unchanged"),
          leads: results.map((lead) => ({
            index: lead.index,
            id: lead.id,
            sourceSystem: lead.sourceSystem,
            externalId: lead.externalId,
            action: lead.action,
          })),
        },
      };
    });
  },
);
