import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deleteView, renameView, saveView } from "@/lib/saved-views/mutations";
import { findSavedViews } from "@/lib/saved-views/queries";

// Saved list views: private ones are their owner's alone, shared ones the whole team's to open; only
// the owner renames or deletes; every change leaves an audit row.

let ana: number;
let ben: number;

beforeAll(async () => {
  const users = await db.user.createManyAndReturn({
    data: [
      { name: "Ana Marketing", email: "ana.views@example.com", role: "marketing" },
      { name: "Ben Rep", email: "ben.views@example.com", role: "sales_rep" },
    ],
    select: { id: true },
  });
  [ana, ben] = users.map((user) => user.id) as [number, number];
});

describe("saved views", () => {
  it("shows a private view to its owner only and a shared view to everyone, on its own list", async () => {
    await saveView(ana, { list: "leads", name: "My webinar leads", shared: false, params: "source=webinar&page=3&sort=name.asc" });
    await saveView(ana, { list: "leads", name: "Team: awaiting decision", shared: "on", params: "status=pending" });
    await saveView(ana, { list: "flagged", name: "Routing failures", shared: "on", params: "fp=routing" });

    const anasLeads = await findSavedViews(ana, "leads");
    expect(anasLeads.map((view) => [view.name, view.mine, view.shared])).toEqual([
      ["My webinar leads", true, false],
      ["Team: awaiting decision", true, true],
    ]);
    // The page is dropped: a view opens on its first page.
    expect(anasLeads[0]!.params).toBe("source=webinar&sort=name.asc");

    const bensLeads = await findSavedViews(ben, "leads");
    expect(bensLeads.map((view) => [view.name, view.mine, view.ownerName])).toEqual([["Team: awaiting decision", false, "Ana Marketing"]]);
    expect((await findSavedViews(ben, "flagged")).map((view) => view.name)).toEqual(["Routing failures"]);
  });

  it("keeps views of the review board apart from the lead lists'", async () => {
    await saveView(ana, {
      list: "review",
      name: "Event leads to review",
      shared: "on",
      params: "period=all&source=event&review=to_review",
    });
    expect((await findSavedViews(ben, "review")).map((view) => [view.name, view.params])).toEqual([
      ["Event leads to review", "period=all&source=event&review=to_review"],
    ]);
    expect((await findSavedViews(ben, "leads")).map((view) => view.name)).not.toContain("Event leads to review");
  });

  it("lets only the owner rename or delete, and refuses a name the owner already uses on that list", async () => {
    const view = await saveView(ben, { list: "leads", name: "Mine", shared: false, params: "owner=none" });
    const shared = (await findSavedViews(ben, "leads")).find((item) => item.name === "Team: awaiting decision")!;

    await expect(renameView(ben, { id: shared.id, version: shared.version, name: "Taken over", shared: true })).rejects.toThrow(
      "Only the person who saved this view",
    );
    await expect(deleteView(ben, { id: shared.id })).rejects.toThrow("Only the person who saved this view");
    // Another's private view is not found at all.
    const privateOne = (await findSavedViews(ana, "leads")).find((item) => !item.shared)!;
    await expect(deleteView(ben, { id: privateOne.id })).rejects.toThrow("That view");

    await expect(saveView(ben, { list: "leads", name: "Mine", shared: false, params: "" })).rejects.toThrow("already have a view named");
    await expect(saveView(ben, { list: "leads", name: "   ", shared: false, params: "" })).rejects.toMatchObject({
      fieldErrors: { name: ["Name the view."] },
    });

    await renameView(ben, { id: view.id, version: view.version, name: "Unassigned leads", shared: "on" });
    expect((await findSavedViews(ana, "leads")).map((item) => item.name)).toContain("Unassigned leads");
    await expect(renameView(ben, { id: view.id, version: view.version, name: "Stale", shared: false })).rejects.toThrow(
      "Someone else changed",
    );

    await deleteView(ben, { id: view.id });
    expect((await findSavedViews(ben, "leads")).map((item) => item.name)).not.toContain("Unassigned leads");

    const audit = await db.auditLog.findMany({ where: { entityType: "saved_view", entityId: String(view.id) }, orderBy: { id: "asc" } });
    expect(audit.map((entry) => [entry.action, entry.actorId])).toEqual([
      ["saved_views.create", ben],
      ["saved_views.update", ben],
      ["saved_views.delete", ben],
    ]);
  });
});
