// What sqlmap attacks: every query parameter of GET /api/v1/leads (taken from the route's own schema, so a
// new filter cannot go unscanned), the lead id in the path, and the JSON bodies of the write routes with a
// `*` marker on every value a handler passes towards the database.
import { leadListQuerySchema } from "../../lib/api/v1/leads-schemas.ts";
import { CliError } from "../lib/cli.ts";

export interface ApiSamples {
  leadId: number;
  source: string;
  ownerId: number;
  leadType: string;
  /** A pending lead (decisions) and a lead with an open question (answers), with their versions. */
  pending: { id: number; version: number };
  infoRequested: { id: number; version: number };
  reasonCode: string;
  /** A lead created through the API before the scan, which the event target refers to. */
  apiLeadExternalId: string;
}

export interface SqlmapTarget {
  name: string;
  label: string;
  scope: "read" | "write";
  url: string;
  /** JSON body with `*` markers (POST). */
  data?: string;
  /** The one query parameter to test. */
  parameter?: string;
}

/** A valid value for every list filter: the attack starts from a request that answers 200 with rows. */
function listSample(name: string, samples: ApiSamples): string | undefined {
  const values: Record<string, string> = {
    q: "a",
    source: samples.source,
    type: samples.leadType,
    owner: String(samples.ownerId),
    status: "accepted",
    from: "2020-01-01",
    to: "2035-12-31",
    flagged: "1",
    fp: "slow_timing",
    step: "routing:fail",
    sort: "capturedAt.desc",
    page: "1",
    size: "25",
  };
  return values[name];
}

/** The body with `*` after each marked value; `marked` values get the marker, others are sent as they are. */
function body(value: unknown): string {
  return JSON.stringify(value).replaceAll("@@*", "*");
}
const mark = (value: string | number) => `${value}@@*`;

export function sqlmapTargets(base: string, samples: ApiSamples): SqlmapTarget[] {
  const api = `${base}/api/v1`;
  const parameters = Object.keys(leadListQuerySchema.shape);
  const missing = parameters.filter((name) => listSample(name, samples) === undefined);
  if (missing.length)
    throw new CliError(`no sample value for the lead list parameter(s) ${missing.join(", ")}: add one in scripts/security/targets.ts`);
  const list: SqlmapTarget[] = parameters.map((name) => ({
    name: `list-${name}`,
    label: `GET /leads ?${name}=`,
    scope: "read",
    url: `${api}/leads?${name}=${encodeURIComponent(listSample(name, samples)!)}`,
    parameter: name,
  }));
  const capturedAt = "2025-03-14T09:00:00Z";
  return [
    ...list,
    { name: "lead-id", label: "GET /leads/{id}", scope: "read", url: `${api}/leads/${samples.leadId}*` },
    {
      name: "lead-upsert",
      label: "POST /leads (JSON body)",
      scope: "write",
      url: `${api}/leads`,
      data: body({
        sourceSystem: mark("scan"),
        externalId: mark("scan-upsert-1"),
        name: mark("Scan Lead"),
        email: mark("scan.lead@example.com"),
        company: mark("Scan Co"),
        capturedAt,
        originalSource: mark(samples.source),
        campaign: mark("Spring webinar"),
        leadType: mark(samples.leadType),
        owner: { email: mark("rep@demo.baton.dev") },
        buyerMessage: mark("Please call me"),
      }),
    },
    {
      name: "lead-batch",
      label: "POST /leads/batch (JSON body)",
      scope: "write",
      url: `${api}/leads/batch`,
      data: body({
        leads: [
          { externalId: mark("scan-batch-1"), name: mark("Batch Lead"), capturedAt, company: mark("Batch Co"), queue: mark("inbound") },
        ],
      }),
    },
    {
      name: "events",
      label: "POST /events (JSON body)",
      scope: "write",
      url: `${api}/events`,
      data: body({
        events: [
          {
            lead: { sourceSystem: "api", externalId: mark(samples.apiLeadExternalId) },
            type: "note",
            occurredAt: capturedAt,
            externalId: mark("scan-event-1"),
            actor: { name: mark("Scanner") },
            details: { notes: mark("called back"), reasonCode: mark("no_budget") },
          },
        ],
      }),
    },
    {
      name: "decision",
      label: "POST /leads/{id}/decisions (path, JSON body)",
      scope: "write",
      url: `${api}/leads/${samples.pending.id}*/decisions`,
      data: body({
        decision: "reject",
        version: samples.pending.version,
        reasonCode: mark(samples.reasonCode),
        detail: mark("The buyer has no budget before next fiscal year"),
        criteria: {},
      }),
    },
    {
      name: "info-answer",
      label: "POST /leads/{id}/info-requests/answer (path, JSON body)",
      scope: "write",
      url: `${api}/leads/${samples.infoRequested.id}*/info-requests/answer`,
      data: body({ version: samples.infoRequested.version, answer: mark("They asked for the enterprise pricing sheet") }),
    },
  ];
}
