import Link from "next/link";
import { AuditDiff } from "@/components/audit/audit-diff";
import { buttonClasses } from "@/components/ui/button";
import { EntityTable, type EntityColumn } from "@/components/ui/entity-table";
import { auditRecordLabel } from "@/lib/audit/diff";
import { auditActionLabel, type AuditNames } from "@/lib/audit/readable";
import { describeVia } from "@/lib/actions/audit-via";
import { auditFilterParams, formatCursor, type AuditListQuery } from "@/lib/audit/list-query";
import type { AuditPage } from "@/lib/audit/queries";
import { formatDateTime } from "@/lib/time";

// The audit entries of one page, newest first, with links to the newer and older pages. Each cell holds
// one element: on a phone the row is a card whose cells are "label  value" grids.

/** Records with a page of their own link there (a timeline event to its lead); others show their type and id. */
function recordHref(entityType: string, entityId: string, after: unknown): string | null {
  if (entityType === "lead" && /^\d+$/.test(entityId)) return `/leads/${entityId}`;
  const leadId = typeof after === "object" && after !== null ? (after as { leadId?: unknown }).leadId : undefined;
  if (entityType === "timeline_event" && typeof leadId === "number") return `/leads/${leadId}`;
  return null;
}

/** The changed record's name: from the entry itself, else (people, teams, lead types) from the workspace's names. */
function recordLabel(entry: AuditPage["rows"][number], names: AuditNames): string | null {
  const own = auditRecordLabel(entry.before, entry.after);
  if (own || !/^\d+$/.test(entry.entityId)) return own;
  const id = Number(entry.entityId);
  if (entry.entityType === "user") return names.users.get(id) ?? null;
  if (entry.entityType === "team") return names.teams.get(id) ?? null;
  if (entry.entityType === "lead_type") return names.leadTypes.get(id) ?? null;
  return null;
}

function columns(names: AuditNames): EntityColumn<AuditPage["rows"][number]>[] {
  const { timeZone } = names;
  return [
    {
      header: "When",
      className: "w-32 text-slate-700",
      cell: (entry) => <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at, timeZone)}</time>,
    },
    {
      header: "Who",
      className: "w-44",
      cell: (entry) => (
        <div className="min-w-0">
          {entry.actor ? (
            <>
              <p className="text-slate-900">{entry.actor.name}</p>
              <p className="text-xs break-all text-slate-500">{entry.actor.email}</p>
            </>
          ) : (
            <span className="text-slate-500">{entry.via ? "A deleted user" : "System"}</span>
          )}
          {entry.via && <p className="text-xs text-slate-500">{describeVia(entry.via)}</p>}
        </div>
      ),
    },
    {
      header: "Action",
      className: "w-44",
      cell: (entry) => (
        <div className="min-w-0">
          <p className="text-slate-900">{auditActionLabel(entry.action)}</p>
          <p className="font-mono text-xs break-all text-slate-500">{entry.action}</p>
        </div>
      ),
    },
    {
      header: "Record",
      className: "w-40",
      cell: (entry) => {
        const href = recordHref(entry.entityType, entry.entityId, entry.after);
        const record = `${entry.entityType.replaceAll("_", " ")} #${entry.entityId}`;
        const label = recordLabel(entry, names);
        return (
          <div className="min-w-0">
            {href ? (
              <Link href={href} className="whitespace-nowrap text-brand-700 hover:underline">
                {record}
              </Link>
            ) : (
              <span className="whitespace-nowrap text-slate-800">{record}</span>
            )}
            {label && (
              <p className="line-clamp-2 text-xs break-words text-slate-500" title={label}>
                {label}
              </p>
            )}
          </div>
        );
      },
    },
    { header: "Before and after", cell: (entry) => <AuditDiff before={entry.before} after={entry.after} names={names} /> },
  ];
}

export function AuditTable({ page, query, names }: { page: AuditPage; query: AuditListQuery; names: AuditNames }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <EntityTable
        caption="Audit log entries, newest first"
        rows={page.rows}
        columns={columns(names)}
        rowKey={(entry) => entry.id}
        rowProps={(entry) => ({ "data-audit-id": entry.id })}
      />
      {page.rows.length === 0 && (
        <p className="px-4 py-10 text-center text-sm text-slate-500">No changes match these filters. Clear a filter or widen the dates.</p>
      )}
      <AuditPager page={page} query={query} />
    </div>
  );
}

function AuditPager({ page, query }: { page: AuditPage; query: AuditListQuery }) {
  const link = (key: "before" | "after", cursor: NonNullable<AuditPage["older"]>) => {
    const params = auditFilterParams(query);
    params.set(key, formatCursor(cursor));
    return `/audit?${params.toString()}`;
  };
  const newestHref = `/audit${auditFilterParams(query).size > 0 ? `?${auditFilterParams(query).toString()}` : ""}`;
  const disabled = `${buttonClasses("secondary", "sm")} pointer-events-none opacity-40`;

  return (
    <nav
      aria-label="Audit log pages"
      className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 px-4 py-2 text-sm"
    >
      <p className="text-slate-600">
        {page.rows.length === 0 ? "No entries" : `${page.rows.length} ${page.rows.length === 1 ? "entry" : "entries"}, newest first`}
      </p>
      <div className="flex items-center gap-2">
        {page.newer && (
          <Link href={newestHref} className={buttonClasses("ghost", "sm")}>
            Newest
          </Link>
        )}
        {page.newer ? (
          <Link href={link("after", page.newer)} className={buttonClasses("secondary", "sm")} rel="prev">
            ← Newer
          </Link>
        ) : (
          <span aria-disabled="true" className={disabled}>
            ← Newer
          </span>
        )}
        {page.older ? (
          <Link href={link("before", page.older)} className={buttonClasses("secondary", "sm")} rel="next">
            Older →
          </Link>
        ) : (
          <span aria-disabled="true" className={disabled}>
            Older →
          </span>
        )}
      </div>
    </nav>
  );
}
