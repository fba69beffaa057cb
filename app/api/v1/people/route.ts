import { runWrite } from "@/lib/api/v1/idempotency";
import { createPerson, listPeople } from "@/lib/api/v1/people";
import { peopleQuerySchema, personCreateSchema } from "@/lib/api/v1/people-schemas";
import { apiRoute, parseQuery } from "@/lib/api/v1/route";
import { auditAuthorOf } from "@/lib/tokens/store";

// GET /api/v1/people: the workspace's people, by their CRM id, email or name. POST: find or create one by
// how a source system names it (201 when a new person was created).
export const GET = apiRoute({ scope: "read", action: "leads.read" }, async ({ request }) =>
  listPeople(parseQuery(request, peopleQuerySchema)),
);

export const POST = apiRoute({ scope: "write", action: "import.run" }, async ({ request, principal, body }) => {
  const person = await body(personCreateSchema);
  return runWrite(request, principal, person, (client) => createPerson(client, person, auditAuthorOf(principal)));
});
