import type { Metadata } from "next";
import { ConnectionPanel } from "@/components/sync/connection-panel";
import { HubspotConnectForm } from "@/components/sync/hubspot-connect-form";
import { SalesforceConnectForm } from "@/components/sync/salesforce-connect-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { getWorkspaceTimeZone } from "@/lib/definitions/queries";
import { connectionMappings } from "@/lib/sync/mapping";
import { listConnections } from "@/lib/sync/queries";

export const metadata: Metadata = { title: "CRM connections" };

export default async function ConnectionsPage() {
  await requirePageUser("connections.manage");
  const [connections, timeZone] = await Promise.all([listConnections(), getWorkspaceTimeZone()]);
  const mappings = await connectionMappings(connections);
  return (
    <>
      <PageHeader
        title="CRM connections"
        description="Baton reads leads, owners, their history and activities from your CRM: a first full sync, then the changes every few minutes (and within seconds when HubSpot webhooks are set up)."
      />
      <div className="space-y-5">
        {connections.map((connection) => (
          <ConnectionPanel key={connection.id} connection={connection} mapping={mappings.get(connection.id)} timeZone={timeZone} />
        ))}
        <Card title="Connect HubSpot" description="Baton tests the credentials before keeping them, and tells you exactly what failed.">
          <HubspotConnectForm />
        </Card>
        <Card
          title="Connect Salesforce"
          description="Leads with their LeadHistory, Tasks and Events, and Users as people. Tested before it is kept."
        >
          <SalesforceConnectForm />
        </Card>
      </div>
    </>
  );
}
