import "server-only";
import { recordAudit } from "@/lib/actions/audit";
import { parseInput } from "@/lib/actions/input";
import { onUniqueViolation, StaleRecordError } from "@/lib/actions/result";
import { db } from "@/lib/db";
import { AppError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { deleteViewSchema, renameViewSchema, saveViewSchema } from "@/lib/saved-views/schemas";

// Saving, renaming and deleting named list views. Anyone who reads the lists may save one; only its
// owner renames or deletes it (a shared view is read by the team, changed by its owner). Audited.

const VIEW = { id: true, ownerId: true, list: true, name: true, shared: true, params: true, version: true } as const;

type AuditClient = Parameters<typeof recordAudit>[0];

function auditView(
  tx: AuditClient,
  actorId: number,
  action: "create" | "update" | "delete",
  id: number,
  change: { before?: unknown; after?: unknown },
) {
  return recordAudit(tx, { actorId, action: `saved_views.${action}`, entityType: "saved_view", entityId: id, ...change });
}

function nameTaken(name: string) {
  return () =>
    new AppError(`You already have a view named “${name}” on this list. Choose another name.`, 409, { name: ["Choose another name."] });
}

export async function saveView(actorId: number, input: unknown) {
  const view = parseInput(saveViewSchema, input, "Some fields need attention. The view was not saved.");
  return onUniqueViolation(
    db.$transaction(async (tx) => {
      const created = await tx.savedView.create({ data: { ...view, ownerId: actorId }, select: VIEW });
      await auditView(tx, actorId, "create", created.id, { after: view });
      return created;
    }),
    nameTaken(view.name),
  );
}

async function ownView(tx: Pick<typeof db, "savedView">, actorId: number, id: number) {
  const view = await tx.savedView.findUnique({ where: { id }, select: VIEW });
  if (!view || (view.ownerId !== actorId && !view.shared)) throw new NotFoundError("That view");
  if (view.ownerId !== actorId) throw new ForbiddenError("Only the person who saved this view can change or delete it.");
  return view;
}

export async function renameView(actorId: number, input: unknown) {
  const { id, version, name, shared } = parseInput(renameViewSchema, input, "Some fields need attention. The view was not renamed.");
  return onUniqueViolation(
    db.$transaction(async (tx) => {
      const before = await ownView(tx, actorId, id);
      const { count } = await tx.savedView.updateMany({ where: { id, version }, data: { name, shared, version: { increment: 1 } } });
      if (count === 0) throw new StaleRecordError("this view", { version: before.version, text: before.name, by: null });
      await auditView(tx, actorId, "update", id, { before: { name: before.name, shared: before.shared }, after: { name, shared } });
      return { id, name, shared };
    }),
    nameTaken(name),
  );
}

export async function deleteView(actorId: number, input: unknown) {
  const { id } = parseInput(deleteViewSchema, input);
  return db.$transaction(async (tx) => {
    const before = await ownView(tx, actorId, id);
    await tx.savedView.delete({ where: { id } });
    await auditView(tx, actorId, "delete", id, { before });
    return { name: before.name };
  });
}
