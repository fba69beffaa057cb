"use client";

import { useState } from "react";
import { UserManagePanel } from "@/components/users/user-manage-panel";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EntityTable, type EntityColumn } from "@/components/ui/entity-table";
import { FormStatus } from "@/components/ui/form";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/time";
import type { UserListRow } from "@/lib/users/queries";

/** Everyone with an account; one row at a time opens its management panel. */
export function UsersTable({ users, currentUserId, timeZone }: { users: UserListRow[]; currentUserId: number; timeZone: string }) {
  const [managing, setManaging] = useState<number | null>(null);
  // A merge removes the row whose panel made it: its message is said here, above the table.
  const [merged, setMerged] = useState<string | null>(null);
  const activeAdmins = users.filter((user) => user.role === "admin" && user.active).length;

  const columns: EntityColumn<UserListRow>[] = [
    {
      header: "User",
      cell: (user) => (
        <div>
          <p className="font-medium text-slate-900">
            {user.name}
            {user.id === currentUserId && (
              <Badge tone="info" className="ml-2">
                You
              </Badge>
            )}
          </p>
          <p className="text-xs text-slate-500">
            {user.email ?? "No email"}
            {!user.canSignIn && (
              <Badge tone="muted" className="ml-2">
                no sign-in
              </Badge>
            )}
          </p>
        </div>
      ),
    },
    { header: "Role", cell: (user) => ROLE_LABELS[user.role] },
    { header: "Team", cell: (user) => user.teamName ?? <span className="text-slate-400">No team</span> },
    { header: "Status", cell: (user) => (user.active ? <Badge tone="good">Active</Badge> : <Badge tone="muted">Deactivated</Badge>) },
    {
      header: "Last sign-in",
      className: "whitespace-nowrap text-slate-600",
      cell: (user) => (user.lastSignInAt ? formatDateTime(user.lastSignInAt, timeZone) : <span className="text-slate-400">Never</span>),
    },
    {
      header: "Actions",
      srOnly: true,
      className: "text-right",
      cell: (user) => (
        <Button
          type="button"
          variant={managing === user.id ? "secondary" : "ghost"}
          size="sm"
          aria-expanded={managing === user.id}
          aria-label={`${managing === user.id ? "Close" : "Manage"} ${user.name}`}
          onClick={() => setManaging(managing === user.id ? null : user.id)}
        >
          {managing === user.id ? "Close" : "Manage"}
        </Button>
      ),
    },
  ];

  return (
    <div className="space-y-2">
      <FormStatus state={merged ? { ok: true, message: merged } : null} />
      <EntityTable
        caption="Users, active first"
        rows={users}
        columns={columns}
        rowKey={(user) => user.id}
        framed
        rowProps={(user) => ({
          className: user.active ? undefined : "text-slate-500",
          ...(user.email ? { "data-user-email": user.email } : {}),
        })}
        expanded={(user) =>
          managing === user.id && (
            <UserManagePanel
              user={user}
              self={user.id === currentUserId}
              lastActiveAdmin={user.role === "admin" && user.active && activeAdmins <= 1}
              people={users}
              onMerged={(message) => {
                setManaging(null);
                setMerged(message);
              }}
            />
          )
        }
      />
    </div>
  );
}
