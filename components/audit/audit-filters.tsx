import Link from "next/link";
import { Button } from "@/components/ui/button";
import { FILTER_GRID } from "@/components/ui/form";
import { hasAuditFilters, type AuditListQuery } from "@/lib/audit/list-query";

// A plain GET form: the filters land in the URL (shareable, back-button friendly) and it works without
// JavaScript. Applying filters starts again at the newest entries.

const controlClass = "h-9 rounded-md border border-slate-300 bg-white px-2 text-sm";
const labelClass = "flex min-w-0 flex-col gap-1 text-xs font-medium text-slate-600";

interface AuditFiltersProps {
  query: AuditListQuery;
  actors: { id: number; name: string }[];
  entityTypes: string[];
}

export function AuditFilters({ query, actors, entityTypes }: AuditFiltersProps) {
  return (
    <form
      method="get"
      action="/audit"
      role="search"
      aria-label="Filter the audit log"
      className={`mb-4 rounded-lg border border-slate-200 bg-white p-3 shadow-sm ${FILTER_GRID}`}
    >
      <label className={labelClass}>
        Who
        <select name="actor" defaultValue={query.actorId ?? ""} className={controlClass}>
          <option value="">Anyone</option>
          {actors.map((actor) => (
            <option key={actor.id} value={actor.id}>
              {actor.name}
            </option>
          ))}
        </select>
      </label>
      <label className={labelClass}>
        Record type
        <select name="type" defaultValue={query.entityType ?? ""} className={controlClass}>
          <option value="">All types</option>
          {entityTypes.map((type) => (
            <option key={type} value={type}>
              {type.replaceAll("_", " ")}
            </option>
          ))}
        </select>
      </label>
      <label className={labelClass}>
        Record id
        <input name="id" type="text" defaultValue={query.entityId} maxLength={100} placeholder="e.g. 42" className={controlClass} />
      </label>
      <label className={labelClass}>
        Action starts with
        <input
          name="action"
          type="text"
          defaultValue={query.action}
          maxLength={100}
          placeholder="e.g. user.role"
          spellCheck={false}
          className={`${controlClass} font-mono`}
        />
      </label>
      <label className={labelClass}>
        From
        <input name="from" type="date" defaultValue={query.from} className={controlClass} />
      </label>
      <label className={labelClass}>
        To
        <input name="to" type="date" defaultValue={query.to} className={controlClass} />
      </label>
      <div className="col-span-2 flex items-center gap-3 md:col-span-1">
        <Button type="submit" size="sm" className="h-9 whitespace-nowrap">
          Apply filters
        </Button>
        {hasAuditFilters(query) && (
          <Link href="/audit" className="text-sm font-medium text-brand-700 hover:underline">
            Clear
          </Link>
        )}
      </div>
    </form>
  );
}
