import "server-only";
import type { Queryable } from "@/lib/db/queryable";
import type { OwnerRef } from "@/lib/leads/upsert-schemas";

// Owners named in API writes, resolved to active people in one statement: by email (case-insensitive),
// by person id, or by the id a source system gives them (person_identities, as POST /people records it).

export interface ResolvedOwner {
  /** The person's id, or undefined when no active person matches. */
  id: number | undefined;
  /** The path of the field that named them, relative to the ref ("email", "id", "externalId"). */
  field: "email" | "id" | "externalId";
}

export async function resolveOwnerRefs(
  client: Queryable,
  refs: readonly { ref: OwnerRef; sourceSystem: string }[],
): Promise<ResolvedOwner[]> {
  if (refs.length === 0) return [];
  const kinds = refs.map(({ ref }) => ("email" in ref ? "email" : "id" in ref ? "id" : "externalId"));
  const { rows } = await client.query<{ position: number; user_id: number | null }>(
    `SELECT r.position::int, u.id AS user_id
     FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[]) WITH ORDINALITY AS r(kind, email, id, external_id, source_system, position)
     LEFT JOIN LATERAL (
       SELECT u.id FROM users u
       WHERE u.active AND CASE r.kind
         WHEN 'email' THEN lower(u.email) = lower(r.email)
         WHEN 'id' THEN u.id = r.id
         ELSE u.id IN (SELECT i.user_id FROM person_identities i WHERE i.source_system = r.source_system AND i.external_id = r.external_id) END
       LIMIT 1) u ON true
     ORDER BY r.position`,
    [
      kinds,
      refs.map(({ ref }) => ("email" in ref ? ref.email : null)),
      refs.map(({ ref }) => ("id" in ref ? ref.id : null)),
      refs.map(({ ref }) => ("externalId" in ref ? ref.externalId : null)),
      refs.map(({ ref, sourceSystem }) => ("externalId" in ref ? (ref.sourceSystem ?? sourceSystem) : null)),
    ],
  );
  return rows.map((row, index) => ({ id: row.user_id ?? undefined, field: kinds[index]! as ResolvedOwner["field"] }));
}
