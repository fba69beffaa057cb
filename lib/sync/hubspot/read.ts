import { FilterOperatorEnum } from "@hubspot/api-client/lib/codegen/crm/contacts";
import type { HubspotApi } from "@/lib/sync/hubspot/client";
import {
  CONTACT_PROPERTIES,
  ENGAGEMENT_PROPERTIES,
  ENGAGEMENT_TYPES,
  HISTORY_PROPERTIES,
  type HubspotContact,
  type HubspotEngagement,
  type HubspotOwner,
} from "@/lib/sync/hubspot/map";
import { SyncSourceError } from "@/lib/sync/source-errors";
import type { RemovedRecord } from "@/lib/sync/types";

// Reads from a HubSpot portal through the official client: pages of contact ids (the full list for a
// backfill, a search by modification time for an incremental sync), then each page's contacts with their
// property history, their associated engagements and those engagements' properties, in batches.

/** With propertiesWithHistory HubSpot reads at most 50 records per call. */
export const PAGE_SIZE = 50;
/** HubSpot's search stops at 10,000 results: past that, search again from the last time reached. */
export const SEARCH_WINDOW = 10_000;

export interface IdPage {
  ids: string[];
  next: string | null;
  /** The latest modification time on the page (search pages only). */
  lastModified?: Date;
  total?: number;
}

export async function readOwners(api: HubspotApi): Promise<HubspotOwner[]> {
  const owners: HubspotOwner[] = [];
  let after: string | undefined;
  do {
    const page = await api.call((client) => client.crm.owners.ownersApi.getPage(undefined, after, 100, false));
    owners.push(
      ...page.results.map((owner) => ({
        id: owner.id,
        email: owner.email,
        firstName: owner.firstName,
        lastName: owner.lastName,
        userId: owner.userId,
        archived: owner.archived,
      })),
    );
    after = page.paging?.next?.after;
  } while (after);
  return owners;
}

export async function listContactIds(api: HubspotApi, after: string | null): Promise<IdPage> {
  const page = await api.call((client) =>
    client.crm.contacts.basicApi.getPage(PAGE_SIZE, after ?? undefined, ["hs_object_id"], undefined, undefined, false),
  );
  return { ids: page.results.map((contact) => contact.id), next: page.paging?.next?.after ?? null };
}

export async function searchModifiedSince(api: HubspotApi, since: Date, after: string | null): Promise<IdPage> {
  const page = await api.call((client) =>
    client.crm.contacts.searchApi.doSearch({
      filterGroups: [{ filters: [{ propertyName: "lastmodifieddate", operator: FilterOperatorEnum.Gte, value: String(since.getTime()) }] }],
      // The search reference takes sort objects; the generated model types them as strings.
      sorts: [{ propertyName: "lastmodifieddate", direction: "ASCENDING" }] as unknown as string[],
      properties: ["lastmodifieddate"],
      limit: PAGE_SIZE,
      ...(after ? { after } : {}),
    }),
  );
  const times = page.results.map((contact) => contact.updatedAt.getTime());
  return {
    ids: page.results.map((contact) => contact.id),
    next: page.paging?.next?.after ?? null,
    total: page.total,
    ...(times.length ? { lastModified: new Date(Math.max(...times)) } : {}),
  };
}

/** `extraProperties`: the connection's own fields (the rejection reason's property) read along with ours. */
export async function readContacts(
  api: HubspotApi,
  ids: readonly string[],
  extraProperties: readonly string[] = [],
): Promise<HubspotContact[]> {
  if (ids.length === 0) return [];
  const response = await api.call((client) =>
    client.crm.contacts.batchApi.read(
      {
        inputs: ids.map((id) => ({ id })),
        properties: [...CONTACT_PROPERTIES, ...extraProperties],
        propertiesWithHistory: HISTORY_PROPERTIES,
      },
      false,
    ),
  );
  return response.results.map((contact) => ({
    id: contact.id,
    properties: contact.properties,
    propertiesWithHistory: contact.propertiesWithHistory,
    createdAt: contact.createdAt,
    updatedAt: contact.updatedAt,
    archived: contact.archived,
  }));
}

/** Every engagement associated with these contacts, with the contact it belongs to. */
export async function readEngagements(
  api: HubspotApi,
  contactIds: readonly string[],
): Promise<{ contactId: string; engagement: HubspotEngagement }[]> {
  if (contactIds.length === 0) return [];
  // The four engagement types are independent: read side by side (each call still backs off on its own).
  const perType = await Promise.all(
    ENGAGEMENT_TYPES.map(async (type) => {
      const out: { contactId: string; engagement: HubspotEngagement }[] = [];
      const links = await api.call((client) =>
        client.crm.associations.v4.batchApi.getPage("contacts", type, { inputs: contactIds.map((id) => ({ id })) }),
      );
      const byEngagement = new Map<string, string[]>();
      for (const result of links.results) {
        for (const target of result.to)
          byEngagement.set(String(target.toObjectId), [...(byEngagement.get(String(target.toObjectId)) ?? []), result._from.id]);
      }
      const ids = [...byEngagement.keys()];
      for (let start = 0; start < ids.length; start += 100) {
        const chunk = ids.slice(start, start + 100);
        const read = await api.call((client) =>
          client.crm.objects[type].batchApi.read(
            { inputs: chunk.map((id) => ({ id })), properties: ENGAGEMENT_PROPERTIES[type], propertiesWithHistory: [] },
            false,
          ),
        );
        for (const record of read.results) {
          for (const contactId of byEngagement.get(record.id) ?? [])
            out.push({ contactId, engagement: { type, id: record.id, properties: record.properties } });
        }
      }
      return out;
    }),
  );
  return perType.flat();
}

/**
 * Each contact's company (the primary one, HubSpot's association type 1, else the first), whose domain is
 * the lead's account for the duplicate-outreach rule. A token without the companies scope reads none: the
 * account then comes from the contact's email domain, as before.
 */
export async function readContactCompanies(
  api: HubspotApi,
  contactIds: readonly string[],
): Promise<Map<string, { domain: string | null; name: string | null }>> {
  const companies = new Map<string, { domain: string | null; name: string | null }>();
  if (contactIds.length === 0) return companies;
  try {
    const links = await api.call((client) =>
      client.crm.associations.v4.batchApi.getPage("contacts", "companies", { inputs: contactIds.map((id) => ({ id })) }),
    );
    const companyOf = new Map<string, string>();
    for (const result of links.results) {
      const primary = result.to.find((target) => target.associationTypes.some((type) => type.typeId === 1)) ?? result.to[0];
      if (primary) companyOf.set(result._from.id, String(primary.toObjectId));
    }
    const ids = [...new Set(companyOf.values())];
    const read = new Map<string, { domain: string | null; name: string | null }>();
    for (let start = 0; start < ids.length; start += 100) {
      const page = await api.call((client) =>
        client.crm.companies.batchApi.read(
          { inputs: ids.slice(start, start + 100).map((id) => ({ id })), properties: ["domain", "name"], propertiesWithHistory: [] },
          false,
        ),
      );
      for (const company of page.results)
        read.set(company.id, { domain: company.properties.domain ?? null, name: company.properties.name ?? null });
    }
    for (const [contactId, companyId] of companyOf) {
      const company = read.get(companyId);
      if (company) companies.set(contactId, company);
    }
  } catch (error) {
    if (!(error instanceof SyncSourceError && error.kind === "scope")) throw error;
  }
  return companies;
}

/** Contacts the portal deleted (archived), so their leads are marked rather than left looking current. */
export async function readArchivedContacts(api: HubspotApi): Promise<RemovedRecord[]> {
  const removed: RemovedRecord[] = [];
  let after: string | undefined;
  do {
    const page = await api.call((client) => client.crm.contacts.basicApi.getPage(100, after, ["hs_object_id"], undefined, undefined, true));
    removed.push(...page.results.map((contact) => ({ externalId: contact.id, removedAt: contact.archivedAt ?? contact.updatedAt })));
    after = page.paging?.next?.after;
  } while (after);
  return removed;
}
