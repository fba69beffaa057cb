import { SavedViewsMenu } from "@/components/leads/saved-views-menu";
import { buttonClasses } from "@/components/ui/button";
import { can, type Role } from "@/lib/auth/permissions";
import { leadExportHref, listAddressParams } from "@/lib/leads/export-query";
import type { SavedViewList } from "@/lib/saved-views/schemas";

type RawParams = Record<string, string | string[] | undefined>;

/** Above a lead list: its saved views (open, save, rename, delete) and the CSV of exactly its leads. */
export async function ListToolbar({
  list,
  params,
  user,
}: {
  list: Exclude<SavedViewList, "review">;
  params: RawParams;
  user: { id: number; role: Role };
}) {
  return (
    <div className="mb-3 flex flex-wrap items-center justify-end gap-2">
      <SavedViewsMenu list={list} current={listAddressParams(params)} userId={user.id} />
      {can(user.role, "leads.export") && (
        <a href={leadExportHref(list, params)} className={buttonClasses("secondary", "sm")} download>
          Export CSV
        </a>
      )}
    </div>
  );
}
