import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ImportJobView } from "@/components/import/import-job-view";
import { requirePageUser } from "@/lib/auth/session";
import { getImportPage } from "@/lib/import/queries";

export const metadata: Metadata = { title: "Import" };

export default async function ImportJobPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("import.run");
  const id = Number((await params).id);
  const data = Number.isInteger(id) && id > 0 && id <= 2 ** 31 - 1 ? await getImportPage(id) : null;
  if (!data) notFound();
  return <ImportJobView data={data} />;
}
