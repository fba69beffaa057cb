import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "No access" };

// Inside the app shell, so a refused user keeps the navigation to everything they may open.
export default async function ForbiddenPage() {
  await requirePageUser();
  return (
    <div className="mx-auto max-w-md py-24 text-center">
      <h1 className="text-xl font-semibold">You do not have access to this page</h1>
      <p className="mt-2 text-sm text-slate-600">Your role does not include it. Ask an admin if you need it.</p>
      <Link href="/leads" className="mt-6 inline-block text-sm font-medium text-brand-700 underline underline-offset-2">
        Back to leads
      </Link>
    </div>
  );
}
