import "server-only";
import type { PendingEvent } from "@/lib/import/transform-cells";
import type { LeadUpsertInput } from "@/lib/leads/upsert";
import { resolvePeople } from "@/lib/people/resolve";
import type { PersonRef } from "@/lib/people/types";
import type { Queryable } from "@/lib/db/queryable";

// Owners and actors a file names but no user matched: the import writes them as people of the workspace
// (lib/people), found or created in one set-based call per batch, so no owner is dropped. The dry run
// creates nobody: such an owner counts as a change to an existing lead, which the import then makes.

/** Never written: the dry run's stand-in for "a person the import will find or create". */
const NOT_YET_RESOLVED = -1;

export async function settlePeople(
  client: Queryable,
  sourceSystem: string,
  batch: { leads: LeadUpsertInput[]; owners: ReadonlyMap<string, PersonRef>; events: PendingEvent[] },
  mode: "check" | "write",
): Promise<void> {
  const owned = batch.leads.filter((lead) => batch.owners.has(lead.externalId));
  const acting = batch.events.filter((event) => event.person);
  if (!owned.length && !acting.length) return;
  const ids =
    mode === "write"
      ? await resolvePeople(client, sourceSystem, [
          ...owned.map((lead) => batch.owners.get(lead.externalId)!),
          ...acting.map((event) => event.person!.ref),
        ])
      : [...owned, ...acting].map(() => NOT_YET_RESOLVED);
  owned.forEach((lead, index) => {
    lead.ownerId = ids[index] ?? null;
  });
  acting.forEach((event, index) => {
    const id = ids[owned.length + index] ?? null;
    if (event.person!.as === "owner") {
      if (id !== null) event.details.ownerId = String(id);
    } else {
      event.actorId = id;
      event.actorName = null;
    }
    delete event.person;
  });
}
