import type { Metadata } from "next";
import Link from "next/link";
import { SetPasswordForm } from "@/components/auth/password-link-forms";

export const metadata: Metadata = { title: "Choose your password" };

export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="mb-4 text-lg font-semibold">Choose your password</h1>
        {token ? (
          <SetPasswordForm token={token} />
        ) : (
          <p className="text-sm text-slate-600">
            This page needs the link from your invitation or reset email.{" "}
            <Link href="/reset-password" className="text-brand-700 hover:underline">
              Ask for a new link
            </Link>
            .
          </p>
        )}
      </div>
    </main>
  );
}
