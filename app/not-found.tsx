import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md px-6 py-24 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-1 text-xl font-semibold">Page not found</h1>
      <p className="mt-2 text-sm text-slate-600">The address may be mistyped, or the record no longer exists.</p>
      <Link href="/leads" className="mt-6 inline-block text-sm font-medium text-brand-600 hover:underline">
        Back to leads
      </Link>
    </main>
  );
}
