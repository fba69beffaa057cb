import { diagnoseLead } from "@/lib/diagnosis/diagnose";
import { loadDiagnosisDefinitions, type DiagnosisDefinitions } from "@/lib/rediagnosis/definitions";
import { loadDiagnosisInputs } from "@/lib/rediagnosis/load-batch";
import type { Queryable } from "@/lib/rediagnosis/queryable";
import { saveDiagnoses } from "@/lib/rediagnosis/save-batch";

// Keeps stored diagnoses current: after events arrive (a few leads) and after definitions change or
// time passes (all leads, streamed in id order in batches so memory stays bounded).

export const DEFAULT_BATCH_SIZE = 2000;

export async function rediagnoseLeads(client: Queryable, leadIds: number[], options: { now?: Date; definitions?: DiagnosisDefinitions } = {}): Promise<number> {
  if (leadIds.length === 0) return 0;
  const now = options.now ?? new Date();
  const definitions = options.definitions ?? (await loadDiagnosisDefinitions(client));
  const inputs = await loadDiagnosisInputs(client, leadIds, definitions, now);
  const diagnosed = inputs.map((input) => ({ leadId: Number(input.lead.id), diagnosis: diagnoseLead(input) }));
  await saveDiagnoses(client, diagnosed, now);
  return diagnosed.length;
}

export interface RediagnoseAllOptions {
  now?: Date;
  batchSize?: number;
  /** Only leads whose diagnosis can still change: open outcome or captured recently. */
  onlyOpen?: boolean;
  onProgress?: (done: number) => void;
}

export async function rediagnoseAll(client: Queryable, options: RediagnoseAllOptions = {}): Promise<{ leads: number; seconds: number }> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const definitions = await loadDiagnosisDefinitions(client);
  const filter = options.onlyOpen ? `AND (outcome = 'open' OR captured_at > now() - make_interval(days => ${Number(definitions.settings.outcomeWindowDays) + 1}))` : "";

  let lastId = 0;
  let done = 0;
  // Fetch the next page of ids while this one is being diagnosed: the database and Node overlap.
  const nextIds = (after: number) =>
    client.query<{ id: number }>(`SELECT id FROM leads WHERE id > $1 ${filter} ORDER BY id LIMIT $2`, [after, batchSize]).then((result) => result.rows.map((row) => row.id));
  let ids = await nextIds(lastId);
  while (ids.length > 0) {
    lastId = ids[ids.length - 1]!;
    const upcoming = ids.length === batchSize ? nextIds(lastId) : Promise.resolve([]);
    done += await rediagnoseLeads(client, ids, { now, definitions });
    options.onProgress?.(done);
    ids = await upcoming;
  }
  return { leads: done, seconds: (performance.now() - started) / 1000 };
}
