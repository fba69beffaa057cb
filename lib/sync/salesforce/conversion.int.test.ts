import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runSalesforceSync } from "@/lib/sync/salesforce/sync";
import { connectSalesforceContract } from "@/lib/sync/testing/salesforce-fixture";
import { SalesforceContractServer } from "@/lib/sync/testing/salesforce-server";

// Lead conversion against the contract server (not a live org): a converted lead is qualified at its
// conversion with the opportunity it made, its contact's later calls stay on its timeline, and the
// Account it went into links it to the other leads of that account (duplicate outreach looks there).

const REP = "005000000000CNV";
const OTHER_REP = "005000000000OTH";
const sf = (iso: string) => iso.replace("Z", "+0000");
let server: SalesforceContractServer;
let connectionId: number;

beforeAll(async () => {
  server = new SalesforceContractServer();
  await server.start();
  server.add("User", { Id: REP, Name: "Cora Convert", Email: "cora.convert@example.com" });
  server.add("User", { Id: OTHER_REP, Name: "Otis Other", Email: "otis.other@example.com" });
  server.add("Account", { Id: "001000000000GLX", Name: "Globex Corporation", Website: "https://www.globex-cnv.example" });
  server.add("Contact", { Id: "003000000000ANN", AccountId: "001000000000GLX", Email: "ann.cnv@gmail.com" });
  // Ann wrote from free mail: only the account she was converted into says she is Globex.
  server.add("Lead", {
    Id: "00Q000000000ANN",
    LastName: "Ann",
    Email: "ann.cnv@gmail.com",
    Company: "Ann's side project",
    Status: "Closed - Converted",
    OwnerId: REP,
    CreatedDate: sf("2026-03-02T09:00:00.000Z"),
    SystemModstamp: sf("2026-03-04T15:00:00.000Z"),
    IsConverted: true,
    ConvertedDate: "2026-03-04",
    ConvertedContactId: "003000000000ANN",
    ConvertedAccountId: "001000000000GLX",
    ConvertedOpportunityId: "006000000000OPP",
  });
  const history = (id: string, field: string, oldValue: string | null, newValue: string | null, at: string) =>
    server.add("LeadHistory", {
      Id: id,
      LeadId: "00Q000000000ANN",
      Field: field,
      OldValue: oldValue,
      NewValue: newValue,
      CreatedDate: sf(at),
      CreatedById: REP,
    });
  history("017CNV1", "Status", "Open - Not Contacted", "Working - Contacted", "2026-03-02T10:00:00.000Z");
  history("017CNV2", "Status", "Working - Contacted", "Closed - Converted", "2026-03-04T14:30:00.000Z");
  history("017CNV3", "leadConverted", null, null, "2026-03-04T14:30:00.000Z");
  // After conversion the rep calls the contact, not the lead.
  server.add("Task", {
    Id: "00TCNV1",
    WhoId: "003000000000ANN",
    OwnerId: REP,
    Subject: "Kick-off call",
    TaskSubtype: "Call",
    ActivityDate: null,
    CreatedDate: sf("2026-03-05T09:00:00.000Z"),
    Status: "Completed",
  });
  // Bob, at Globex by his email, was never converted: another rep works him.
  server.add("Lead", {
    Id: "00Q000000000BOB",
    LastName: "Bob",
    Email: "bob@globex-cnv.example",
    Status: "Working - Contacted",
    OwnerId: OTHER_REP,
    CreatedDate: sf("2026-03-03T09:00:00.000Z"),
    SystemModstamp: sf("2026-03-03T09:00:00.000Z"),
  });
  // Converted without an opportunity, from a status already mapped to qualified: one qualified event.
  server.add("Lead", {
    Id: "00Q000000000CAL",
    LastName: "Cal",
    Email: "cal@initech-cnv.example",
    Status: "Qualified",
    OwnerId: REP,
    CreatedDate: sf("2026-03-03T10:00:00.000Z"),
    SystemModstamp: sf("2026-03-05T10:00:00.000Z"),
    IsConverted: true,
    ConvertedDate: "2026-03-05",
    ConvertedContactId: "003000000000GONE",
    ConvertedAccountId: "001000000000GONE",
  });
  connectionId = await connectSalesforceContract(server, server.issueSession(), "Salesforce conversions");
});
afterAll(() => server.stop());

const timeline = async (externalId: string) =>
  (
    await db.lead.findFirstOrThrow({
      where: { sourceSystem: "salesforce", externalId },
      include: { events: { orderBy: [{ occurredAt: "asc" }, { id: "asc" }] } },
    })
  ).events.map((event) => [event.type, event.occurredAt.toISOString(), event.details]);

describe("Salesforce lead conversion", () => {
  it("a converted lead is qualified at its conversion with its opportunity, and its contact's calls stay on its timeline", async () => {
    expect(await runSalesforceSync(connectionId, "backfill")).toMatchObject({ status: "succeeded", recordsRead: 3 });
    expect(await timeline("00Q000000000ANN")).toEqual([
      ["captured", "2026-03-02T09:00:00.000Z", {}],
      ["assigned", "2026-03-02T09:00:00.000Z", { crmOwnerId: REP, ownerId: expect.any(String) }],
      ["accepted", "2026-03-02T10:00:00.000Z", { crmField: "Status", crmValue: "Working - Contacted" }],
      [
        "qualified",
        "2026-03-04T14:30:00.000Z",
        { converted: true, crmContactId: "003000000000ANN", crmAccountId: "001000000000GLX", crmOpportunityId: "006000000000OPP" },
      ],
      [
        "opportunity_created",
        "2026-03-04T14:30:00.000Z",
        { crmField: "Status", crmValue: "Closed - Converted", crmOpportunityId: "006000000000OPP" },
      ],
      ["contacted", "2026-03-05T09:00:00.000Z", { subject: "Kick-off call" }],
    ]);
  });

  it("the account the lead was converted into links it to the account's other leads", async () => {
    const [ann, bob] = await Promise.all(
      ["00Q000000000ANN", "00Q000000000BOB"].map((externalId) =>
        db.lead.findFirstOrThrow({ where: { sourceSystem: "salesforce", externalId }, include: { account: true } }),
      ),
    );
    expect(ann!.company).toBe("Globex Corporation");
    expect(ann!.account?.domain).toBe("globex-cnv.example");
    expect(bob!.accountId).toBe(ann!.accountId);
  });

  it("a conversion without an opportunity, from a status already mapped to qualified, is one qualified event at the status change", async () => {
    expect((await timeline("00Q000000000CAL")).map(([type]) => type)).toEqual(["captured", "assigned", "qualified"]);
  });

  it("a replay adds nothing", async () => {
    await db.syncConnection.update({ where: { id: connectionId }, data: { cursor: null } });
    expect(await runSalesforceSync(connectionId, "incremental")).toMatchObject({ status: "succeeded", leadsChanged: 0, eventsWritten: 0 });
  });
});
