import "server-only";
import { db } from "@/lib/db";
import type { Connection } from "jsforce";
import {
  ACCOUNT_FIELDS,
  CONTACT_FIELDS,
  EVENT_FIELDS,
  HISTORY_FIELDS,
  LEAD_FIELDS,
  mapActivity,
  mapLead,
  SOURCE_SYSTEM,
  TASK_FIELDS,
  USER_FIELDS,
  userRef,
  type SalesforceContext,
} from "@/lib/sync/salesforce/map";
import { all, classify, pages, quoted, salesforceConnection, type Row, type SalesforceCredentials } from "@/lib/sync/salesforce/client";
import { inTransaction } from "@/lib/db/transaction";
import { endRun, loadConnection, saveCredentials, startRun, type RunKind, type SyncSummary, type SyncTotals } from "@/lib/sync/store";
import { emptyBatch } from "@/lib/sync/types";
import { parseConnectionMapping, stateLookup } from "@/lib/sync/value-mapping";
import { resolveSyncPeople, writeSyncPage } from "@/lib/sync/write";

// One Salesforce sync pass through jsforce: leads modified since the cursor (SystemModstamp), page by
// page with queryMore, each page with its LeadHistory, Tasks and Events, written in one transaction
// with the cursor reached. The cursor alone makes a backfill resumable: a restart queries again from
// the last committed SystemModstamp. jsforce refreshes an expired session (INVALID_SESSION_ID) with the
// refresh token, or with a new JWT bearer assertion (lib/sync/salesforce/client.ts); the new token is stored
// encrypted. API usage comes from the Sforce-Limit-Info header.

/** The Accounts and Contacts a page's converted leads became (two queries, only when a lead on the page was converted). */
async function readConversions(
  conn: Connection,
  leads: readonly Row[],
  credentials: SalesforceCredentials,
): Promise<{ accounts: Map<string, Row>; leadOfContact: Map<string, string> }> {
  const converted = leads.filter((lead) => lead.IsConverted === true);
  const idsOf = (field: string) => [...new Set(converted.map((lead) => lead[field]).filter((id): id is string => typeof id === "string"))];
  const [accountIds, contactIds] = [idsOf("ConvertedAccountId"), idsOf("ConvertedContactId")];
  const accounts = accountIds.length
    ? await all(conn, `SELECT ${ACCOUNT_FIELDS.join(", ")} FROM Account WHERE Id IN (${quoted(accountIds)})`, credentials)
    : [];
  const contacts = contactIds.length
    ? await all(conn, `SELECT ${CONTACT_FIELDS.join(", ")} FROM Contact WHERE Id IN (${quoted(contactIds)})`, credentials)
    : [];
  const known = new Set(contacts.map((contact) => String(contact.Id)));
  return {
    accounts: new Map(accounts.map((account) => [String(account.Id), account])),
    // A contact since deleted or merged away has no activities to read.
    leadOfContact: new Map(
      converted
        .filter((lead) => known.has(String(lead.ConvertedContactId)))
        .map((lead) => [String(lead.ConvertedContactId), String(lead.Id)]),
    ),
  };
}

export async function runSalesforceSync(connectionId: number, kind: RunKind, recordIds: readonly string[] = []): Promise<SyncSummary> {
  const { connection, credentials } = await loadConnection<SalesforceCredentials>(connectionId);
  const conn = salesforceConnection(credentials, connection.baseUrl);
  conn.on("refresh", (accessToken: string) => {
    void saveCredentials(connectionId, { ...credentials, accessToken });
  });
  const run = await startRun(connectionId, kind);
  const totals: SyncTotals = { recordsRead: 0, leadsChanged: 0, eventsWritten: 0, issues: 0 };
  try {
    const users = await all(conn, `SELECT ${USER_FIELDS.join(", ")} FROM User`, credentials);
    const userRefs = users.map(userRef);
    const people = await inTransaction((client) => resolveSyncPeople(client, SOURCE_SYSTEM, userRefs));
    const mapping = parseConnectionMapping(connection.valueMapping);
    const context: SalesforceContext = {
      users: new Map(userRefs.map((person) => [person.externalId, person])),
      states: stateLookup("salesforce", mapping),
    };
    const where =
      kind === "record"
        ? `Id IN (${quoted(recordIds)})`
        : `SystemModstamp >= ${(connection.cursor ?? new Date(0)).toISOString().replace(/\.\d{3}Z$/, "Z")}`;
    for await (const leads of pages(
      conn,
      `SELECT ${LEAD_FIELDS.join(", ")} FROM Lead WHERE ${where} ORDER BY SystemModstamp, Id`,
      credentials,
    )) {
      if (leads.length === 0) continue;
      const ids = leads.map((lead) => String(lead.Id));
      const conversions = await readConversions(conn, leads, credentials);
      const whoIds = [...ids, ...conversions.leadOfContact.keys()];
      const [history, tasks, events] = [
        await all(conn, `SELECT ${HISTORY_FIELDS.join(", ")} FROM LeadHistory WHERE LeadId IN (${quoted(ids)})`, credentials),
        await all(conn, `SELECT ${TASK_FIELDS.join(", ")} FROM Task WHERE WhoId IN (${quoted(whoIds)})`, credentials),
        await all(conn, `SELECT ${EVENT_FIELDS.join(", ")} FROM Event WHERE WhoId IN (${quoted(whoIds)})`, credentials),
      ];
      const pageContext: SalesforceContext = { ...context, ...conversions };
      const batch = emptyBatch();
      const historyOf = new Map<string, Row[]>();
      for (const row of history) historyOf.set(String(row.LeadId), [...(historyOf.get(String(row.LeadId)) ?? []), row]);
      for (const lead of leads) mapLead(lead, historyOf.get(String(lead.Id)) ?? [], pageContext, batch);
      for (const task of tasks) mapActivity("Task", task, pageContext, batch);
      for (const event of events) mapActivity("Event", event, pageContext, batch);
      const reached = leads
        .map((lead) => new Date(String(lead.SystemModstamp).replace(/([+-]\d{2})(\d{2})$/, "$1:$2")))
        .filter((date) => !Number.isNaN(date.getTime()));
      const cursor = kind === "record" || reached.length === 0 ? null : new Date(Math.max(...reached.map((date) => date.getTime())));
      await writeSyncPage(
        SOURCE_SYSTEM,
        batch,
        people,
        { connectionId, runId: run.id, recordIds: ids, recordsRead: ids.length, cursor },
        totals,
      );
    }
    if (kind === "backfill") await db.syncConnection.update({ where: { id: connectionId }, data: { backfillDoneAt: new Date() } });
    const usage = conn.limitInfo?.apiUsage;
    const message = usage
      ? `Salesforce API usage: ${usage.used.toLocaleString("en-US")} of ${usage.limit.toLocaleString("en-US")} requests in the org's 24 hours.`
      : null;
    return await endRun(connectionId, run.id, totals, { kind: "ok", message });
  } catch (error) {
    const source = classify(error, credentials);
    return endRun(connectionId, run.id, totals, { kind: source.kind, message: source.message });
  }
}
