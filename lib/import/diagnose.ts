import "server-only";
import type pg from "pg";
import { loadAlertRules } from "@/lib/alerts/rules";
import type { AlertRule } from "@/lib/alerts/stages";
import type { Priority } from "@/lib/diagnosis/vocabulary";
import type { Queryable } from "@/lib/db/queryable";
import type { ProgressTracker } from "@/lib/import/progress";
import { loadDiagnosisDefinitions, type DiagnosisDefinitions } from "@/lib/rediagnosis/definitions";
import { loadDiagnosisInputs, type DiagnosisRelations } from "@/lib/rediagnosis/load-batch";
import { diagnoseForSaving } from "@/lib/rediagnosis/run";
import { saveDiagnoses, type DiagnosedLead } from "@/lib/rediagnosis/save-batch";

// The import's diagnosis, inside its transaction. A new lead is written once: the leads file's new
// leads and their events wait in temporary staging tables (unindexed for search, no WAL), are diagnosed
// there, and move into `leads` with their diagnosis. Writing each new lead twice (the INSERT, then the
// summary UPDATE) through the 21 indexes of `leads` was most of an import's time (docs/PERFORMANCE.md).
// The leads the import changed otherwise (existing leads, leads an activity file reached after they
// moved) are remembered in TOUCHED_TABLE and re-diagnosed in place at the end, as before.

export const TOUCHED_TABLE = "import_touched";
export const STAGED_LEADS = "import_new_leads";
export const STAGED_EVENTS = "import_new_events";

// Small enough that two batches in flight (one diagnosed, one loading) stay a few tens of MB even
// when accounts have hundreds of leads (the duplicate-outreach evidence grows with them).
const DIAGNOSIS_BATCH = 1_000;

/** The diagnosis's reads see the staged rows beside the stored ones (a lead is in exactly one of them). */
const WITH_STAGED: DiagnosisRelations = {
  leads: `(SELECT * FROM leads UNION ALL SELECT * FROM ${STAGED_LEADS})`,
  events: `(SELECT * FROM handoff_events UNION ALL SELECT * FROM ${STAGED_EVENTS})`,
};

/** The import's temporary tables, dropped at COMMIT or ROLLBACK. `settled`: diagnosed on its way in. */
export async function createImportTables(client: pg.PoolClient): Promise<void> {
  await client.query(`CREATE TEMP TABLE ${TOUCHED_TABLE} (id int PRIMARY KEY, settled boolean NOT NULL DEFAULT false) ON COMMIT DROP`);
  // LIKE copies the columns in order (a generated column as a plain one), their defaults (ids from the
  // tables' own sequences) and NOT NULL constraints; the indexes are the ones the diagnosis reads use.
  await client.query(`CREATE TEMP TABLE ${STAGED_LEADS} (LIKE leads INCLUDING DEFAULTS INCLUDING CONSTRAINTS) ON COMMIT DROP`);
  await client.query(`ALTER TABLE ${STAGED_LEADS} ADD PRIMARY KEY (id)`);
  await client.query(`CREATE UNIQUE INDEX ON ${STAGED_LEADS} (source_system, external_id)`);
  await client.query(`CREATE INDEX ON ${STAGED_LEADS} (email)`);
  await client.query(`CREATE INDEX ON ${STAGED_LEADS} (account_domain)`);
  await client.query(`CREATE TEMP TABLE ${STAGED_EVENTS} (LIKE handoff_events INCLUDING DEFAULTS INCLUDING CONSTRAINTS) ON COMMIT DROP`);
  await client.query(`ALTER TABLE ${STAGED_EVENTS} ADD PRIMARY KEY (id)`);
  await client.query(`CREATE UNIQUE INDEX ON ${STAGED_EVENTS} (source_system, external_id)`);
  await client.query(`CREATE INDEX ON ${STAGED_EVENTS} (lead_id)`);
}

/** Marks leads as changed since they were diagnosed: they are re-diagnosed at the end. */
export async function rememberTouched(client: Queryable, leadIds: Iterable<number>): Promise<void> {
  const ids = [...new Set(leadIds)];
  if (ids.length)
    await client.query(
      `INSERT INTO ${TOUCHED_TABLE} (id) SELECT unnest($1::int[]) ON CONFLICT (id) DO UPDATE SET settled = false WHERE ${TOUCHED_TABLE}.settled`,
      [ids],
    );
}

/** The columns an INSERT … SELECT copies (a generated column is computed by the table itself). */
async function writableColumns(client: pg.PoolClient, table: string): Promise<string> {
  const { rows } = await client.query<{ columns: string }>(
    `SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) AS columns FROM pg_attribute
      WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''`,
    [table],
  );
  return rows[0]!.columns;
}

/** One clock and one set of definitions for the whole import's diagnosis, read when first needed. */
export class ImportDiagnosis {
  private context: Promise<{ definitions: DiagnosisDefinitions; alertRules: ReadonlyMap<Priority, AlertRule>; now: Date }> | null = null;

  constructor(private readonly client: pg.PoolClient) {}

  private load() {
    this.context ??= (async () => ({
      definitions: await loadDiagnosisDefinitions(this.client),
      alertRules: await loadAlertRules(this.client),
      now: new Date(),
    }))();
    return this.context;
  }

  /**
   * Diagnoses the staged new leads and moves them, with their events, into the stored tables. Called
   * before a file that looks leads up (activities, deals) and at the end; a no-op when nothing is staged.
   */
  async settleStaged(onBatch: (count: number) => Promise<void> = async () => undefined): Promise<number> {
    const client = this.client;
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${STAGED_LEADS}`);
    if (!rows[0]?.n) return 0;
    // Temporary tables have no autovacuum: the planner learns their size here.
    await client.query(`ANALYZE ${STAGED_LEADS}, ${STAGED_EVENTS}`);
    const leadColumns = await writableColumns(client, "leads");
    const eventColumns = await writableColumns(client, "handoff_events");
    const { now } = await this.load();
    // The leads move out of the staging tables into stored tables the planner last saw without them:
    // their statistics follow each time the moved rows double (as the sink's do while it writes).
    let moved = 0;
    let analyseAt = 5_000;
    // Over the two relations' union the planner hashes every outreach event of both for each batch (a
    // hash semi join for "has outreach of its own", its cost misjudged); the batch's reads are index
    // lookups by lead, so the reads of this loop are kept to nested loops.
    // Reset on success only: after a failed statement the transaction is aborted (a RESET would fail and
    // hide the first error), and its rollback ends the SET LOCAL anyway.
    await client.query("SET LOCAL enable_hashjoin = off");
    await client.query("SET LOCAL enable_mergejoin = off");
    const diagnosedCount = await this.inBatches(STAGED_LEADS, "true", WITH_STAGED, {
      // Into the staged rows (a temporary table: no WAL, four indexes), so that the one INSERT into
      // `leads` carries the diagnosis.
      prepare: (diagnosed) => saveDiagnoses(client, diagnosed, now, STAGED_LEADS),
      // A DELETE … RETURNING each: a lead or event is always in exactly one of the two relations the
      // next batch's reads combine. The events follow their leads in a statement of their own (the
      // foreign key check does not see leads inserted by the same statement).
      commit: async (ids) => {
        await client.query(
          `WITH moved AS (DELETE FROM ${STAGED_LEADS} WHERE id = ANY($1::int[]) RETURNING *),
                inserted AS (INSERT INTO leads (${leadColumns}) SELECT ${leadColumns} FROM moved ORDER BY id RETURNING id)
           INSERT INTO ${TOUCHED_TABLE} (id, settled) SELECT id, true FROM inserted ON CONFLICT (id) DO NOTHING`,
          [ids],
        );
        await client.query(
          `WITH moved AS (DELETE FROM ${STAGED_EVENTS} WHERE lead_id = ANY($1::int[]) RETURNING *)
           INSERT INTO handoff_events (${eventColumns}) SELECT ${eventColumns} FROM moved ORDER BY id`,
          [ids],
        );
        moved += ids.length;
        if (moved >= analyseAt) {
          analyseAt = moved * 2;
          await client.query("SET LOCAL default_statistics_target = 10");
          await client.query(`ANALYZE leads, handoff_events, ${STAGED_LEADS}, ${STAGED_EVENTS}`);
          await client.query("RESET default_statistics_target");
        }
        await onBatch(ids.length);
      },
    });
    await client.query("RESET enable_hashjoin");
    await client.query("RESET enable_mergejoin");
    return diagnosedCount;
  }

  /** Re-diagnoses, in place, the leads changed since they were last diagnosed. Returns how many. */
  async diagnoseTouched(onBatch: (count: number) => Promise<void>): Promise<number> {
    const { now } = await this.load();
    return this.inBatches(TOUCHED_TABLE, "NOT settled", undefined, {
      prepare: async () => undefined,
      commit: async (ids, diagnosed) => {
        await saveDiagnoses(this.client, diagnosed, now);
        await onBatch(ids.length);
      },
    });
  }

  /**
   * One query at a time on the connection (pg must not be handed a query while it runs one), but Node is
   * never idle while PostgreSQL works: `commit`'s first statement for a batch is sent before the next
   * batch goes through the engine. The next batch is read after `prepare`, before `commit`.
   */
  private async inBatches(
    table: string,
    condition: string,
    relations: DiagnosisRelations | undefined,
    steps: {
      prepare: (diagnosed: DiagnosedLead[]) => Promise<unknown>;
      commit: (ids: number[], diagnosed: DiagnosedLead[]) => Promise<void>;
    },
  ): Promise<number> {
    const { definitions, alertRules, now } = await this.load();
    const nextIds = async (after: number) =>
      (
        await this.client.query<{ id: number }>(`SELECT id FROM ${table} WHERE ${condition} AND id > $1 ORDER BY id LIMIT $2`, [
          after,
          DIAGNOSIS_BATCH,
        ])
      ).rows.map((row) => row.id);
    const load = (ids: number[]) => loadDiagnosisInputs(this.client, ids, definitions, now, relations);
    const diagnose = (inputs: Awaited<ReturnType<typeof load>>) => inputs.map((input) => diagnoseForSaving(input, alertRules));

    let ids = await nextIds(0);
    let diagnosed = ids.length ? diagnose(await load(ids)) : null;
    let done = 0;
    while (diagnosed) {
      await steps.prepare(diagnosed);
      const following = ids.length === DIAGNOSIS_BATCH ? await nextIds(ids[ids.length - 1]!) : [];
      const inputs = following.length ? await load(following) : null;
      const committing = steps.commit(ids, diagnosed);
      const next = inputs ? diagnose(inputs) : null;
      await committing;
      done += diagnosed.length;
      diagnosed = next;
      ids = following;
    }
    return done;
  }
}

/** Diagnoses what the import wrote: its staged new leads, then the other leads it changed. Returns the leads diagnosed. */
export async function diagnoseImport(client: pg.PoolClient, diagnosis: ImportDiagnosis, tracker: ProgressTracker): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM ${STAGED_LEADS})::int + (SELECT count(*) FROM ${TOUCHED_TABLE} WHERE NOT settled)::int AS n`,
  );
  await tracker.startPhase("diagnosing", rows[0]?.n ?? 0);
  const advance = (count: number) => tracker.advance(count);
  await diagnosis.settleStaged(advance);
  await diagnosis.diagnoseTouched(advance);
  // Every lead the import created or changed, once (a staged lead an activity file changed after it moved counts once).
  const { rows: all } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${TOUCHED_TABLE}`);
  return all[0]?.n ?? 0;
}
