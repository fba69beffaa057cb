import type { Metadata } from "next";
import { ResetRequestForm } from "@/components/auth/password-link-forms";

export const metadata: Metadata = { title: "Reset your password" };

export default function ResetPasswordPage() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="mb-1 text-lg font-semibold">Reset your password</h1>
        <p className="mb-4 text-sm text-slate-600">We email a link to choose a new one. It works once, for one hour.</p>
        <ResetRequestForm />
      </div>
    </main>
  );
}
