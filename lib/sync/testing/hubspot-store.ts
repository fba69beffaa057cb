import type { EngagementType } from "@/lib/sync/hubspot/map";

// The data behind the HubSpot contract server: a portal's contacts (with every value each property ever
// held, newest first, as HubSpot keeps it), owners and engagements associated with contacts. Tests and
// the benchmark build portals through these helpers; the server answers from them.

export interface StoredHistoryValue {
  value: string;
  timestamp: Date;
  sourceType: string;
  sourceId?: string;
  updatedByUserId?: number;
}
export type HistorySource = Omit<StoredHistoryValue, "value" | "timestamp">;

/** Sets values, each kept in the property's history newest first, as HubSpot lists it. */
function record(
  target: { properties: Record<string, string>; history: Record<string, StoredHistoryValue[]> },
  values: Record<string, string>,
  at: Date,
  by: HistorySource,
): void {
  for (const [property, value] of Object.entries(values)) {
    target.properties[property] = value;
    (target.history[property] ??= []).unshift({ value, timestamp: at, ...by });
  }
}

export interface StoredContact {
  id: string;
  properties: Record<string, string>;
  history: Record<string, StoredHistoryValue[]>;
  createdAt: Date;
  updatedAt: Date;
  archivedAt?: Date;
}
export interface StoredOwner {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  userId: number;
}
export interface StoredEngagement {
  type: EngagementType;
  id: string;
  properties: Record<string, string>;
  contactIds: string[];
  createdAt: Date;
  updatedAt: Date;
}

/** A company (crm/v3/objects/companies), associated with contacts; its domain is the lead's account. */
export interface StoredCompany {
  id: string;
  properties: Record<string, string>;
  contactIds: string[];
  createdAt: Date;
  updatedAt: Date;
}

/** A record of HubSpot's Leads object (objectType 0-136), with its property history, associated with a contact. */
export interface StoredLead {
  id: string;
  properties: Record<string, string>;
  history: Record<string, StoredHistoryValue[]>;
  contactId: string;
  createdAt: Date;
  updatedAt: Date;
}

export class HubspotPortal {
  /** Whether the portal has the Leads object (Sales Hub Professional or Enterprise); without it HubSpot answers 404. */
  hasLeadObject = true;
  readonly leads = new Map<string, StoredLead>();
  readonly contacts = new Map<string, StoredContact>();
  readonly owners = new Map<string, StoredOwner>();
  readonly engagements = new Map<string, StoredEngagement>();
  readonly companies = new Map<string, StoredCompany>();
  /** Merged-away contact id -> the surviving contact (HubSpot answers reads of the old id with the survivor). */
  readonly mergedInto = new Map<string, string>();
  private readonly byContact = new Map<string, StoredEngagement[]>();
  private nextId = 1000;

  constructor(readonly portalId = 4_700_001) {}

  addOwner(owner: Omit<StoredOwner, "id" | "userId"> & { id?: string; userId?: number }): StoredOwner {
    const id = owner.id ?? String(this.nextId++);
    const stored = { ...owner, id, userId: owner.userId ?? Number(id) + 90_000 };
    this.owners.set(id, stored);
    return stored;
  }

  addContact(input: { id?: string; createdAt: Date; properties?: Record<string, string> }): StoredContact {
    const id = input.id ?? String(this.nextId++);
    const contact: StoredContact = { id, properties: {}, history: {}, createdAt: input.createdAt, updatedAt: input.createdAt };
    this.contacts.set(id, contact);
    this.setProperties(id, { createdate: input.createdAt.toISOString(), hs_object_id: id, ...input.properties }, input.createdAt, {
      sourceType: "CRM_UI",
    });
    return contact;
  }

  /** Changes properties at a time, by a user (or a workflow), recording history and the modification time. */
  setProperties(contactId: string, values: Record<string, string>, at: Date, by: HistorySource): void {
    const contact = this.contacts.get(contactId);
    if (!contact) throw new Error(`no contact ${contactId}`);
    record(contact, values, at, by);
    this.touch(contact, at);
  }

  /** A lead (the Leads object) for a contact, in its pipeline's first stage unless told otherwise. */
  addLead(contactId: string, properties: Record<string, string>, at: Date, by: HistorySource = { sourceType: "CRM_UI" }): StoredLead {
    const id = String(this.nextId++);
    const lead: StoredLead = { id, properties: {}, history: {}, contactId, createdAt: at, updatedAt: at };
    this.leads.set(id, lead);
    this.setLeadProperties(
      id,
      { hs_object_id: id, hs_pipeline: "lead-pipeline-id", hs_pipeline_stage: "new-stage-id", ...properties },
      at,
      by,
    );
    return lead;
  }

  /** Changes a lead's properties (its stage, its owner) with their history; the contact is not modified by it, as in HubSpot. */
  setLeadProperties(leadId: string, values: Record<string, string>, at: Date, by: HistorySource): void {
    const lead = this.leads.get(leadId)!;
    record(lead, values, at, by);
    if (at > lead.updatedAt) lead.updatedAt = at;
    lead.properties.hs_lastmodifieddate = lead.updatedAt.toISOString();
    lead.properties.hs_createdate = lead.createdAt.toISOString();
  }

  leadsOf(contactId: string): StoredLead[] {
    return [...this.leads.values()].filter((lead) => lead.contactId === contactId);
  }

  addEngagement(type: EngagementType, contactIds: string[], properties: Record<string, string>, at: Date): StoredEngagement {
    const engagement: StoredEngagement = {
      type,
      id: String(this.nextId++),
      properties: { hs_createdate: at.toISOString(), ...properties },
      contactIds,
      createdAt: at,
      updatedAt: at,
    };
    this.engagements.set(engagement.id, engagement);
    for (const contactId of contactIds) this.byContact.set(contactId, [...(this.byContact.get(contactId) ?? []), engagement]);
    // An association changes the contact's modification time, so incremental syncs see it.
    for (const contactId of contactIds) this.touch(this.contacts.get(contactId)!, at);
    return engagement;
  }

  addCompany(properties: Record<string, string>, contactIds: string[], at: Date): StoredCompany {
    const company: StoredCompany = { id: String(this.nextId++), properties, contactIds, createdAt: at, updatedAt: at };
    this.companies.set(company.id, company);
    for (const contactId of contactIds) this.touch(this.contacts.get(contactId)!, at);
    return company;
  }

  companiesOf(contactId: string): StoredCompany[] {
    return [...this.companies.values()].filter((company) => company.contactIds.includes(contactId));
  }

  archive(contactId: string, at: Date): void {
    const contact = this.contacts.get(contactId)!;
    contact.archivedAt = at;
    contact.updatedAt = at;
  }

  /** HubSpot's merge: the survivor keeps both ids (hs_merged_object_ids), the merged-away record disappears. */
  merge(survivorId: string, mergedId: string, at: Date): void {
    const merged = this.contacts.get(mergedId)!;
    this.contacts.delete(mergedId);
    this.mergedInto.set(mergedId, survivorId);
    const survivor = this.contacts.get(survivorId)!;
    const ids = [survivor.properties.hs_merged_object_ids, mergedId].filter(Boolean).join(";");
    this.setProperties(survivorId, { hs_merged_object_ids: ids }, at, { sourceType: "CRM_UI" });
    for (const engagement of this.byContact.get(merged.id) ?? []) {
      engagement.contactIds = engagement.contactIds.map((id) => (id === merged.id ? survivorId : id));
      this.byContact.set(survivorId, [...(this.byContact.get(survivorId) ?? []), engagement]);
    }
    this.byContact.delete(merged.id);
  }

  engagementsOf(contactId: string, type: EngagementType): StoredEngagement[] {
    return (this.byContact.get(contactId) ?? []).filter((engagement) => engagement.type === type);
  }

  private touch(contact: StoredContact, at: Date): void {
    if (at > contact.updatedAt) contact.updatedAt = at;
    contact.properties.lastmodifieddate = contact.updatedAt.toISOString();
  }
}
