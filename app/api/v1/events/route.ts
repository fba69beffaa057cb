import { apiRoute } from "@/lib/api/v1/route";
import { auditAuthorOf } from "@/lib/tokens/store";
import { appendApiEvents } from "@/lib/api/v1/events-write";
import { runWrite } from "@/lib/api/v1/idempotency";
import { eventBatchSchema } from "@/lib/events/schemas";
import { queueDiagnosis } from "@/lib/events/workers";

// POST /api/v1/events: append up to 1,000 timeline events, each in the audit log (one INSERT for the
// batch); with an Idempotency-Key a retry returns the first response instead of writing again. The leads that got events are re-diagnosed right behind the
// write (queued in the same transaction, lib/events/workers.ts).
export const POST = apiRoute(
  { scope: "write", action: "import.run", maxBodyBytes: 4 * 1024 * 1024 },
  async ({ request, principal, body }) => {
    const batch = await body(eventBatchSchema);
    return runWrite(request, principal, batch, async (client, key) => {
      const { written, changedLeadIds } = await appendApiEvents(
        client,
        batch.events,
        { tokenId: principal.tokenId, key },
        auditAuthorOf(principal),
      );
      await queueDiagnosis(client, changedLeadIds);
      const created = written.filter((event) => event.status === "created").length;
      return {
        status: created > 0 ? 201 : 200,
        body: {
          created,
          duplicates: written.length - created,
          events: written.map((event) => ({
            index: event.index,
            id: event.id,
            leadId: event.leadId,
            status: event.status === "created" ? "created" : "duplicate",
          })),
        },
      };
    });
  },
);
