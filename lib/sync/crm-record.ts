import "server-only";
import { pool } from "@/lib/db";

// A synced lead's ties to its CRM, for the lead page: the link to its record ("Open in HubSpot"), the
// mark when the CRM deleted it or merged it into another record (with the surviving lead, when Baton has
// it), and its owner's CRM identity with a link to that person in the CRM.

export interface CrmLink {
  label: string;
  href: string;
}

export interface CrmRecordView {
  link: CrmLink | null;
  removal: { at: Date; mergedInto: string | null; survivorLeadId: number | null; crm: string } | null;
  owner: { externalId: string; link: CrmLink | null } | null;
}

const CRM_NAMES: Record<string, string> = { hubspot: "HubSpot", salesforce: "Salesforce" };

export function hubspotContactUrl(portalId: string, contactId: string): string {
  return `https://app.hubspot.com/contacts/${encodeURIComponent(portalId)}/record/0-1/${encodeURIComponent(contactId)}`;
}

/** HubSpot has no page per owner id: its Users & Teams settings list every owner of the portal. */
function hubspotUsersUrl(portalId: string): string {
  return `https://app.hubspot.com/settings/${encodeURIComponent(portalId)}/users`;
}

/** Salesforce Lightning's record page, on the org's own instance. */
function salesforceRecordUrl(instanceUrl: string, object: "Lead" | "User", id: string): string {
  return `${instanceUrl.replace(/\/+$/, "")}/lightning/r/${object}/${encodeURIComponent(id)}/view`;
}

export async function crmRecordFor(leadId: number): Promise<CrmRecordView | null> {
  const { rows } = await pool.query<{
    source_system: string;
    external_id: string;
    crm_removed_at: Date | null;
    crm_merged_into: string | null;
    survivor_id: number | null;
    owner_external_id: string | null;
    account_id: string | null;
    base_url: string | null;
  }>(
    `SELECT l.source_system, l.external_id, l.crm_removed_at, l.crm_merged_into, s.id AS survivor_id,
       (SELECT pi.external_id FROM person_identities pi
         WHERE pi.user_id = l.owner_id AND pi.source_system = l.source_system AND pi.external_id IS NOT NULL ORDER BY pi.id LIMIT 1) AS owner_external_id,
       c.account_id, c.base_url
     FROM leads l
     LEFT JOIN leads s ON s.source_system = l.source_system AND s.external_id = l.crm_merged_into
     LEFT JOIN LATERAL (SELECT account_id, base_url FROM sync_connections
       WHERE provider::text = l.source_system AND status <> 'revoked' ORDER BY id LIMIT 1) c ON true
     WHERE l.id = $1 AND l.source_system IN ('hubspot', 'salesforce')`,
    [leadId],
  );
  const row = rows[0];
  if (!row) return null;
  const crm = CRM_NAMES[row.source_system]!;
  const portal = row.source_system === "hubspot" ? row.account_id : null;
  const instance = row.source_system === "salesforce" ? row.base_url : null;
  const recordLink = (id: string): CrmLink | null =>
    portal
      ? { label: `Open in ${crm}`, href: hubspotContactUrl(portal, id) }
      : instance
        ? { label: `Open in ${crm}`, href: salesforceRecordUrl(instance, "Lead", id) }
        : null;
  const ownerLink = (id: string): CrmLink | null =>
    portal
      ? { label: `${crm} owner ${id}`, href: hubspotUsersUrl(portal) }
      : instance
        ? { label: `${crm} user ${id}`, href: salesforceRecordUrl(instance, "User", id) }
        : null;
  return {
    // A deleted record has no page left in the CRM; a merged one's page is the survivor's.
    link: row.crm_removed_at ? (row.crm_merged_into ? recordLink(row.crm_merged_into) : null) : recordLink(row.external_id),
    removal: row.crm_removed_at ? { at: row.crm_removed_at, mergedInto: row.crm_merged_into, survivorLeadId: row.survivor_id, crm } : null,
    owner: row.owner_external_id ? { externalId: row.owner_external_id, link: ownerLink(row.owner_external_id) } : null,
  };
}
