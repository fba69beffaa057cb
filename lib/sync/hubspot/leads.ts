import { FilterOperatorEnum } from "@hubspot/api-client/lib/codegen/crm/objects";
import type { HubspotApi } from "@/lib/sync/hubspot/client";
import { chronological, parseDate, stateHistoryEvents, text, type HistoryValue, type MappingContext } from "@/lib/sync/hubspot/map";
import { SyncSourceError } from "@/lib/sync/source-errors";
import type { MappedBatch } from "@/lib/sync/types";

// HubSpot's Leads object (objectTypeId 0-136, Sales Hub Professional and Enterprise), read through the
// client's generic objects API: each contact's leads with their pipeline stage history. A stage change
// is the sales decision on the contact's lead (accepted, qualified, disqualified) through the same value
// mapping as the contact's lead status; a portal without the object, or a token without its scope, is
// noted and the contacts sync on without it.

export const LEAD_OBJECT = "0-136";
export const LEAD_OBJECT_PROPERTIES = ["hs_lead_name", "hs_pipeline", "hs_pipeline_stage", "hubspot_owner_id"];
const STAGE = "hs_pipeline_stage";
/** With propertiesWithHistory HubSpot reads at most 50 records per batch. */
const HISTORY_BATCH = 50;

export interface HubspotLeadRecord {
  id: string;
  /** The contact (Baton's lead) the lead object belongs to. */
  contactId: string;
  properties: Record<string, string | null | undefined>;
  propertiesWithHistory?: Record<string, HistoryValue[]>;
}

/** Null when the portal has the Leads object and the token may read it; otherwise what the run notes. */
export async function leadObjectUnavailable(api: HubspotApi): Promise<string | null> {
  try {
    return await api.call((client) =>
      client.crm.objects.basicApi.getPage(LEAD_OBJECT, 1, undefined, ["hs_lead_name"]).then(
        () => null,
        (error: unknown) => {
          const { code, body } = (error ?? {}) as { code?: number; body?: { category?: string } };
          if (code === 404 || code === 400 || (code === 403 && body?.category !== "MISSING_SCOPES"))
            return "HubSpot's lead object is not available on this portal (it comes with Sales Hub Professional or Enterprise): contacts were synced without it.";
          throw error;
        },
      ),
    );
  } catch (error) {
    if (error instanceof SyncSourceError && error.kind === "scope")
      return "The token cannot read HubSpot's lead object (scope crm.objects.leads.read): contacts were synced without lead stages.";
    throw error;
  }
}

/** The lead objects associated with these contacts, with their stage history. */
export async function readContactLeads(api: HubspotApi, contactIds: readonly string[]): Promise<HubspotLeadRecord[]> {
  if (contactIds.length === 0) return [];
  const links = await api.call((client) =>
    client.crm.associations.v4.batchApi.getPage("contacts", LEAD_OBJECT, { inputs: contactIds.map((id) => ({ id })) }),
  );
  const contactOf = new Map<string, string>();
  for (const result of links.results)
    for (const target of result.to)
      if (!contactOf.has(String(target.toObjectId))) contactOf.set(String(target.toObjectId), result._from.id);
  const ids = [...contactOf.keys()];
  const leads: HubspotLeadRecord[] = [];
  for (let start = 0; start < ids.length; start += HISTORY_BATCH) {
    const read = await api.call((client) =>
      client.crm.objects.batchApi.read(
        LEAD_OBJECT,
        {
          inputs: ids.slice(start, start + HISTORY_BATCH).map((id) => ({ id })),
          properties: LEAD_OBJECT_PROPERTIES,
          propertiesWithHistory: [STAGE],
        },
        false,
      ),
    );
    for (const lead of read.results)
      leads.push({
        id: lead.id,
        contactId: contactOf.get(lead.id)!,
        properties: lead.properties,
        propertiesWithHistory: lead.propertiesWithHistory,
      });
  }
  return leads;
}

/** The contacts whose lead objects changed since `since` (a stage change does not modify the contact itself). */
export async function readLeadsModifiedSince(api: HubspotApi, since: Date): Promise<string[]> {
  const leadIds: string[] = [];
  let after: string | undefined;
  do {
    const page = await api.call((client) =>
      client.crm.objects.searchApi.doSearch(LEAD_OBJECT, {
        filterGroups: [
          { filters: [{ propertyName: "hs_lastmodifieddate", operator: FilterOperatorEnum.Gte, value: String(since.getTime()) }] },
        ],
        // The search reference takes sort objects; the generated model types them as strings.
        sorts: [{ propertyName: "hs_lastmodifieddate", direction: "ASCENDING" }] as unknown as string[],
        properties: ["hs_lastmodifieddate"],
        limit: 200,
        ...(after ? { after } : {}),
      }),
    );
    leadIds.push(...page.results.map((lead) => lead.id));
    after = page.paging?.next?.after;
  } while (after);
  const contactIds = new Set<string>();
  for (let start = 0; start < leadIds.length; start += 1000) {
    const links = await api.call((client) =>
      client.crm.associations.v4.batchApi.getPage(LEAD_OBJECT, "contacts", {
        inputs: leadIds.slice(start, start + 1000).map((id) => ({ id })),
      }),
    );
    for (const result of links.results) for (const target of result.to) contactIds.add(String(target.toObjectId));
  }
  return [...contactIds];
}

/**
 * A lead object's stage history -> decision events on its contact's timeline, after the contact's own
 * events are mapped: a decision the contact's lead status already recorded is not written twice.
 */
export function mapLeadRecord(lead: HubspotLeadRecord, context: MappingContext, batch: MappedBatch): void {
  const history = chronological(lead.propertiesWithHistory?.[STAGE]);
  const current = text(lead.properties[STAGE]);
  const entries = history.length
    ? history
    : current
      ? [{ value: current, timestamp: parseDate(lead.properties.hs_lastmodifieddate) ?? new Date(0), sourceType: "CRM_UI" }]
      : [];
  const ids = { recordId: lead.contactId, leadExternalId: lead.contactId, externalIdPrefix: `lead-object:${lead.id}` };
  const recorded = new Set(batch.events.filter((event) => event.leadExternalId === lead.contactId).map((event) => event.type));
  for (const event of stateHistoryEvents(entries, STAGE, ids, context, batch)) {
    if (recorded.has(event.type)) continue;
    recorded.add(event.type);
    batch.events.push({ ...event, details: { ...event.details, crmLeadId: lead.id, leadName: text(lead.properties.hs_lead_name) } });
  }
}
