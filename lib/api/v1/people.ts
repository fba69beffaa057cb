import "server-only";
import type { z } from "zod";
import type { PersonCreateRequest, peopleQuerySchema, personSchema } from "@/lib/api/v1/people-schemas";
import { PEOPLE_PAGE_SIZE } from "@/lib/api/v1/people-schemas";
import { viaJson, type AuditAuthor } from "@/lib/actions/audit-via";
import { db, type Prisma } from "@/lib/db";
import type { Queryable } from "@/lib/db/queryable";
import { resolvePeople } from "@/lib/people/resolve";

// The people of the workspace for integrations: found by the id their CRM gives them, by email or name;
// created (or linked to an existing user by email) through lib/people's resolution, the same one imports
// use, so an integration and an import never make two people of one.

type Person = z.infer<typeof personSchema>;

const PERSON_SELECT = {
  id: true,
  name: true,
  email: true,
  role: true,
  active: true,
  passwordHash: true,
  identities: { select: { sourceSystem: true, externalId: true, email: true, name: true }, orderBy: { id: "asc" } },
} as const satisfies Prisma.UserSelect;

function toPerson({ passwordHash, ...user }: Prisma.UserGetPayload<{ select: typeof PERSON_SELECT }>): Person {
  return { ...user, signIn: passwordHash !== null };
}

export async function listPeople(query: z.infer<typeof peopleQuerySchema>) {
  const and: Prisma.UserWhereInput[] = [];
  if (query.externalId !== undefined)
    and.push({ identities: { some: { sourceSystem: query.sourceSystem, externalId: query.externalId } } });
  else if (query.sourceSystem !== undefined) and.push({ identities: { some: { sourceSystem: query.sourceSystem } } });
  if (query.email) and.push({ email: { equals: query.email, mode: "insensitive" } });
  if (query.q)
    and.push({ OR: [{ name: { contains: query.q, mode: "insensitive" } }, { email: { contains: query.q, mode: "insensitive" } }] });
  const page = query.page ?? 1;
  const rows = await db.user.findMany({
    where: { AND: and },
    select: PERSON_SELECT,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    skip: (page - 1) * PEOPLE_PAGE_SIZE,
    take: PEOPLE_PAGE_SIZE + 1,
  });
  return {
    page,
    pageSize: PEOPLE_PAGE_SIZE,
    hasMore: rows.length > PEOPLE_PAGE_SIZE,
    people: rows.slice(0, PEOPLE_PAGE_SIZE).map(toPerson),
  };
}

/** Resolves (or creates) the person in the write's transaction; audited when anything was added. */
export async function createPerson(
  client: Queryable,
  request: PersonCreateRequest,
  author: AuditAuthor,
): Promise<{ status: number; body: { action: "created" | "linked" | "existing"; person: Person } }> {
  const [userId] = await resolvePeople(client, request.sourceSystem, [
    { externalId: request.externalId, email: request.email, name: request.name, role: request.role },
  ]);
  // A row inserted by this transaction carries its id in xmin: that tells a new person (or a new identity
  // of a known one) from one that was already there.
  const { rows } = await client.query<{ created: boolean; linked: boolean }>(
    `SELECT (u.xmin::text = txid_current()::text) AS created,
       EXISTS (SELECT 1 FROM person_identities i WHERE i.user_id = u.id AND i.xmin::text = txid_current()::text) AS linked
     FROM users u WHERE u.id = $1`,
    [userId],
  );
  const created = rows[0]!.created;
  const action = created ? "created" : rows[0]!.linked ? "linked" : "existing";
  if (action !== "existing") {
    await client.query(
      `INSERT INTO audit_logs (actor_id, action, entity_type, entity_id, after)
       SELECT $1, $2, 'user', u.id::text, jsonb_build_object('name', u.name, 'email', u.email, 'role', u.role, 'sourceSystem', $4::text, 'externalId', $5::text) || $3::jsonb
       FROM users u WHERE u.id = $6`,
      [
        author.actorId,
        action === "created" ? "api.person.create" : "api.person.link",
        viaJson(author.via),
        request.sourceSystem,
        request.externalId ?? null,
        userId,
      ],
    );
  }
  const person = await client.query<{ person: Person & { passwordHash?: never } }>(
    `SELECT jsonb_build_object('id', u.id, 'name', u.name, 'email', u.email, 'role', u.role, 'active', u.active, 'signIn', u.password_hash IS NOT NULL,
       'identities', coalesce((SELECT jsonb_agg(jsonb_build_object('sourceSystem', i.source_system, 'externalId', i.external_id, 'email', i.email, 'name', i.name) ORDER BY i.id)
         FROM person_identities i WHERE i.user_id = u.id), '[]'::jsonb)) AS person FROM users u WHERE u.id = $1`,
    [userId],
  );
  return { status: created ? 201 : 200, body: { action, person: person.rows[0]!.person } };
}
