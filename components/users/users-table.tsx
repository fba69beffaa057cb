"use client";

import { Fragment, useState } from "react";
import { UserManagePanel } from "@/components/users/user-manage-panel";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { StatusLine } from "@/components/users/status-line";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/time";
import type { UserListRow } from "@/lib/users/queries";

const COLUMNS = 6;

/** Everyone with an account; one row at a time opens its management panel. */
export function UsersTable({ users, currentUserId, timeZone }: { users: UserListRow[]; currentUserId: number; timeZone: string }) {
  const [managing, setManaging] = useState<number | null>(null);
  // A merge removes the row whose panel made it: its message is said here, above the table.
  const [merged, setMerged] = useState<string | null>(null);
  const activeAdmins = users.filter((user) => user.role === "admin" && user.active).length;

  return (
    <div className="space-y-2">
      <StatusLine state={merged ? { ok: true, message: merged } : null} />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full text-sm">
          <caption className="sr-only">Users, active first</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
            <tr>
              <th scope="col" className="px-3 py-2">
                User
              </th>
              <th scope="col" className="px-3 py-2">
                Role
              </th>
              <th scope="col" className="px-3 py-2">
                Team
              </th>
              <th scope="col" className="px-3 py-2">
                Status
              </th>
              <th scope="col" className="px-3 py-2">
                Last sign-in
              </th>
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.map((user) => {
              const self = user.id === currentUserId;
              return (
                <Fragment key={user.id}>
                  <tr className={user.active ? "align-top" : "align-top text-slate-500"} data-user-email={user.email ?? undefined}>
                    <td className="px-3 py-2">
                      <p className="font-medium text-slate-900">
                        {user.name}
                        {self && (
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
                    </td>
                    <td className="px-3 py-2">{ROLE_LABELS[user.role]}</td>
                    <td className="px-3 py-2">{user.teamName ?? <span className="text-slate-400">No team</span>}</td>
                    <td className="px-3 py-2">
                      {user.active ? <Badge tone="good">Active</Badge> : <Badge tone="muted">Deactivated</Badge>}
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap text-slate-600">
                      {user.lastSignInAt ? formatDateTime(user.lastSignInAt, timeZone) : <span className="text-slate-400">Never</span>}
                    </td>
                    <td className="px-3 py-2 text-right">
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
                    </td>
                  </tr>
                  {managing === user.id && (
                    <tr>
                      <td colSpan={COLUMNS} className="bg-slate-50/60 px-3 py-3">
                        <UserManagePanel
                          user={user}
                          self={self}
                          lastActiveAdmin={user.role === "admin" && user.active && activeAdmins <= 1}
                          people={users}
                          onMerged={(message) => {
                            setManaging(null);
                            setMerged(message);
                          }}
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
