import type { Metadata } from "next";
import { headers } from "next/headers";
import { ConnectionNoticeBanner } from "@/components/sync/connection-notice";
import { ConnectionPanel } from "@/components/sync/connection-panel";
import { HubspotConnectForm } from "@/components/sync/hubspot-connect-form";
import { OauthConnectForm } from "@/components/sync/oauth-connect-form";
import { SalesforceConnectForm } from "@/components/sync/salesforce-connect-form";
import { SalesforceJwtForm } from "@/components/sync/salesforce-jwt-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { getWorkspaceTimeZone } from "@/lib/definitions/queries";
import { connectionMappings } from "@/lib/sync/mapping";
import { CONNECTION_NOTICE_HEADER, parseConnectionNotice } from "@/lib/sync/notice";
import { oauthRedirectUri } from "@/lib/sync/oauth";
import { listConnections } from "@/lib/sync/queries";

export const metadata: Metadata = { title: "CRM connections" };

export default async function ConnectionsPage() {
  await requirePageUser("connections.manage");
  const [connections, timeZone] = await Promise.all([listConnections(), getWorkspaceTimeZone()]);
  const mappings = await connectionMappings(connections);
  const notice = parseConnectionNotice((await headers()).get(CONNECTION_NOTICE_HEADER) ?? undefined);
  return (
    <>
      <PageHeader
        title="CRM connections"
        description="Baton reads leads, owners, their history and activities from your CRM: a first full sync, then the changes every few minutes (and within seconds when HubSpot webhooks are set up)."
      />
      <div className="space-y-5">
        {notice && <ConnectionNoticeBanner notice={notice} />}
        {connections.map((connection) => (
          <ConnectionPanel key={connection.id} connection={connection} mapping={mappings.get(connection.id)} timeZone={timeZone} />
        ))}
        <Card
          title="Connect with Salesforce"
          description="Sign in to Salesforce and allow Baton: leads with their LeadHistory, Tasks and Events, and Users as people. Tested before it is kept."
        >
          <OauthConnectForm provider="salesforce" redirectUri={oauthRedirectUri("salesforce")} />
          <details className="mt-5 border-t border-slate-200 pt-4">
            <summary className="cursor-pointer text-sm font-medium text-slate-700">Paste a refresh token instead</summary>
            <div className="mt-4">
              <SalesforceConnectForm />
            </div>
          </details>
          <details className="mt-3 border-t border-slate-200 pt-4">
            <summary className="cursor-pointer text-sm font-medium text-slate-700">
              Use a connected app’s JWT bearer flow (server to server)
            </summary>
            <div className="mt-4">
              <SalesforceJwtForm />
            </div>
          </details>
        </Card>
        <Card title="Connect HubSpot" description="Baton tests the credentials before keeping them, and tells you exactly what failed.">
          <HubspotConnectForm />
        </Card>
        <Card
          title="Connect with HubSpot (public app)"
          description="Install your HubSpot public app on the portal: HubSpot asks to allow Baton, then sends you back here."
        >
          <OauthConnectForm provider="hubspot" redirectUri={oauthRedirectUri("hubspot")} />
        </Card>
      </div>
    </>
  );
}
