import "server-only";
import type { Role } from "@/lib/auth/permissions";
import type { PersonRef } from "@/lib/people/types";
import type { Queryable } from "@/lib/db/queryable";

export type { PersonRef };

interface CleanRef {
  externalId: string | null;
  email: string | null;
  name: string | null;
  role: Role;
}

const clean = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

function cleanRef(ref: PersonRef): CleanRef | null {
  const externalId = clean(ref.externalId);
  const email = clean(ref.email)?.toLowerCase() ?? null;
  const name = clean(ref.name);
  if (!externalId && !email && !name) return null;
  return { externalId, email, name, role: ref.role ?? "sales_rep" };
}

/**
 * The user id of each ref (null for a ref naming nobody), in PEOPLE.md's order: the identity with this
 * (source system, external id); else a user with this email (case-insensitive: the automatic link); else
 * an identity of this source system with this exact name; else a new person (a user without sign-in) with
 * its identity. Set-based: a whole batch in a handful of statements. Run it inside the caller's transaction;
 * resolutions for one source system are serialised so two imports never create the same person twice.
 */
export async function resolvePeople(tx: Queryable, sourceSystem: string, refs: readonly PersonRef[]): Promise<(number | null)[]> {
  const cleaned = refs.map(cleanRef);
  const present = cleaned.filter((ref): ref is CleanRef => ref !== null);
  if (!present.length) return cleaned.map(() => null);
  await tx.query("SELECT pg_advisory_xact_lock(hashtext('person_identities'), hashtext($1))", [sourceSystem]);

  const byExternalId = await lookup(
    tx,
    "SELECT external_id AS key, user_id FROM person_identities WHERE source_system = $1 AND external_id = ANY($2::text[])",
    [sourceSystem, distinct(present.map((ref) => ref.externalId))],
  );
  const byEmail = await lookup(tx, "SELECT lower(email) AS key, id AS user_id FROM users WHERE lower(email) = ANY($1::text[])", [
    distinct(present.map((ref) => ref.email)),
  ]);
  // A ref that carries an external id only matches a name-only identity: two CRM users with one name stay two people.
  const byName = await lookup(
    tx,
    `SELECT DISTINCT ON (name) name AS key, user_id FROM person_identities
      WHERE source_system = $1 AND name = ANY($2::text[]) ORDER BY name, (external_id IS NULL) DESC, id`,
    [sourceSystem, distinct(present.map((ref) => ref.name))],
  );
  const byNameOnly = await lookup(
    tx,
    "SELECT DISTINCT ON (name) name AS key, user_id FROM person_identities WHERE source_system = $1 AND external_id IS NULL AND name = ANY($2::text[]) ORDER BY name, id",
    [sourceSystem, distinct(present.filter((ref) => ref.externalId).map((ref) => ref.name))],
  );

  const found = (ref: CleanRef): number | undefined =>
    (ref.externalId ? byExternalId.get(ref.externalId) : undefined) ??
    (ref.email ? byEmail.get(ref.email) : undefined) ??
    (ref.name ? (ref.externalId ? byNameOnly : byName).get(ref.name) : undefined);

  const userIds = new Map<CleanRef, number>();
  const missing: CleanRef[] = [];
  for (const ref of present) {
    const id = found(ref);
    if (id === undefined) missing.push(ref);
    else userIds.set(ref, id);
  }
  for (const [ref, id] of await createPeople(tx, sourceSystem, missing)) userIds.set(ref, id);
  await recordIdentities(tx, sourceSystem, present, userIds);
  return cleaned.map((ref) => (ref ? (userIds.get(ref) ?? null) : null));
}

async function lookup(tx: Queryable, sql: string, values: unknown[]): Promise<Map<string, number>> {
  const keys = values.at(-1) as string[];
  if (!keys.length) return new Map();
  const { rows } = await tx.query<{ key: string; user_id: number }>(sql, values);
  return new Map(rows.map((row) => [row.key, row.user_id]));
}

function distinct(values: (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== null))];
}

/**
 * One new person per distinct person among the unmatched refs: refs sharing an external id, an email or
 * (when neither has an external id of its own that differs) a name are the same person within the batch.
 */
async function createPeople(tx: Queryable, sourceSystem: string, refs: CleanRef[]): Promise<Map<CleanRef, number>> {
  const groupOf = new Map<string, number>();
  const groups: CleanRef[][] = [];
  for (const ref of refs) {
    const keys = [ref.externalId && `x:${ref.externalId}`, ref.email && `e:${ref.email}`].filter((key): key is string => Boolean(key));
    let group = keys.map((key) => groupOf.get(key)).find((index) => index !== undefined);
    if (group === undefined && ref.name && !ref.externalId) group = groupOf.get(`n:${ref.name}`);
    if (group === undefined) group = groups.push([]) - 1;
    groups[group]!.push(ref);
    for (const key of keys) groupOf.set(key, group);
    // Name-only refs join the first person of that name; a named ref with an id does not absorb others' ids.
    if (ref.name && !groupOf.has(`n:${ref.name}`)) groupOf.set(`n:${ref.name}`, group);
  }
  if (!groups.length) return new Map();

  // Ids drawn first, so each new row is known to belong to its group without relying on RETURNING's order.
  const { rows: ids } = await tx.query<{ id: number }>(
    "SELECT nextval(pg_get_serial_sequence('users', 'id'))::int AS id FROM generate_series(1, $1)",
    [groups.length],
  );
  const people = groups.map((members, index) => {
    const first = (pick: (ref: CleanRef) => string | null) => members.map(pick).find((value) => value !== null) ?? null;
    const email = first((ref) => ref.email);
    const externalId = first((ref) => ref.externalId);
    const name = first((ref) => ref.name) ?? email ?? `${sourceSystem} user ${externalId}`;
    return { id: ids[index]!.id, email, name: name.slice(0, 200), role: members[0]!.role };
  });
  await tx.query(
    `INSERT INTO users (id, email, name, role, password_hash, updated_at)
     SELECT id, email, name, role::"Role", NULL, now() FROM unnest($1::int[], $2::text[], $3::text[], $4::text[]) AS p(id, email, name, role)`,
    [people.map((p) => p.id), people.map((p) => p.email), people.map((p) => p.name), people.map((p) => p.role)],
  );
  const created = new Map<CleanRef, number>();
  groups.forEach((members, index) => members.forEach((ref) => created.set(ref, people[index]!.id)));
  return created;
}

/**
 * Records how this source system names each resolved person: a new external id always; an email or a
 * name without an id only when no identity of this person in this source system already says it.
 */
async function recordIdentities(tx: Queryable, sourceSystem: string, refs: CleanRef[], userIds: Map<CleanRef, number>): Promise<void> {
  const seen = new Set<string>();
  const rows: { userId: number; externalId: string | null; email: string | null; name: string | null }[] = [];
  for (const ref of refs) {
    const userId = userIds.get(ref)!;
    const key = JSON.stringify([userId, ref.externalId, ref.externalId ? null : ref.email, ref.externalId ? null : ref.name]);
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({ userId, externalId: ref.externalId, email: ref.email, name: ref.name });
  }
  if (!rows.length) return;
  await tx.query(
    `INSERT INTO person_identities (user_id, source_system, external_id, email, name)
     SELECT r.user_id, $1, r.external_id, r.email, r.name
       FROM unnest($2::int[], $3::text[], $4::text[], $5::text[]) AS r(user_id, external_id, email, name)
      WHERE r.external_id IS NOT NULL
         OR NOT EXISTS (
              SELECT 1 FROM person_identities i
               WHERE i.source_system = $1 AND i.user_id = r.user_id
                 AND i.name IS NOT DISTINCT FROM r.name AND (r.email IS NULL OR i.email = r.email))
     ON CONFLICT (source_system, external_id) DO NOTHING`,
    [sourceSystem, rows.map((r) => r.userId), rows.map((r) => r.externalId), rows.map((r) => r.email), rows.map((r) => r.name)],
  );
}
