import { SavedViewEntry } from "@/components/leads/saved-view-item";
import { SaveViewForm } from "@/components/leads/save-view-form";
import { buttonClasses } from "@/components/ui/button";
import { can, type Role } from "@/lib/auth/permissions";
import { leadExportHref, listAddressParams } from "@/lib/leads/export-query";
import { findSavedViews } from "@/lib/saved-views/queries";
import { SAVED_VIEW_PATHS, type SavedViewList } from "@/lib/saved-views/schemas";

type RawParams = Record<string, string | string[] | undefined>;

/** Above a lead list: its saved views (open, save, rename, delete) and the CSV of exactly its leads. */
export async function ListToolbar({ list, params, user }: { list: SavedViewList; params: RawParams; user: { id: number; role: Role } }) {
  const views = await findSavedViews(user.id, list);
  const current = listAddressParams(params);
  return (
    <div className="mb-3 flex flex-wrap items-center justify-end gap-2">
      <details className="relative">
        <summary className={`${buttonClasses("secondary", "sm")} cursor-pointer list-none`}>Saved views ({views.length})</summary>
        <div className="absolute right-0 z-20 mt-1 w-80 space-y-2 rounded-md border border-slate-200 bg-white p-3 shadow-lg">
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
      {can(user.role, "leads.export") && (
        <a href={leadExportHref(list, params)} className={buttonClasses("secondary", "sm")} download>
          Export CSV
        </a>
      )}
    </div>
  );
}
