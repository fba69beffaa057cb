import { loadAlertRules } from "@/lib/alerts/rules";
import { leadSlaSchedule } from "@/lib/alerts/schedule";
import type { AlertRule } from "@/lib/alerts/stages";
import { diagnoseLead } from "@/lib/diagnosis/diagnose";
import type { DiagnosisInput } from "@/lib/diagnosis/types";
import type { Priority } from "@/lib/diagnosis/vocabulary";
import { loadDiagnosisDefinitions, type DiagnosisDefinitions } from "@/lib/rediagnosis/definitions";
import { loadDiagnosisInputs } from "@/lib/rediagnosis/load-batch";
import type { Queryable } from "@/lib/db/queryable";
import { saveDiagnoses, type DiagnosedLead } from "@/lib/rediagnosis/save-batch";

// Keeps stored diagnoses current: after events arrive (a few leads) and after definitions change or
// time passes (all leads, streamed in id order in batches so memory stays bounded).

export const DEFAULT_BATCH_SIZE = 2000;

export interface BatchResult {
  diagnosed: number;
  changed: number;
}

/** The summary the lists read, and the SLA deadlines the alert scheduler reads (lib/alerts). */
export function diagnoseForSaving(input: DiagnosisInput, alertRules: ReadonlyMap<Priority, AlertRule>): DiagnosedLead {
  return { leadId: Number(input.lead.id), diagnosis: diagnoseLead(input), sla: leadSlaSchedule(input, alertRules) };
}

/**
 * Where a re-diagnosis spends its time, in milliseconds summed over its batches: reading the leads and
 * their timelines, the engine's JavaScript, writing the changed verdicts back, and folding the dashboard's
 * daily figures. With two batches in flight reads and writes overlap the other batch's engine time, so the
 * sum exceeds the wall time; the engine's is the Node process's own (one thread).
 */
export interface PhaseTimes {
  readMs: number;
  engineMs: number;
  writeMs: number;
  foldMs: number;
}

export function emptyPhaseTimes(): PhaseTimes {
  return { readMs: 0, engineMs: 0, writeMs: 0, foldMs: 0 };
}

/** Runs `step`, adding its duration to `phases[phase]` when phases are measured. */
async function timed<T>(phases: PhaseTimes | undefined, phase: keyof PhaseTimes, step: () => Promise<T> | T): Promise<T> {
  if (!phases) return step();
  const started = performance.now();
  try {
    return await step();
  } finally {
    phases[phase] += performance.now() - started;
  }
}

export interface RediagnoseLeadsOptions {
  now?: Date;
  /** Adds this call's time per phase (the benchmark's breakdown). */
  phases?: PhaseTimes;
  definitions?: DiagnosisDefinitions;
  alertRules?: ReadonlyMap<Priority, AlertRule>;
  /**
   * Also re-diagnose the other leads whose outreach clashes with these leads' (same buyer or account,
   * within the window): duplicate outreach is one verdict on both leads, so a new call on one lead can
   * flag the other. Default on; a run over all leads turns it off (it reaches every lead anyway).
   */
  followRelated?: boolean;
}

export async function rediagnoseLeads(client: Queryable, leadIds: number[], options: RediagnoseLeadsOptions = {}): Promise<BatchResult> {
  if (leadIds.length === 0) return { diagnosed: 0, changed: 0 };
  const now = options.now ?? new Date();
  const definitions = options.definitions ?? (await loadDiagnosisDefinitions(client));
  const alertRules = options.alertRules ?? (await loadAlertRules(client));
  const { phases } = options;
  const inputs = await timed(phases, "readMs", () => loadDiagnosisInputs(client, leadIds, definitions, now));
  if (options.followRelated !== false) {
    const batch = new Set(leadIds);
    const related = [...new Set(inputs.flatMap((input) => input.relatedOutreach.map((r) => Number(r.leadId))))].filter(
      (id) => !batch.has(id),
    );
    if (related.length > 0) inputs.push(...(await timed(phases, "readMs", () => loadDiagnosisInputs(client, related, definitions, now))));
  }
  const diagnosed = await timed(phases, "engineMs", () => inputs.map((input) => diagnoseForSaving(input, alertRules)));
  const changed = await timed(phases, "writeMs", () => saveDiagnoses(client, diagnosed, now));
  return { diagnosed: diagnosed.length, changed };
}

export interface RediagnoseAllOptions {
  now?: Date;
  batchSize?: number;
  /** Batches in flight at once: one computing in Node while another reads or writes in PostgreSQL. */
  concurrency?: number;
  /** Only leads whose diagnosis can still change: open outcome or captured recently. */
  onlyOpen?: boolean;
  onProgress?: (done: number) => void;
  /** Adds the run's time per phase (the benchmark's breakdown). */
  phases?: PhaseTimes;
}

export interface RediagnoseAllResult {
  leads: number;
  changed: number;
  seconds: number;
}

/** Earlier leads may still be judged by an earlier, longer outcome window. */
function widestOutcomeWindow(definitions: DiagnosisDefinitions): number {
  return Math.max(definitions.settings.outcomeWindowDays, ...definitions.settingsHistory.map((v) => v.settings.outcomeWindowDays));
}

export async function rediagnoseAll(client: Queryable, options: RediagnoseAllOptions = {}): Promise<RediagnoseAllResult> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const definitions = await loadDiagnosisDefinitions(client);
  const alertRules = await loadAlertRules(client);
  const openOnly = options.onlyOpen ? `AND (outcome = 'open' OR captured_at > now() - make_interval(days => $3::int))` : "";
  const params = (after: number) => (options.onlyOpen ? [after, batchSize, widestOutcomeWindow(definitions) + 1] : [after, batchSize]);

  // Batches are claimed in id order by whichever worker is free; each keyset page is read once.
  let lastId = 0;
  let exhausted = false;
  let claiming: Promise<number[]> = Promise.resolve([]);
  const claim = (): Promise<number[]> => {
    claiming = claiming.then(async () => {
      if (exhausted) return [];
      const { rows } = await timed(options.phases, "readMs", () =>
        client.query<{ id: number }>(`SELECT id FROM leads WHERE id > $1 ${openOnly} ORDER BY id LIMIT $2`, params(lastId)),
      );
      if (rows.length < batchSize) exhausted = true;
      if (rows.length) lastId = rows[rows.length - 1]!.id;
      return rows.map((row) => row.id);
    });
    return claiming;
  };

  let done = 0;
  let changed = 0;
  const worker = async () => {
    for (let ids = await claim(); ids.length > 0; ids = await claim()) {
      const result = await rediagnoseLeads(client, ids, { now, definitions, alertRules, followRelated: false, phases: options.phases });
      done += result.diagnosed;
      changed += result.changed;
      options.onProgress?.(done);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker));
  // Every write to leads appended its difference to the dashboard's daily figures (lead_rollup); this
  // run, and the open leads' run every ten minutes, merge them into one row per key again.
  await timed(options.phases, "foldMs", () => client.query("SELECT lead_rollup_fold()"));
  return { leads: done, changed, seconds: (performance.now() - started) / 1000 };
}
