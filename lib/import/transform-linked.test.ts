import { describe, expect, it } from "vitest";
import { buildChoiceIndex } from "@/lib/import/choices";
import { linkedPersonRef } from "@/lib/import/linked-fields";
import { suggestLinkedMapping } from "@/lib/import/linked-suggest";
import { compileMapping } from "@/lib/import/mapping";
import { transformLinkedRow } from "@/lib/import/transform-linked";

// A linked file's row: its key, one event per dated column, each acted by the owner of that event (or
// the row's owner), and the same event ids every time, so a re-import finds them.

const choices = buildChoiceIndex({
  users: [{ id: 7, name: "Riley Chen", email: "riley@example.com" }],
  leadTypes: [],
  rejectionReasons: [],
  sources: [],
  objections: [],
});
const headers = ["mql_id", "sdr_id", "sr_id", "qualified_at", "won_date", "Deal"];
const context = {
  mapping: compileMapping(
    "deals",
    headers,
    {
      columns: {
        mql_id: "linkKey",
        sdr_id: "actor:qualified",
        sr_id: "actor",
        qualified_at: "event:qualified",
        won_date: "event:won",
        Deal: "subject",
      },
      values: {},
      dateFormats: {},
    },
    "generic",
  ),
  choices,
  timeZone: "UTC",
  sourceSystem: "olist",
};

describe("transformLinkedRow", () => {
  it("gives one event per dated column, each with its owner", () => {
    const cells = ["m-1", "a8387c01a09e99ce", "riley@example.com", "2018-02-01 10:00", "2018-02-26 19:58:54", "Pet shop"];
    const result = transformLinkedRow(cells, 2, context);
    expect(result.issues).toEqual([]);
    expect(result.key).toBe("m-1");
    expect(result.events.map((event) => [event.type, event.occurredAt.toISOString(), event.actorId, event.person?.ref])).toEqual([
      ["qualified", "2018-02-01T10:00:00.000Z", null, { externalId: "a8387c01a09e99ce" }],
      ["won", "2018-02-26T19:58:54.000Z", 7, undefined],
    ]);
    expect(result.events[1]).toMatchObject({
      externalId: "deals:key:m-1#won#won_date",
      details: { importedFrom: "deals", subject: "Pet shop" },
    });
    expect(transformLinkedRow(cells, 9, context).events.map((event) => event.externalId)).toEqual(
      result.events.map((event) => event.externalId),
    );
  });

  it("refuses a row without a key or without any date, and leaves out an unreadable date with a warning", () => {
    expect(transformLinkedRow(["", "", "", "2018-02-01", "", ""], 3, context).issues[0]).toMatchObject({
      severity: "error",
      message: "No key: the row cannot be linked to a lead.",
    });
    expect(transformLinkedRow(["m-2", "", "", "", "", ""], 4, context).issues[0]).toMatchObject({
      severity: "error",
      message: "No date in any of the event columns: nothing to add to the lead's timeline.",
    });
    const partly = transformLinkedRow(["m-3", "", "", "2018-02-30", "2018-03-01", ""], 5, context);
    expect(partly.events.map((event) => event.type)).toEqual(["won"]);
    expect(partly.issues).toEqual([expect.objectContaining({ severity: "warning", column: "qualified_at" })]);
  });
});

describe("linkedPersonRef", () => {
  it("reads an email, a CRM user id or a name", () => {
    expect(linkedPersonRef("ana@example.com")).toEqual({ email: "ana@example.com" });
    expect(linkedPersonRef("4ef15afb4b2723d8f3d81e51ec7afefe")).toEqual({ externalId: "4ef15afb4b2723d8f3d81e51ec7afefe" });
    expect(linkedPersonRef("Roger Terrence")).toEqual({ name: "Roger Terrence" });
  });
});

describe("suggestLinkedMapping", () => {
  it("links by the column the leads file shares, referring to it unless it is the lead's external id", () => {
    const empty = { columns: {}, values: {}, dateFormats: { won_date: "iso" as const } };
    const byId = suggestLinkedMapping(["mql_id", "won_date"], empty, {
      headers: ["mql_id"],
      mapping: { ...empty, columns: { mql_id: "externalId" } },
    });
    expect(byId).toMatchObject({ columns: { mql_id: "linkKey", won_date: "event:won" } });
    expect(byId.linksTo).toBeUndefined();
    expect(suggestLinkedMapping(["mql_id", "won_date"], empty, { headers: ["mql_id"] }).linksTo).toBe("mql_id");
  });
});
