import { SavedViewEntry } from "@/components/leads/saved-view-item";
import { SaveViewForm } from "@/components/leads/save-view-form";
import { buttonClasses } from "@/components/ui/button";
import { findSavedViews } from "@/lib/saved-views/queries";
import { SAVED_VIEW_PATHS, type SavedViewList } from "@/lib/saved-views/schemas";

/** A list's saved views: open one, save what the list shows now, rename or delete one's own. */
export async function SavedViewsMenu({
  list,
  current,
  userId,
  size = "sm",
  align = "right",
}: {
  list: SavedViewList;
  current: string;
  userId: number;
  /** As large as the buttons beside it. */
  size?: "sm" | "md";
  /** The panel's edge lined up with the button's: "left" where the button may sit at the content's left edge. */
  align?: "left" | "right";
}) {
  const views = await findSavedViews(userId, list);
  return (
    <details className="relative">
      <summary className={`${buttonClasses("secondary", size)} cursor-pointer list-none`}>Saved views ({views.length})</summary>
      <div
        className={`absolute ${align === "left" ? "left-0" : "right-0"} z-20 mt-1 w-80 max-w-[calc(100vw-2rem)] space-y-2 rounded-md border border-slate-200 bg-white p-3 shadow-lg`}
      >
        {views.length ? (
          <ul className="max-h-72 space-y-1 overflow-y-auto" aria-label="Saved views">
            {views.map((view) => (
              <SavedViewEntry
                key={view.id}
                view={view}
                href={view.params ? `${SAVED_VIEW_PATHS[list]}?${view.params}` : SAVED_VIEW_PATHS[list]}
              />
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">No saved views yet.</p>
        )}
        <SaveViewForm list={list} params={current} />
      </div>
    </details>
  );
}
