import "server-only";
import { db } from "@/lib/db";
import { HubspotApi, type HubspotCredentials } from "@/lib/sync/hubspot/client";
import { mapEngagement } from "@/lib/sync/hubspot/engagements";
import {
  leadObjectUnavailable,
  mapLeadRecord,
  readContactLeads,
  readLeadsModifiedSince,
  type HubspotLeadRecord,
} from "@/lib/sync/hubspot/leads";
import { mapContact, ownerContext, ownerRef, SOURCE_SYSTEM, type HubspotContact, type MappingContext } from "@/lib/sync/hubspot/map";
import {
  listContactIds,
  readArchivedContacts,
  readContactCompanies,
  readContacts,
  readEngagements,
  readOwners,
  searchModifiedSince,
  SEARCH_WINDOW,
  type IdPage,
} from "@/lib/sync/hubspot/read";
import { SyncSourceError } from "@/lib/sync/source-errors";
import { inTransaction } from "@/lib/db/transaction";
import { endRun, loadConnection, saveCredentials, startRun, type RunKind, type SyncSummary, type SyncTotals } from "@/lib/sync/store";
import { emptyBatch, type MappedBatch } from "@/lib/sync/types";
import { parseConnectionMapping, stateLookup } from "@/lib/sync/value-mapping";
import { resolveSyncPeople, writeSyncPage } from "@/lib/sync/write";

// One HubSpot sync pass. A backfill pages through every contact; an incremental sync searches the
// contacts modified since the stored cursor; a record sync reads given ids (a webhook, "re-sync this
// record"). Each page is read, mapped and written in one transaction together with the cursor that
// follows it, so a crash or restart resumes at the first page not committed and never skips one.

export type { SyncSummary };

/** HubSpot pages (of PAGE_SIZE contacts) a backfill writes per transaction: per-statement costs are paid per group, not per page. */
export const PAGES_PER_WRITE = 10;

type PageRead = { contacts: HubspotContact[]; leads: HubspotLeadRecord[]; engagements: Awaited<ReturnType<typeof readEngagements>> };

export async function runHubspotSync(
  connectionId: number,
  kind: RunKind,
  recordIds: readonly string[] = [],
  { pagesPerWrite = PAGES_PER_WRITE }: { pagesPerWrite?: number } = {},
): Promise<SyncSummary> {
  const { connection, credentials } = await loadConnection<HubspotCredentials>(connectionId);
  const api = new HubspotApi(credentials, connection.baseUrl, (fresh) => saveCredentials(connectionId, fresh));
  const run = await startRun(connectionId, kind);
  const totals: SyncTotals = { recordsRead: 0, leadsChanged: 0, eventsWritten: 0, issues: 0 };
  const startedAt = new Date();
  try {
    const owners = await readOwners(api);
    const mapping = parseConnectionMapping(connection.valueMapping);
    const context: MappingContext = {
      ...ownerContext(owners),
      states: stateLookup("hubspot", mapping),
      ...(mapping.reasonField ? { reasonField: mapping.reasonField } : {}),
    };
    const people = await inTransaction((client) => resolveSyncPeople(client, SOURCE_SYSTEM, owners.map(ownerRef)));
    // Checked once a run: without the Leads object the run says so and syncs the contacts alone.
    const leadObjectNote = await leadObjectUnavailable(api);

    const readPage = async (ids: string[]): Promise<PageRead> => {
      const read = await readContacts(api, ids, mapping.reasonField ? [mapping.reasonField] : []);
      const companies = await readContactCompanies(
        api,
        read.map((contact) => contact.id),
      );
      const contacts = read.map((contact) => (companies.has(contact.id) ? { ...contact, company: companies.get(contact.id)! } : contact));
      return {
        contacts,
        leads: leadObjectNote
          ? []
          : await readContactLeads(
              api,
              contacts.map((contact) => contact.id),
            ),
        engagements: await readEngagements(
          api,
          contacts.map((contact) => contact.id),
        ),
      };
    };
    const writePage = async (
      ids: string[],
      after: { backfillAfter?: string | null; cursor?: Date | null },
      removed: MappedBatch["removed"] = [],
      read?: PageRead,
    ) => {
      const { contacts, leads, engagements } = read ?? (await readPage(ids));
      const batch = emptyBatch();
      batch.removed = removed;
      for (const contact of contacts) {
        try {
          mapContact(contact, context, batch);
        } catch (error) {
          batch.issues.push({
            recordId: contact.id,
            kind: "error",
            reason: `The contact could not be read: ${error instanceof Error ? error.message : String(error)}`,
          });
        }
      }
      for (const lead of leads) mapLeadRecord(lead, context, batch);
      for (const { contactId, engagement } of engagements) mapEngagement(engagement, contactId, context, batch);
      const recordIds = [
        ...contacts.map((contact) => contact.id),
        ...engagements.map(({ engagement }) => `${engagement.type.slice(0, -1)}:${engagement.id}`),
      ];
      await writeSyncPage(
        SOURCE_SYSTEM,
        batch,
        people,
        { connectionId, runId: run.id, recordIds, recordsRead: ids.length, ...after },
        totals,
      );
    };

    if (kind === "record") {
      for (let start = 0; start < recordIds.length; start += 50) await writePage(recordIds.slice(start, start + 50), {});
    } else if (kind === "backfill") {
      await setTotal(run.id, api);
      // Several of HubSpot's pages are read side by side and written in one transaction (the cursor moves
      // past all of them together), and the next group is read from HubSpot while this one is written.
      const fetchGroup = async (after: string | null) => {
        const ids: string[] = [];
        const reads: Promise<PageRead>[] = [];
        let next = after;
        do {
          const page: IdPage = await listContactIds(api, next);
          ids.push(...page.ids);
          const read = readPage(page.ids);
          // A failed read surfaces from Promise.all below; until then it must not count as unhandled.
          read.catch(() => undefined);
          reads.push(read);
          next = page.next;
        } while (next && reads.length < pagesPerWrite);
        const pages = await Promise.all(reads);
        return {
          ids,
          next,
          read: {
            contacts: pages.flatMap((page) => page.contacts),
            leads: pages.flatMap((page) => page.leads),
            engagements: pages.flatMap((page) => page.engagements),
          },
        };
      };
      let current = await fetchGroup(connection.backfillAfter);
      for (;;) {
        const next = current.next ? fetchGroup(current.next) : null;
        // A failed prefetch surfaces when awaited below, after this group is safely written.
        next?.catch(() => undefined);
        await writePage(current.ids, { backfillAfter: current.next }, [], current.read);
        if (!next) break;
        current = await next;
      }
      await writePage([], {}, await readArchivedContacts(api));
      // Changes made while the backfill ran are picked up by the next incremental sync.
      await db.syncConnection.update({
        where: { id: connectionId },
        data: {
          backfillDoneAt: new Date(),
          backfillAfter: null,
          cursor: connection.cursor && connection.cursor > startedAt ? connection.cursor : startedAt,
        },
      });
    } else {
      let since = connection.cursor ?? new Date(0);
      let after: string | null = null;
      for (;;) {
        const page = await searchModifiedSince(api, since, after);
        await writePage(page.ids, { cursor: page.lastModified ?? null });
        if (!page.next) break;
        // Past HubSpot's 10,000-result window, search again from the latest time reached.
        if (Number(page.next) >= SEARCH_WINDOW - 50 && page.lastModified) {
          since = page.lastModified;
          after = null;
        } else after = page.next;
      }
      // A lead object's stage change leaves its contact unmodified: its contacts are read again here.
      if (!leadObjectNote) {
        const contactIds = await readLeadsModifiedSince(api, connection.cursor ?? new Date(0));
        for (let start = 0; start < contactIds.length; start += 50) await writePage(contactIds.slice(start, start + 50), {});
      }
      await writePage([], {}, await readArchivedContacts(api));
    }
    return await endRun(connectionId, run.id, totals, { kind: "ok", message: leadObjectNote });
  } catch (error) {
    const source = error instanceof SyncSourceError ? error : null;
    const message = source?.message ?? `The sync stopped on an unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    if (!source) console.error(`sync: connection ${connectionId} run ${run.id}:`, error);
    return endRun(connectionId, run.id, totals, { kind: source?.kind ?? "other", message });
  }
}

/** The portal's contact count (a search's total), so the backfill can show how far it is and how long is left. */
async function setTotal(runId: number, api: HubspotApi): Promise<void> {
  const result = await api.call((client) => client.crm.contacts.searchApi.doSearch({ limit: 1, properties: ["hs_object_id"] }));
  await db.syncRun.update({ where: { id: runId }, data: { recordsTotal: result.total } });
}
