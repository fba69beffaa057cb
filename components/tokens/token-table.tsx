import { Badge } from "@/components/ui/badge";
import { EntityTable, type EntityColumn } from "@/components/ui/entity-table";
import { RevokeTokenButton } from "@/components/tokens/revoke-token-button";
import { formatDateTime } from "@/lib/time";
import type { ApiTokenRow } from "@/lib/tokens/queries";

function columns(timeZone: string): EntityColumn<ApiTokenRow>[] {
  const when = (date: Date | null) => (date ? formatDateTime(date, timeZone) : "Never");
  return [
    { header: "Name", className: "font-medium", cell: (token) => token.name },
    { header: "Token", className: "font-mono text-xs", cell: (token) => `${token.prefix}…` },
    {
      header: "Scope",
      cell: (token) => (
        <>
          <Badge tone={token.scope === "write" ? "warn" : "neutral"}>{token.scope === "write" ? "Read and write" : "Read"}</Badge>
          {token.extraScopes.map((scope) => (
            <Badge key={scope} tone="warn">
              {scope}
            </Badge>
          ))}
        </>
      ),
    },
    { header: "Acts as", cell: actsAs },
    { header: "Created", className: "whitespace-nowrap", cell: (token) => formatDateTime(token.createdAt, timeZone) },
    { header: "Last used", className: "whitespace-nowrap", cell: (token) => when(token.lastUsedAt) },
    {
      header: "Expires",
      className: "whitespace-nowrap",
      cell: (token) =>
        token.expiresAt && token.expired ? (
          <Badge tone="muted">Expired {formatDateTime(token.expiresAt, timeZone)}</Badge>
        ) : (
          when(token.expiresAt)
        ),
    },
    {
      header: "Actions",
      srOnly: true,
      className: "text-right",
      cell: (token) =>
        token.revokedAt ? (
          <Badge tone="muted">Revoked {formatDateTime(token.revokedAt, timeZone)}</Badge>
        ) : (
          <RevokeTokenButton id={token.id} name={token.name} />
        ),
    },
  ];
}

/** Who a token acts as: a named integration (with its creator's role) or the person who created it. */
function actsAs(token: ApiTokenRow) {
  if (token.integrationName)
    return (
      <>
        <span className="font-medium">{token.integrationName}</span>{" "}
        <span className="text-xs text-slate-500">
          integration, with {token.createdBy ? `${token.createdBy.name}’s` : "a deleted user’s"} role
        </span>
      </>
    );
  return token.createdBy ? token.createdBy.name : <span className="text-slate-400">deleted user</span>;
}

/** Every token with its prefix (to tell them apart), scope, who or which integration it acts as, its last use and expiry. */
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
