import "server-only";
import { db } from "@/lib/db";
import type { SavedViewList } from "@/lib/saved-views/schemas";

// The views a person may open on a list: their own (private or shared) and those others shared with the team.

export interface SavedViewItem {
  id: number;
  name: string;
  shared: boolean;
  params: string;
  version: number;
  mine: boolean;
  ownerName: string;
}

export async function findSavedViews(userId: number, list: SavedViewList): Promise<SavedViewItem[]> {
  const views = await db.savedView.findMany({
    where: { list, OR: [{ ownerId: userId }, { shared: true }] },
    select: { id: true, name: true, shared: true, params: true, version: true, ownerId: true, owner: { select: { name: true } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return views.map(({ ownerId, owner, ...view }) => ({ ...view, mine: ownerId === userId, ownerName: owner.name }));
}
