import "server-only";
import { parseInput } from "@/lib/actions/input";
import { onUniqueViolation } from "@/lib/actions/result";
import { recordAudit } from "@/lib/actions/audit";
import { db, type Prisma } from "@/lib/db";
import { NotFoundError, StaleWriteError, ValidationError } from "@/lib/errors";
import { objectionCreateSchema, objectionUpdateSchema } from "@/lib/definitions/objection-schemas";

// The objections reps pick from (definitions page): read, add, edit. Same rules as rejection reasons:
// optimistic concurrency, an audit row per change, the code fixed once created. The diagnosis does not
// read objections, so a change needs no re-diagnosis.

export const OBJECTION_SELECT = {
  id: true,
  code: true,
  label: true,
  requiresDetail: true,
  active: true,
  sortOrder: true,
  version: true,
} as const satisfies Prisma.ObjectionSelect;
export type ObjectionDefinitionRow = Prisma.ObjectionGetPayload<{ select: typeof OBJECTION_SELECT }>;

const ORDER = [{ sortOrder: "asc" as const }, { label: "asc" as const }];

export async function findObjectionDefinitions(): Promise<ObjectionDefinitionRow[]> {
  return db.objection.findMany({ select: OBJECTION_SELECT, orderBy: ORDER });
}

/** The objections a rep may pick now (active ones), in their display order. */
export async function findActiveObjections(): Promise<{ code: string; label: string; requiresDetail: boolean }[]> {
  return db.objection.findMany({ where: { active: true }, select: { code: true, label: true, requiresDetail: true }, orderBy: ORDER });
}

const audit = (tx: Prisma.TransactionClient, actorId: number, action: string, id: number, before: unknown, after: unknown) =>
  recordAudit(tx, { actorId, action: `definitions.objection.${action}`, entityType: "objection", entityId: id, before, after });

export async function createObjection(actorId: number, input: unknown) {
  const values = parseInput(objectionCreateSchema, input);
  const duplicate = () =>
    new ValidationError(
      { code: [`An objection with the code ${values.code} already exists. Choose another code.`] },
      "Some fields need attention. Nothing was saved.",
    );
  const work = db.$transaction(async (tx) => {
    if (await tx.objection.findUnique({ where: { code: values.code }, select: { id: true } })) throw duplicate();
    const after = await tx.objection.create({ data: values, select: OBJECTION_SELECT });
    await audit(tx, actorId, "create", after.id, null, after);
    return { changed: true, record: after };
  });
  return onUniqueViolation(work, duplicate);
}

export async function updateObjection(actorId: number, input: unknown) {
  const { id, version, ...fields } = parseInput(objectionUpdateSchema, input);
  return db.$transaction(async (tx) => {
    const before = await tx.objection.findUnique({ where: { id }, select: OBJECTION_SELECT });
    if (!before) throw new NotFoundError("That objection");
    const stale = new StaleWriteError(
      `Someone else changed the objection “${before.label}” since you opened this page. Nothing was saved: reload to see their change, then make yours again.`,
    );
    if (before.version !== version) throw stale;
    if (Object.entries(fields).every(([key, value]) => before[key as keyof typeof before] === value))
      return { changed: false, record: before };
    const { count } = await tx.objection.updateMany({ where: { id, version }, data: { ...fields, version: { increment: 1 } } });
    if (count === 0) throw stale;
    const after = await tx.objection.findUniqueOrThrow({ where: { id }, select: OBJECTION_SELECT });
    await audit(tx, actorId, "update", id, before, after);
    return { changed: true, record: after };
  });
}
