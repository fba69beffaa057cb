// The CRM's side of the sync benchmark, in a process of its own as HubSpot is on machines of its own: a
// contract-server portal of N contacts with ten history entries and engagements each (owner changes,
// status changes, calls, emails, meetings, tasks). Serving and holding it in the syncing process made the
// sync share its one thread and its heap with the vendor, so the figure measured both. Driven over IPC by
// crm-sync.ts: it answers `ready` with the server's address and a token, `changed` after each `change`.
import { HubspotContractServer } from "../../lib/sync/testing/hubspot-server.ts";
import { HubspotPortal } from "../../lib/sync/testing/hubspot-store.ts";

export type PortalRequest = { kind: "change"; run: number } | { kind: "stop" };
export type PortalReply = { kind: "ready"; url: string; portalId: number; token: string; entries: number } | { kind: "changed" };

const contacts = Number(process.argv[2]);
const send = (reply: PortalReply) => process.send!(reply);

const portal = new HubspotPortal();
const owners = Array.from({ length: 50 }, (_, index) =>
  portal.addOwner({ email: `owner${index}@bench.example`, firstName: "Owner", lastName: String(index) }),
);
const base = Date.UTC(2026, 0, 5, 8);
let entries = 0;
for (let index = 0; index < contacts; index++) {
  const at = (minutes: number) => new Date(base + index * 30_000 + minutes * 60_000);
  const id = String(100_000 + index);
  const first = owners[index % owners.length]!;
  const second = owners[(index + 7) % owners.length]!;
  portal.addContact({
    id,
    createdAt: at(0),
    properties: {
      firstname: "Bench",
      lastname: `Contact${index}`,
      email: `c${index}@co${index % 5000}.example`,
      hs_lead_status: "NEW",
      lifecyclestage: "lead",
      hs_analytics_source: "ORGANIC_SEARCH",
    },
  });
  portal.setProperties(id, { hubspot_owner_id: first.id }, at(4), { sourceType: "AUTOMATION_PLATFORM" });
  portal.setProperties(id, { hubspot_owner_id: second.id }, at(30), { sourceType: "CRM_UI", updatedByUserId: first.userId });
  portal.setProperties(id, { hs_lead_status: "IN_PROGRESS" }, at(45), { sourceType: "CRM_UI", updatedByUserId: second.userId });
  portal.setProperties(id, { lifecyclestage: "salesqualifiedlead" }, at(600), { sourceType: "CRM_UI", updatedByUserId: second.userId });
  portal.addEngagement(
    "calls",
    [id],
    { hs_timestamp: at(50).toISOString(), hubspot_owner_id: second.id, hs_call_direction: "OUTBOUND" },
    at(50),
  );
  portal.addEngagement(
    "emails",
    [id],
    { hs_timestamp: at(55).toISOString(), hubspot_owner_id: second.id, hs_email_direction: "EMAIL" },
    at(55),
  );
  portal.addEngagement("meetings", [id], { hs_timestamp: at(2000).toISOString(), hubspot_owner_id: second.id }, at(60));
  portal.addEngagement(
    "tasks",
    [id],
    { hs_timestamp: at(3000).toISOString(), hubspot_owner_id: second.id, hs_task_subject: "Follow up" },
    at(65),
  );
  // Read by the sync: 2 owner, 2 lead status and 2 lifecycle stage values, and 4 engagements.
  entries += 10;
}

const server = new HubspotContractServer(portal);
await server.start();
process.on("message", (request: PortalRequest) => {
  if (request.kind === "stop") {
    void server.stop().then(() => process.exit(0));
    return;
  }
  // An incremental run's changes: 100 contacts get a new owner a minute after the previous run's.
  const at = new Date(Date.now() + (request.run + 1) * 60_000);
  for (let index = 0; index < 100; index++) {
    const id = String(100_000 + (((request.run * 100 + index) * 37) % contacts));
    portal.setProperties(id, { hubspot_owner_id: owners[(index + request.run) % owners.length]!.id }, at, { sourceType: "CRM_UI" });
  }
  send({ kind: "changed" });
});
send({ kind: "ready", url: server.url, portalId: portal.portalId, token: server.issueToken(), entries });
