import Link from "next/link";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SignOutEverywhereButton } from "@/components/account/sign-out-everywhere-button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/time";
import type { AccountView as Account } from "@/lib/users/queries";

export function AccountView({ account }: { account: Account }) {
  return (
    <>
      <PageHeader title="Your account" description="Your details, your password and where you are signed in." />
      <div className="grid max-w-4xl gap-4 lg:grid-cols-2">
        <Card title="Profile" description="An admin changes your name, role or team on the Users page.">
          <dl className="grid grid-cols-[7rem_minmax(0,1fr)] gap-y-2 text-sm">
            <dt className="text-slate-500">Name</dt>
            <dd className="text-slate-900">{account.name}</dd>
            <dt className="text-slate-500">Email</dt>
            <dd className="break-all text-slate-900">{account.email}</dd>
            <dt className="text-slate-500">Role</dt>
            <dd className="text-slate-900">{ROLE_LABELS[account.role]}</dd>
            <dt className="text-slate-500">Team</dt>
            <dd className="text-slate-900">{account.teamName ?? "No team"}</dd>
          </dl>
          {account.role === "admin" && (
            <p className="mt-4 text-sm text-slate-600">
              As an admin you manage everyone&apos;s accounts on the{" "}
              <Link href="/settings/users" className="font-medium text-brand-700 hover:underline">
                Users page
              </Link>
              .
            </p>
          )}
        </Card>
        <Card
          title="Sessions"
          description="Your newest successful sign-ins. One you do not recognise? Sign out everywhere, then change your password."
        >
          {account.recentSignIns.length > 0 ? (
            <ul className="mb-4 space-y-1 text-sm">
              {account.recentSignIns.map((signIn) => (
                <li key={signIn.at.toISOString()} className="flex justify-between gap-3">
                  <span className="text-slate-900">{formatDateTime(signIn.at, account.timeZone)}</span>
                  <span className="font-mono text-xs text-slate-500" title="Address the sign-in came from">
                    {signIn.ip.replace(/^::ffff:/, "")}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mb-4 text-sm text-slate-500">No sign-ins recorded yet.</p>
          )}
          <SignOutEverywhereButton />
        </Card>
        <Card
          title="Change password"
          description="At least 12 characters. Afterwards you are signed out everywhere and sign in with the new password."
          className="lg:col-span-2"
        >
          <ChangePasswordForm />
        </Card>
      </div>
    </>
  );
}
