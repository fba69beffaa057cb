"use client";

import Link from "next/link";
import { useState } from "react";
import { ConfirmActionForm } from "@/components/users/confirm-action-form";
import { FormStatus } from "@/components/ui/form";
import { EntityTable, type EntityColumn } from "@/components/ui/entity-table";
import { PageHeader } from "@/components/ui/page-header";
import type { ActionResult } from "@/lib/actions/result";
import { formatDateTime } from "@/lib/time";
import { revokeUserSessionAction } from "@/lib/users/actions";
import type { UserSessionsPage } from "@/lib/users/queries";

const METHOD_LABELS: Record<string, string> = { password: "Password", oidc: "Single sign-on" };

type Session = UserSessionsPage["sessions"][number];

/** One user's signed-in browsers, each of which an admin can end on its own. */
export function UserSessionsView({ page }: { page: UserSessionsPage }) {
  const [notice, setNotice] = useState<Pick<ActionResult, "ok" | "message"> | null>(null);
  const { user, sessions, timeZone } = page;
  const columns: EntityColumn<Session>[] = [
    { header: "Signed in", className: "whitespace-nowrap", cell: (session) => formatDateTime(session.createdAt, timeZone) },
    { header: "Last seen", className: "whitespace-nowrap text-slate-600", cell: (session) => formatDateTime(session.lastSeenAt, timeZone) },
    {
      header: "From",
      cell: (session) => (
        <>
          <p>{session.ip}</p>
          <p className="max-w-xs truncate text-xs text-slate-500" title={session.userAgent}>
            {session.userAgent || "Unknown browser"}
          </p>
        </>
      ),
    },
    { header: "How", cell: (session) => METHOD_LABELS[session.method] ?? session.method },
    {
      header: "Actions",
      srOnly: true,
      className: "text-right",
      cell: (session) => (
        <ConfirmActionForm
          action={revokeUserSessionAction}
          fields={{ userId: String(user.id), sessionId: session.id }}
          label="End session"
          danger
          consequence={`The browser at ${session.ip} is signed out on its next request.`}
          onResult={(result) => setNotice({ ok: result.ok, message: result.message ?? "" })}
        />
      ),
    },
  ];
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
      <FormStatus state={notice} />
      {sessions.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600">No open sessions.</p>
      ) : (
        <EntityTable
          caption="Open sessions, newest first"
          rows={sessions}
          columns={columns}
          rowKey={(session) => session.id}
          rowProps={(session) => ({ "data-session-id": session.id })}
          framed
        />
      )}
    </>
  );
}
