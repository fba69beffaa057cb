import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runHubspotSync } from "@/lib/sync/hubspot/sync";
import { createHubspotConnection, startHubspot } from "@/lib/sync/testing/hubspot-fixture";
import type { HubspotContractServer } from "@/lib/sync/testing/hubspot-server";
import { HubspotPortal } from "@/lib/sync/testing/hubspot-store";

// The backfill writes several of HubSpot's pages per transaction. Proof that this changes nothing a user
// sees: the same contract-server portal backfilled one page per transaction (as before) and ten pages per
// transaction gives the same leads, timelines, diagnoses and listed issues, down to the actors.

let server: HubspotContractServer;
let portal: HubspotPortal;

beforeAll(async () => {
  portal = new HubspotPortal();
  server = await startHubspot(portal);
  const owners = ["Ada", "Bo", "Cy"].map((name) =>
    portal.addOwner({ email: `${name.toLowerCase()}.batch@example.com`, firstName: name, lastName: "Batch" }),
  );
  const base = Date.UTC(2026, 2, 2, 9);
  // 130 contacts: three pages of 50, so leads sharing an account sit on different pages (duplicate outreach
  // must be judged across pages), with reassignments, an owner the portal does not know and a status nobody mapped.
  for (let index = 0; index < 130; index++) {
    const at = (minutes: number) => new Date(base + index * 3_600_000 + minutes * 60_000);
    const id = String(500 + index);
    const [first, second] = [owners[index % 3]!, owners[(index + 1) % 3]!];
    portal.addContact({
      id,
      createdAt: at(0),
      properties: {
        firstname: "Batch",
        lastname: `Buyer${index}`,
        email: `b${index}@acct${index % 7}.io`,
        hs_lead_status: "NEW",
        lifecyclestage: "lead",
      },
    });
    portal.setProperties(id, { hubspot_owner_id: first.id }, at(3), { sourceType: "AUTOMATION_PLATFORM" });
    if (index % 4 === 0)
      portal.setProperties(id, { hubspot_owner_id: second.id }, at(90), { sourceType: "CRM_UI", updatedByUserId: first.userId });
    if (index % 10 === 0) portal.setProperties(id, { hubspot_owner_id: "999001" }, at(120), { sourceType: "CRM_UI" });
    portal.setProperties(id, { hs_lead_status: index % 9 === 0 ? "PARKED" : "IN_PROGRESS" }, at(30), {
      sourceType: "CRM_UI",
      updatedByUserId: first.userId,
    });
    if (index % 2 === 0)
      portal.addEngagement(
        "calls",
        [id],
        { hs_timestamp: at(40).toISOString(), hubspot_owner_id: first.id, hs_call_direction: "OUTBOUND" },
        at(40),
      );
    if (index % 3 === 0)
      portal.addEngagement("meetings", [id], { hs_timestamp: at(2000).toISOString(), hubspot_owner_id: second.id }, at(50));
  }
  portal.archive("503", new Date(base + 400 * 3_600_000));
  portal.merge("510", "511", new Date(base + 400 * 3_600_000));
});

afterAll(async () => {
  await server.stop();
});

async function backfill(pagesPerWrite: number) {
  await db.lead.deleteMany({ where: { sourceSystem: "hubspot" } });
  await db.syncIssue.deleteMany({});
  const connectionId = await createHubspotConnection(server, { kind: "private_app", accessToken: server.issueToken() });
  const summary = await runHubspotSync(connectionId, "backfill", [], { pagesPerWrite });
  expect(summary).toMatchObject({ status: "succeeded", recordsRead: 128 });
  const leads = await db.lead.findMany({
    where: { sourceSystem: "hubspot" },
    orderBy: { externalId: "asc" },
    omit: { id: true, version: true, createdAt: true, updatedAt: true, diagnosedAt: true, slaCheckedAt: true, slaNextAlertAt: true },
  });
  const events = await db.handoffEvent.findMany({
    where: { sourceSystem: "hubspot" },
    orderBy: { externalId: "asc" },
    select: {
      externalId: true,
      lead: { select: { externalId: true } },
      type: true,
      occurredAt: true,
      actorId: true,
      actorName: true,
      channel: true,
      details: true,
    },
  });
  const issues = await db.syncIssue.findMany({
    where: { connectionId },
    orderBy: [{ recordId: "asc" }, { kind: "asc" }, { field: "asc" }],
    select: { recordId: true, kind: true, field: true, value: true, reason: true },
  });
  return {
    summary: { leadsChanged: summary.leadsChanged, eventsWritten: summary.eventsWritten, issues: summary.issues },
    leads,
    events,
    issues,
  };
}

it("writing ten pages per transaction gives the same leads, events, diagnoses and issues as one page per transaction", async () => {
  const onePage = await backfill(1);
  // The data exercises what the comparison is about: timelines, issues, shared accounts. The archived and
  // the merged-away contact are not listed by HubSpot, so they never become leads.
  expect(onePage.leads).toHaveLength(128);
  expect(onePage.events.length).toBeGreaterThan(400);
  expect(new Set(onePage.issues.map((issue) => issue.kind))).toEqual(new Set(["unknown_owner", "unmapped_value"]));
  expect(onePage.leads.some((lead) => lead.duplicateOutreach)).toBe(true);

  const tenPages = await backfill(10);
  expect(tenPages.leads).toEqual(onePage.leads);
  expect(tenPages.events).toEqual(onePage.events);
  expect(tenPages.issues).toEqual(onePage.issues);
  expect(tenPages.summary).toEqual(onePage.summary);
});
