import { describe, expect, it } from "vitest";
import { mapEngagement } from "@/lib/sync/hubspot/engagements";
import { mapContact, ownerContext, type HubspotContact, type MappingContext } from "@/lib/sync/hubspot/map";
import { emptyBatch } from "@/lib/sync/types";
import { stateLookup } from "@/lib/sync/value-mapping";

const owners = [
  { id: "501", email: "ada@example.com", firstName: "Ada", lastName: "Rep", userId: 9001 },
  { id: "502", email: "bo@example.com", firstName: "Bo", lastName: "Rep", userId: 9002 },
];
const context: MappingContext = {
  ...ownerContext(owners),
  states: stateLookup("hubspot", { states: { rejected_bad_fit: "rejected" } }),
  reasonField: "rejection_reason",
};
const at = (iso: string) => new Date(iso);

function contact(overrides: Partial<HubspotContact> = {}): HubspotContact {
  return {
    id: "101",
    createdAt: at("2026-03-02T09:00:00Z"),
    updatedAt: at("2026-03-03T10:00:00Z"),
    properties: {
      firstname: "Grace",
      lastname: "Buyer",
      email: "Grace@Buyer.io",
      createdate: "2026-03-02T09:00:00Z",
      hubspot_owner_id: "502",
      hs_lead_status: "IN_PROGRESS",
      lifecyclestage: "lead",
      hs_analytics_source: "ORGANIC_SEARCH",
    },
    // HubSpot lists history newest first.
    propertiesWithHistory: {
      hubspot_owner_id: [
        { value: "502", timestamp: at("2026-03-02T11:00:00Z"), sourceType: "CRM_UI", updatedByUserId: 9001 },
        { value: "501", timestamp: at("2026-03-02T09:05:00Z"), sourceType: "AUTOMATION_PLATFORM", sourceId: "workflow:7" },
      ],
      hs_lead_status: [
        { value: "IN_PROGRESS", timestamp: at("2026-03-02T12:00:00Z"), sourceType: "CRM_UI", updatedByUserId: 9002 },
        { value: "NEW", timestamp: at("2026-03-02T09:00:00Z"), sourceType: "CRM_UI" },
      ],
      lifecyclestage: [{ value: "lead", timestamp: at("2026-03-02T09:00:00Z"), sourceType: "CRM_UI" }],
    },
    ...overrides,
  };
}

describe("a HubSpot contact's timeline from its property history", () => {
  it("owner changes become assigned then reassigned at their timestamps, by their actor; statuses through the value mapping", () => {
    const batch = emptyBatch();
    mapContact(contact(), context, batch);
    const timeline = batch.events.map((event) => [
      event.type,
      event.occurredAt.toISOString(),
      event.actorExternalId ?? null,
      event.actorName ?? null,
      event.ownerExternalId ?? null,
    ]);
    expect(timeline).toEqual([
      ["captured", "2026-03-02T09:00:00.000Z", null, "HubSpot", null],
      ["assigned", "2026-03-02T09:05:00.000Z", null, "HubSpot workflow", "501"],
      ["reassigned", "2026-03-02T11:00:00.000Z", "501", null, "502"],
      ["accepted", "2026-03-02T12:00:00.000Z", "502", null, null],
    ]);
    expect(batch.leads[0]).toMatchObject({
      externalId: "101",
      name: "Grace Buyer",
      email: "Grace@Buyer.io",
      originalSource: "organic_search",
    });
    expect(batch.issues).toEqual([]);
    // The same contact always gives the same event ids (a replay finds them all).
    const again = emptyBatch();
    mapContact(contact(), context, again);
    expect(again.events.map((event) => event.externalId)).toEqual(batch.events.map((event) => event.externalId));
  });

  it("a status nobody mapped is listed, never guessed, and writes no event; a mapped custom value does", () => {
    const batch = emptyBatch();
    mapContact(
      contact({
        properties: { ...contact().properties, hs_lead_status: "REJECTED_BAD_FIT", rejection_reason: "No budget this year" },
        propertiesWithHistory: {
          hs_lead_status: [
            { value: "REJECTED_BAD_FIT", timestamp: at("2026-03-04T08:00:00Z"), sourceType: "CRM_UI", updatedByUserId: 9002 },
            { value: "PARKED_SOMEWHERE", timestamp: at("2026-03-03T08:00:00Z"), sourceType: "CRM_UI" },
          ],
        },
      }),
      context,
      batch,
    );
    expect(batch.issues).toEqual([
      expect.objectContaining({ recordId: "101", kind: "unmapped_value", field: "hs_lead_status", value: "PARKED_SOMEWHERE" }),
    ]);
    expect(batch.events.filter((event) => event.type !== "captured").map((event) => event.type)).toEqual(["rejected"]);
    expect(batch.events.find((event) => event.type === "rejected")).toMatchObject({
      occurredAt: at("2026-03-04T08:00:00Z"),
      actorExternalId: "502",
      details: { reasonDetail: "No budget this year" },
    });
  });

  it("an owner id the owners endpoint does not know is listed and the assignment kept without a person", () => {
    const batch = emptyBatch();
    mapContact(
      contact({
        propertiesWithHistory: { hubspot_owner_id: [{ value: "999", timestamp: at("2026-03-02T09:05:00Z"), sourceType: "CRM_UI" }] },
      }),
      context,
      batch,
    );
    expect(batch.events.find((event) => event.type === "assigned")).toMatchObject({
      ownerExternalId: null,
      details: { crmOwnerId: "999" },
    });
    expect(batch.issues).toEqual([expect.objectContaining({ kind: "unknown_owner", value: "999" })]);
  });

  it("merged-away ids on the surviving contact are reported as removed, pointing at the survivor", () => {
    const batch = emptyBatch();
    mapContact(
      contact({ properties: { ...contact().properties, hs_merged_object_ids: "77;101", lastmodifieddate: "2026-03-05T00:00:00Z" } }),
      context,
      batch,
    );
    expect(batch.removed).toEqual([{ externalId: "77", removedAt: at("2026-03-05T00:00:00Z"), mergedInto: "101" }]);
  });
});

describe("engagements", () => {
  it("calls and outgoing emails are the owner's contacts, meetings are booked, tasks set the next action; incoming email is not a sales action", () => {
    const batch = emptyBatch();
    mapEngagement(
      {
        type: "calls",
        id: "c1",
        properties: { hs_timestamp: "2026-03-02T13:00:00Z", hubspot_owner_id: "502", hs_call_direction: "OUTBOUND" },
      },
      "101",
      context,
      batch,
    );
    mapEngagement(
      {
        type: "emails",
        id: "e1",
        properties: { hs_timestamp: "2026-03-02T14:00:00Z", hubspot_owner_id: "502", hs_email_direction: "EMAIL" },
      },
      "101",
      context,
      batch,
    );
    mapEngagement(
      { type: "emails", id: "e2", properties: { hs_timestamp: "2026-03-02T15:00:00Z", hs_email_direction: "INCOMING_EMAIL" } },
      "101",
      context,
      batch,
    );
    mapEngagement(
      {
        type: "meetings",
        id: "m1",
        properties: {
          hs_timestamp: "2026-03-09T10:00:00Z",
          hs_createdate: "2026-03-02T16:00:00Z",
          hubspot_owner_id: "502",
          hs_meeting_start_time: "2026-03-09T10:00:00Z",
        },
      },
      "101",
      context,
      batch,
    );
    mapEngagement(
      {
        type: "tasks",
        id: "t1",
        properties: {
          hs_timestamp: "2026-03-06T09:00:00Z",
          hs_createdate: "2026-03-02T17:00:00Z",
          hubspot_owner_id: "502",
          hs_task_subject: "Send pricing",
        },
      },
      "101",
      context,
      batch,
    );
    expect(batch.events.map((event) => [event.type, event.channel ?? null, event.occurredAt.toISOString(), event.actorExternalId])).toEqual(
      [
        ["contacted", "call", "2026-03-02T13:00:00.000Z", "502"],
        ["contacted", "email", "2026-03-02T14:00:00.000Z", "502"],
        ["meeting_booked", "meeting", "2026-03-02T16:00:00.000Z", "502"],
        ["next_action_set", null, "2026-03-02T17:00:00.000Z", "502"],
      ],
    );
    expect(batch.events[3]!.details).toMatchObject({ nextAction: "Send pricing", dueAt: "2026-03-06T09:00:00.000Z" });
  });
});
