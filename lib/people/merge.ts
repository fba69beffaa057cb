import "server-only";
import { recordAudit } from "@/lib/actions/audit";
import { authorize, type Actor } from "@/lib/actions/authorize";
import { parseInput } from "@/lib/actions/input";
import { db, pool, type Prisma } from "@/lib/db";
import { AppError, NotFoundError, ValidationError } from "@/lib/errors";
import { rediagnoseLeads } from "@/lib/rediagnosis/run";
import { mergePersonSchema } from "@/lib/users/schemas";

// Merging two people of the workspace who are one human: "J. Smith" from a Salesforce export and the
// jsmith@… account HubSpot's owners endpoint gave. Every reference to the merged person (owned leads,
// timeline actors, CRM identities, notes, fixes…) moves to the kept one, the merged person is deleted, and
// the moved leads are diagnosed again. Only a person without a Baton sign-in can be merged away: an
// account someone signs in with is deactivated instead, never silently folded into another.

type Tx = Prisma.TransactionClient;

/** A column that refers to users(id), and the other columns of each unique index it is part of. */
interface UserReference {
  /** SQL-ready names: PostgreSQL quotes them (regclass output, quote_ident) where they need it. */
  table: string;
  column: string;
  uniqueWith: string[][];
}

/**
 * Every foreign key to users, read from the catalog rather than listed by hand, so a table added later
 * cannot keep pointing at a deleted person (its ON DELETE would quietly null or drop its rows).
 */
async function userReferences(tx: Tx): Promise<UserReference[]> {
  const rows = await tx.$queryRaw<{ table: string; column: string; unique_with: string }[]>`
    SELECT c.conrelid::regclass::text AS "table", quote_ident(a.attname) AS "column",
      (SELECT coalesce(json_agg(array(
                SELECT quote_ident(att.attname) FROM unnest(i.indkey::int2[]) AS k(attnum)
                JOIN pg_attribute att ON att.attrelid = i.indrelid AND att.attnum = k.attnum
                WHERE k.attnum <> a.attnum)), '[]'::json)
       FROM pg_index i
       WHERE i.indrelid = c.conrelid AND i.indisunique AND i.indpred IS NULL AND a.attnum = ANY(i.indkey::int2[]))::text AS unique_with
    FROM pg_constraint c
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    WHERE c.contype = 'f' AND c.confrelid = 'users'::regclass AND array_length(c.conkey, 1) = 1
    ORDER BY 1, 2`;
  return rows.map((row) => ({ table: row.table, column: row.column, uniqueWith: JSON.parse(row.unique_with) as string[][] }));
}

/** Moves one reference column from `fromId` to `intoId`; rows that would then repeat one the kept person already has are dropped. */
async function moveReference(tx: Tx, reference: UserReference, fromId: number, intoId: number): Promise<number> {
  const { table, column } = reference;
  for (const others of reference.uniqueWith) {
    // e.g. both followed the same lead: the kept person's row stays, the merged one's goes.
    const same = others.map((other) => `kept.${other} IS NOT DISTINCT FROM merged.${other}`);
    await tx.$executeRawUnsafe(
      `DELETE FROM ${table} merged WHERE merged.${column} = $1 AND EXISTS (SELECT 1 FROM ${table} kept WHERE kept.${column} = $2${same.map((condition) => ` AND ${condition}`).join("")})`,
      fromId,
      intoId,
    );
  }
  return tx.$executeRawUnsafe(`UPDATE ${table} SET ${column} = $2 WHERE ${column} = $1`, fromId, intoId);
}

export interface PersonMerge {
  kept: { id: number; name: string };
  mergedName: string;
  movedLeadIds: number[];
  message: string;
}

export async function mergePerson(actor: Actor, input: unknown): Promise<PersonMerge> {
  authorize(actor, "users.manage", "Only admins can merge people.");
  const { userId, intoUserId } = parseInput(mergePersonSchema, input);
  if (userId === intoUserId) throw new ValidationError({ intoUserId: ["Choose another person to merge into."] });

  const result = await db.$transaction(async (tx) => {
    // Both rows locked, lower id first, so two admins merging the same pair cannot interleave.
    await tx.$queryRaw`SELECT id FROM users WHERE id IN (${userId}, ${intoUserId}) ORDER BY id FOR UPDATE`;
    const select = { id: true, name: true, email: true, role: true, teamId: true, active: true, passwordHash: true } as const;
    const [merged, kept] = await Promise.all([
      tx.user.findUnique({ where: { id: userId }, select }),
      tx.user.findUnique({ where: { id: intoUserId }, select }),
    ]);
    if (!merged) throw new NotFoundError("The person to merge");
    if (!kept) throw new NotFoundError("The person to merge into");
    const signedIn = await tx.userSession.count({ where: { userId } });
    if (merged.passwordHash !== null || signedIn > 0)
      throw new AppError(
        `${merged.name} signs in to Baton, so their account cannot be merged away. Merge the other way (into ${merged.name}), or deactivate the account.`,
        409,
      );

    const movedLeads = await tx.lead.findMany({
      where: { OR: [{ ownerId: userId }, { decidedById: userId }, { events: { some: { actorId: userId } } }] },
      select: { id: true },
    });
    const moved: Record<string, number> = {};
    for (const reference of await userReferences(tx)) {
      const count = await moveReference(tx, reference, userId, intoUserId);
      if (count) moved[`${reference.table}.${reference.column}`] = count;
    }
    await tx.user.delete({ where: { id: userId } });
    const { passwordHash: _hidden, ...mergedRow } = merged;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "person.merge",
      entityType: "user",
      entityId: kept.id,
      before: mergedRow,
      after: { mergedInto: { id: kept.id, name: kept.name }, moved },
    });
    return { merged, kept, movedLeadIds: movedLeads.map((lead) => lead.id) };
  });

  // Owners and actors feed the diagnosis (who owns the lead, who acted): judge the moved leads again.
  if (result.movedLeadIds.length) await rediagnoseLeads(pool, result.movedLeadIds);
  const leads = result.movedLeadIds.length;
  return {
    kept: { id: result.kept.id, name: result.kept.name },
    mergedName: result.merged.name,
    movedLeadIds: result.movedLeadIds,
    message: `${result.merged.name} was merged into ${result.kept.name}: ${leads} ${leads === 1 ? "lead" : "leads"} and every CRM identity now point at ${result.kept.name}, so future imports and syncs find them there.`,
  };
}
