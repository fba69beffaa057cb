"use client";

import Link from "next/link";
import { useState } from "react";
import { ConfirmActionForm } from "@/components/users/confirm-action-form";
import { StatusLine } from "@/components/users/status-line";
import { PageHeader } from "@/components/ui/page-header";
import type { ActionResult } from "@/lib/actions/result";
import { formatDateTime } from "@/lib/time";
import { revokeUserSessionAction } from "@/lib/users/actions";
import type { UserSessionsPage } from "@/lib/users/queries";

const METHOD_LABELS: Record<string, string> = { password: "Password", oidc: "Single sign-on" };

/** One user's signed-in browsers, each of which an admin can end on its own. */
export function UserSessionsView({ page }: { page: UserSessionsPage }) {
  const [notice, setNotice] = useState<Pick<ActionResult, "ok" | "message"> | null>(null);
  const { user, sessions, timeZone } = page;
  return (
    <>
      <PageHeader
        title={`Sessions of ${user.name}`}
        description={`${user.email ?? "No email"}: the browsers signed in now. Ending one signs that browser out on its next request, on every app instance; it is kept in the audit log.`}
      />
      <p className="mb-3 text-sm">
        <Link href="/settings/users" className="text-blue-700 underline">
          Back to users
        </Link>
      </p>
      <StatusLine state={notice} />
      {sessions.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600">No open sessions.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full text-sm">
            <caption className="sr-only">Open sessions, newest first</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Signed in
                </th>
                <th scope="col" className="px-3 py-2">
                  Last seen
                </th>
                <th scope="col" className="px-3 py-2">
                  From
                </th>
                <th scope="col" className="px-3 py-2">
                  How
                </th>
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {sessions.map((session) => (
                <tr key={session.id} className="align-top" data-session-id={session.id}>
                  <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(session.createdAt, timeZone)}</td>
                  <td className="px-3 py-2 whitespace-nowrap text-slate-600">{formatDateTime(session.lastSeenAt, timeZone)}</td>
                  <td className="px-3 py-2">
                    <p>{session.ip}</p>
                    <p className="max-w-xs truncate text-xs text-slate-500" title={session.userAgent}>
                      {session.userAgent || "Unknown browser"}
                    </p>
                  </td>
                  <td className="px-3 py-2">{METHOD_LABELS[session.method] ?? session.method}</td>
                  <td className="px-3 py-2 text-right">
                    <ConfirmActionForm
                      action={revokeUserSessionAction}
                      fields={{ userId: String(user.id), sessionId: session.id }}
                      label="End session"
                      danger
                      consequence={`The browser at ${session.ip} is signed out on its next request.`}
                      onResult={(result) => setNotice({ ok: result.ok, message: result.message ?? "" })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
