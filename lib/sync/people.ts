import type { Queryable } from "@/lib/rediagnosis/queryable";
import type { PersonRef } from "@/lib/sync/types";

// CRM owners -> Baton people. Until lib/people (engineer i13's person_identities) is merged, a CRM owner is
// linked to the Baton user with the same email (the automatic link of the people decision); an owner with
// no such user stays a name on the events. Set-based: one query per batch.
export async function resolveSyncPeople(client: Queryable, _sourceSystem: string, refs: readonly PersonRef[]): Promise<Map<string, number>> {
  const withEmail = refs.filter((ref) => ref.email);
  if (withEmail.length === 0) return new Map();
  const { rows } = await client.query<{ external_id: string; id: number }>(
    `SELECT r.external_id, u.id FROM unnest($1::text[], $2::text[]) AS r(external_id, email) JOIN users u ON lower(u.email) = lower(r.email)`,
    [withEmail.map((ref) => ref.externalId), withEmail.map((ref) => ref.email)],
  );
  return new Map(rows.map((row) => [row.external_id, row.id]));
}
