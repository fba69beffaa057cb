import Link from "next/link";

export default function LeadNotFound() {
  return (
    <div className="mx-auto max-w-md py-20 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-1 text-xl font-semibold">Lead not found</h1>
      <p className="mt-2 text-sm text-slate-600">No lead has this id. It may have been merged or the link is mistyped.</p>
      <Link href="/leads" className="mt-6 inline-block text-sm font-medium text-brand-600 hover:underline">
        Back to the lead list
      </Link>
    </div>
  );
}
