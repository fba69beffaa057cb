import Link from "next/link";

export default function ForbiddenPage() {
  return (
    <main className="mx-auto max-w-md px-6 py-24 text-center">
      <h1 className="text-xl font-semibold">You do not have access to this page</h1>
      <p className="mt-2 text-sm text-slate-600">Your role does not include it. Ask an admin if you need it.</p>
      <Link href="/leads" className="mt-6 inline-block text-sm font-medium text-brand-600 hover:underline">
        Back to leads
      </Link>
    </main>
  );
}
