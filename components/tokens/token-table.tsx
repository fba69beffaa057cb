import { Badge } from "@/components/ui/badge";
import { EntityTable, type EntityColumn } from "@/components/ui/entity-table";
import { RevokeTokenButton } from "@/components/tokens/revoke-token-button";
import { formatDateTime } from "@/lib/time";
import type { ApiTokenRow } from "@/lib/tokens/queries";

function columns(timeZone: string): EntityColumn<ApiTokenRow>[] {
  return [
    { header: "Name", className: "font-medium", cell: (token) => token.name },
    { header: "Token", className: "font-mono text-xs", cell: (token) => `${token.prefix}…` },
    { header: "Scope", cell: (token) => <Badge tone={token.scope === "write" ? "warn" : "neutral"}>{token.scope === "write" ? "Read and write" : "Read"}</Badge> },
    { header: "Acts as", cell: (token) => (token.createdBy ? token.createdBy.name : <span className="text-slate-400">deleted user</span>) },
    { header: "Created", className: "whitespace-nowrap", cell: (token) => formatDateTime(token.createdAt, timeZone) },
    { header: "Last used", className: "whitespace-nowrap", cell: (token) => (token.lastUsedAt ? formatDateTime(token.lastUsedAt, timeZone) : "Never") },
    {
      header: "Actions",
      srOnly: true,
      className: "text-right",
      cell: (token) => (token.revokedAt ? <Badge tone="muted">Revoked {formatDateTime(token.revokedAt, timeZone)}</Badge> : <RevokeTokenButton id={token.id} name={token.name} />),
    },
  ];
}

/** Every token with its prefix (to tell them apart), scope, who it acts as and when it was last used. */
export function TokenTable({ tokens, timeZone }: { tokens: ApiTokenRow[]; timeZone: string }) {
  return (
    <EntityTable
      caption="API tokens"
      rows={tokens}
      columns={columns(timeZone)}
      rowKey={(token) => token.id}
      rowProps={(token) => ({ className: token.revokedAt ? "text-slate-400" : undefined })}
      empty={<p className="py-6 text-center text-sm text-slate-500">No API tokens yet. Create one above for each integration.</p>}
    />
  );
}
