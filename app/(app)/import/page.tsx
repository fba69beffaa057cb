import type { Metadata } from "next";
import { EvidenceCoverage } from "@/components/import/evidence-coverage";
import { RecentImports } from "@/components/import/recent-imports";
import { UploadForm } from "@/components/import/upload-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { getWorkspaceTimeZone } from "@/lib/definitions/queries";
import { findEvidenceCoverage } from "@/lib/import/evidence-coverage";
import { findRecentImportJobs, findSavedMappings } from "@/lib/import/queries";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage() {
  await requirePageUser("import.run");
  const [jobs, savedMappings, timeZone, coverage] = await Promise.all([
    findRecentImportJobs(),
    findSavedMappings(),
    getWorkspaceTimeZone(),
    findEvidenceCoverage(),
  ]);
  return (
    <>
      <PageHeader
        title="Import"
        description="Bring leads and their activity in from your CRM's export, as it comes: Baton recognises HubSpot, Salesforce and Zoho files, lets you check the mapping, shows what would change, and never leaves half a file behind."
      />
      <div className="space-y-5">
        <Card title="New import" description="Files stay in Baton's database until the import runs, so any server can run it.">
          <UploadForm
            savedMappings={savedMappings.map((mapping) => ({ id: mapping.id, name: mapping.name, sourceSystem: mapping.sourceSystem }))}
          />
        </Card>
        <Card title="Recent imports">
          <RecentImports jobs={jobs} timeZone={timeZone} />
        </Card>
        <Card
          title="Evidence coverage"
          description="Which evidence fields each source system's leads carry. “Not in the source” is a reporting gap, not a handoff failure: add the field to the CRM export (field mapping)."
        >
          <EvidenceCoverage sources={coverage} />
        </Card>
      </div>
    </>
  );
}
