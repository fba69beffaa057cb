import { Badge } from "@/components/ui/badge";
import { RevokeTokenButton } from "@/components/tokens/revoke-token-button";
import { formatDateTime } from "@/lib/time";
import type { ApiTokenRow } from "@/lib/tokens/queries";

/** Every token with its prefix (to tell them apart), scope, who or which integration it acts as, its last use and expiry. */
export function TokenTable({ tokens, timeZone }: { tokens: ApiTokenRow[]; timeZone: string }) {
  if (tokens.length === 0)
    return <p className="py-6 text-center text-sm text-slate-500">No API tokens yet. Create one above for each integration.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className="sr-only">API tokens</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
          <tr>
            <th scope="col" className="px-2.5 py-2">
              Name
            </th>
            <th scope="col" className="px-2.5 py-2">
              Token
            </th>
            <th scope="col" className="px-2.5 py-2">
              Scope
            </th>
            <th scope="col" className="px-2.5 py-2">
              Acts as
            </th>
            <th scope="col" className="px-2.5 py-2">
              Created
            </th>
            <th scope="col" className="px-2.5 py-2">
              Last used
            </th>
            <th scope="col" className="px-2.5 py-2">
              Expires
            </th>
            <th scope="col" className="px-2.5 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {tokens.map((token) => (
            <tr key={token.id} className={token.revokedAt ? "text-slate-400" : undefined}>
              <td className="px-2.5 py-2 font-medium">{token.name}</td>
              <td className="px-2.5 py-2 font-mono text-xs">{token.prefix}…</td>
              <td className="px-2.5 py-2">
                <Badge tone={token.scope === "write" ? "warn" : "neutral"}>{token.scope === "write" ? "Read and write" : "Read"}</Badge>
                {token.extraScopes.map((scope) => (
                  <Badge key={scope} tone="warn">
                    {scope}
                  </Badge>
                ))}
              </td>
              <td className="px-2.5 py-2">
                {token.integrationName ? (
                  <>
                    <span className="font-medium">{token.integrationName}</span>{" "}
                    <span className="text-xs text-slate-500">
                      integration, with {token.createdBy ? `${token.createdBy.name}’s` : "a deleted user’s"} role
                    </span>
                  </>
                ) : token.createdBy ? (
                  token.createdBy.name
                ) : (
                  <span className="text-slate-400">deleted user</span>
                )}
              </td>
              <td className="px-2.5 py-2 whitespace-nowrap">{formatDateTime(token.createdAt, timeZone)}</td>
              <td className="px-2.5 py-2 whitespace-nowrap">{token.lastUsedAt ? formatDateTime(token.lastUsedAt, timeZone) : "Never"}</td>
              <td className="px-2.5 py-2 whitespace-nowrap">
                {token.expiresAt ? (
                  token.expired ? (
                    <Badge tone="muted">Expired {formatDateTime(token.expiresAt, timeZone)}</Badge>
                  ) : (
                    formatDateTime(token.expiresAt, timeZone)
                  )
                ) : (
                  "Never"
                )}
              </td>
              <td className="px-2.5 py-2 text-right">
                {token.revokedAt ? (
                  <Badge tone="muted">Revoked {formatDateTime(token.revokedAt, timeZone)}</Badge>
                ) : (
                  <RevokeTokenButton id={token.id} name={token.name} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
