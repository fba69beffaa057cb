import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { mappingDocumentSchema } from "@/lib/import/mapping";
import { saveReusableMapping } from "@/lib/import/run-mutations";
import { changeMapping, fixture, importFiles, issuesOf, jobState, uploadAndAnalyse } from "@/lib/import/testing";
import { seededImportWorkspace } from "@/lib/import/test-workspace";

// Each preset on a fixture in its CRM's real export format: detected by its headers, mapped without
// help, imported, and every imported lead diagnosed.

const workspace = seededImportWorkspace();

async function leadsOf(sourceSystem: string) {
  return db.lead.findMany({
    where: { sourceSystem },
    orderBy: { externalId: "asc" },
    select: {
      id: true,
      externalId: true,
      name: true,
      email: true,
      company: true,
      accountDomain: true,
      capturedAt: true,
      originalSource: true,
      sourceDetail: true,
      campaign: true,
      conversionPoint: true,
      buyerMessage: true,
      ownerId: true,
      ownerAssignedAt: true,
      firstSalesActionAt: true,
      acceptanceStatus: true,
      outcome: true,
      priority: true,
      diagnosedAt: true,
      flagged: true,
      stepRouting: true,
      leadType: { select: { key: true } },
      events: {
        orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
        select: { type: true, occurredAt: true, actorId: true, actorName: true, channel: true, details: true },
      },
    },
  });
}

describe("HubSpot contacts export", () => {
  it("is recognised, mapped and imported with owners, statuses and timeline events", async () => {
    const file = { kind: "leads" as const, name: "hubspot-contacts.csv", bytes: fixture("hubspot-contacts.csv") };
    const jobId = await uploadAndAnalyse(workspace.revopsId, [file]);
    const analysed = await jobState(jobId);
    expect(analysed.preset).toBe("hubspot");
    expect(analysed.sourceSystem).toBe("hubspot");

    const job = await importFiles(workspace.revopsId, [file]);
    expect(job.status).toBe("succeeded");
    expect(job.rowsCreated).toBe(5);
    expect(job.rowsFailed).toBe(1);

    const leads = await leadsOf("hubspot");
    expect(leads.map((lead) => lead.externalId)).toEqual(["5101", "5102", "5103", "5104", "5105"]);
    const [ada, grace, alan, edsger, barbara] = leads;
    expect(ada).toMatchObject({
      name: "Ada Lovelace",
      email: "ada.lovelace@analytical-engines.io",
      accountDomain: "analytical-engines.io",
      originalSource: "paid_search",
      sourceDetail: "google / cpc / lead routing",
      campaign: "Q1 Demo Push",
      conversionPoint: "Demo request form",
      buyerMessage: "We route 40 reps by hand.\nCan you help?",
      ownerId: workspace.users.riley,
      acceptanceStatus: "accepted",
      outcome: "qualified",
    });
    expect(ada!.capturedAt.toISOString()).toBe("2025-03-03T09:00:00.000Z");
    expect(ada!.ownerAssignedAt?.toISOString()).toBe("2025-03-03T09:10:00.000Z");
    expect(ada!.firstSalesActionAt?.toISOString()).toBe("2025-03-03T09:40:00.000Z");
    expect(ada!.events.map((event) => event.type)).toEqual(["captured", "assigned", "contacted", "qualified"]);
    expect(ada!.events[1]).toMatchObject({ details: { ownerId: String(workspace.users.riley) } });
    expect(ada!.events[2]).toMatchObject({ actorId: workspace.users.riley });
    // Free mail is no account; the website gives it instead.
    expect(grace).toMatchObject({
      email: "grace.hopper@gmail.com",
      accountDomain: "hopper-labs.com",
      acceptanceStatus: "pending",
      outcome: "open",
      ownerId: workspace.users.jordan,
    });
    expect(alan).toMatchObject({ outcome: "recycled", originalSource: "website" });
    expect(edsger).toMatchObject({ acceptanceStatus: "accepted", outcome: "opportunity" });
    expect(barbara).toMatchObject({ outcome: "disqualified" });
    // An owner who is not a Baton user is a person of the workspace (no sign-in), not a dropped owner.
    const barbaraOwner = await db.user.findUniqueOrThrow({ where: { id: barbara!.ownerId! }, select: { name: true, passwordHash: true } });
    expect(barbaraOwner).toEqual({ name: "Someone Not In Baton", passwordHash: null });
    for (const lead of leads) {
      expect(lead.diagnosedAt, `${lead.externalId} diagnosed`).not.toBeNull();
      expect(lead.stepRouting, `${lead.externalId} routing step`).not.toBeNull();
    }

    const issues = await issuesOf(job.id);
    expect(issues).toContainEqual(expect.objectContaining({ row: 7, column: "Create Date", severity: "error" }));
    // The owner who is not a user is no longer a problem of the row: only the row without a capture date is reported.
    expect(issues.filter((found) => found.column === "Contact owner")).toEqual([]);
  });
});

describe("Salesforce leads report", () => {
  it("reads US dates with AM/PM, ratings as priorities and converted leads as opportunities", async () => {
    const file = { kind: "leads" as const, name: "report1742.csv", bytes: fixture("salesforce-leads.csv") };
    const job = await importFiles(workspace.revopsId, [file]);
    expect(job).toMatchObject({ preset: "salesforce", status: "succeeded", rowsCreated: 4, rowsFailed: 0 });
    const leads = await leadsOf("salesforce");
    const byId = new Map(leads.map((lead) => [lead.externalId, lead]));
    expect(byId.get("00Q5e00000AbCd1")).toMatchObject({
      name: "Margaret Hamilton",
      email: "mhamilton@apollo-software.example",
      priority: "p1",
      acceptanceStatus: "accepted",
      originalSource: "website",
    });
    expect(byId.get("00Q5e00000AbCd1")!.capturedAt.toISOString()).toBe("2025-03-14T09:05:00.000Z");
    expect(byId.get("00Q5e00000AbCd2")).toMatchObject({ outcome: "opportunity", priority: "p2", originalSource: "partner" });
    expect(byId.get("00Q5e00000AbCd2")!.capturedAt.toISOString()).toBe("2025-03-14T13:30:00.000Z");
    expect(byId.get("00Q5e00000AbCd2")!.events.map((event) => event.type)).toEqual(["captured", "opportunity_created"]);
    expect(byId.get("00Q5e00000AbCd3")).toMatchObject({ outcome: "disqualified", priority: "p3", originalSource: "event" });
    expect(byId.get("00Q5e00000AbCd4")).toMatchObject({ ownerId: null, acceptanceStatus: "pending", originalSource: "phone_inquiry" });
    expect(byId.get("00Q5e00000AbCd4")!.capturedAt.toISOString()).toBe("2025-03-16T23:45:00.000Z");
    expect(leads.every((lead) => lead.diagnosedAt !== null)).toBe(true);
  });
});

describe("Zoho CRM leads with calls and meetings", () => {
  it("links activities to their leads by LEADID and reports calls of unknown leads", async () => {
    const files = [
      { kind: "leads" as const, name: "Leads.csv", bytes: fixture("zoho-leads.csv") },
      { kind: "calls" as const, name: "Calls.csv", bytes: fixture("zoho-calls.csv") },
      { kind: "meetings" as const, name: "Events.csv", bytes: fixture("zoho-meetings.csv") },
    ];
    const job = await importFiles(workspace.revopsId, files);
    expect(job).toMatchObject({ preset: "zoho", status: "succeeded" });
    const leads = await leadsOf("zoho");
    const byId = new Map(leads.map((lead) => [lead.externalId, lead]));
    expect([...byId.keys()]).toEqual(["8801", "8802", "8803"]);
    expect(byId.get("8801")).toMatchObject({
      acceptanceStatus: "accepted",
      originalSource: "referral",
      email: "garyldenson@cuvox.example",
    });
    expect(byId.get("8801")!.capturedAt.toISOString()).toBe("2021-04-15T00:03:00.000Z");
    expect(byId.get("8802")).toMatchObject({ acceptanceStatus: "rejected", originalSource: "email" });
    const anderson = byId.get("8803")!;
    expect(anderson).toMatchObject({ outcome: "qualified", firstSalesActionAt: new Date("2021-04-16T09:40:00Z") });
    expect(anderson.events.map((event) => [event.type, event.channel])).toEqual([
      ["captured", null],
      ["contacted", "call"],
      ["meeting_booked", "meeting"],
    ]);
    expect(anderson.events[1]).toMatchObject({ actorId: workspace.users.emma, details: { subject: "Qualification", notes: "Demo" } });

    const issues = await issuesOf(job.id);
    // "-None-" is Zoho's empty value: the lead without a created time is refused, as is the call of an unknown lead.
    expect(issues).toContainEqual(expect.objectContaining({ row: 5, column: "Created Time", severity: "error" }));
    expect(issues).toContainEqual(expect.objectContaining({ row: 4, column: "LEADID", value: "9999", severity: "error" }));
    expect(leads.every((lead) => lead.diagnosedAt !== null)).toBe(true);
  });
});

describe("generic CSV", () => {
  it("maps common header names and matches owners by email and lead types by name", async () => {
    const file = { kind: "leads" as const, name: "leads.csv", bytes: fixture("generic-leads.csv") };
    const job = await importFiles(workspace.revopsId, [file]);
    expect(job).toMatchObject({ preset: "generic", sourceSystem: "csv", status: "succeeded", rowsCreated: 2 });
    const leads = await leadsOf("csv");
    expect(leads[0]).toMatchObject({
      externalId: "g-1",
      name: "Linus Torvalds",
      ownerId: workspace.users.riley,
      acceptanceStatus: "accepted",
      originalSource: "website",
      leadType: { key: "demo_request" },
    });
    expect(leads[1]).toMatchObject({
      externalId: "g-2",
      ownerId: null,
      acceptanceStatus: "pending",
      originalSource: "webinar",
      leadType: null,
    });
    expect(leads.every((lead) => lead.diagnosedAt !== null)).toBe(true);
  });
});

describe("saved mappings", () => {
  it("are reused for next week's file: columns, values and date formats", async () => {
    const file = { kind: "leads" as const, name: "week-1.csv", bytes: fixture("hubspot-contacts.csv") };
    const week1 = await uploadAndAnalyse(workspace.revopsId, [file]);
    await changeMapping(workspace.revopsId, week1, (mapping) => {
      mapping.files.leads!.columns["First Conversion"] = "leadType";
      mapping.files.leads!.values["First Conversion"] = { "demo request form": "demo_request" };
    });
    const { id } = await saveReusableMapping(workspace.revopsId, { jobId: week1, name: "HubSpot weekly" });

    const week2 = await uploadAndAnalyse(workspace.revopsId, [{ ...file, name: "week-2.csv" }], { savedMappingId: id });
    const mapping = mappingDocumentSchema.parse((await jobState(week2)).mapping).files.leads!;
    expect(mapping.columns["First Conversion"]).toBe("leadType");
    expect(mapping.values["First Conversion"]).toEqual({ "demo request form": "demo_request" });
    expect(mapping.columns["Contact ID"]).toBe("externalId");
    expect(mapping.dateFormats["Create Date"]).toBe("iso");
  });
});
