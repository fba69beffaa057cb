import "server-only";
import { countOf } from "@/lib/import/accounting";
import type { FileCounts } from "@/lib/import/job-state";
import type { Queryable } from "@/lib/db/queryable";

// A weekly re-import goes wrong quietly in two ways: the file is imported under another source system
// than last week (every lead is created a second time), or the id column changed (most of the file is
// known, yet many leads are "new"). The dry run says so before anything is written.

/** A re-import that would create more than this share of its leads as new... */
export const NEW_SHARE_WARNING = 0.05;
/** ...from a file of which more than this share is already known, is suspicious. */
export const KNOWN_SHARE = 0.5;

/** Counts, per other source system, the leads the file would create whose external id exists there. */
export class ForeignIdCounter {
  readonly bySystem = new Map<string, number>();
  private others: Promise<string[]> | null = null;

  constructor(
    private readonly client: Queryable,
    private readonly sourceSystem: string,
  ) {}

  async count(externalIds: string[]): Promise<void> {
    if (!externalIds.length) return;
    const others = await (this.others ??= this.otherSystems());
    if (!others.length) return;
    const { rows } = await this.client.query<{ source_system: string; n: number }>(
      `SELECT source_system, count(*)::int AS n FROM leads
        WHERE source_system = ANY($1::text[]) AND external_id = ANY($2::text[]) GROUP BY source_system`,
      [others, externalIds],
    );
    for (const row of rows) this.bySystem.set(row.source_system, (this.bySystem.get(row.source_system) ?? 0) + row.n);
  }

  /** The other source systems leads exist under, read by a loose index scan (a few, however many leads). */
  private async otherSystems(): Promise<string[]> {
    const { rows } = await this.client.query<{ system: string }>(
      `WITH RECURSIVE systems AS (
         SELECT min(source_system) AS system FROM leads
         UNION ALL
         SELECT (SELECT min(source_system) FROM leads WHERE source_system > systems.system) FROM systems WHERE systems.system IS NOT NULL)
       SELECT system FROM systems WHERE system IS NOT NULL AND system <> $1`,
      [this.sourceSystem],
    );
    return rows.map((row) => row.system);
  }
}

export function reImportWarnings(sourceSystem: string, leads: FileCounts | undefined, foreign: ReadonlyMap<string, number>): string[] {
  const warnings: string[] = [];
  for (const [system, count] of [...foreign].sort((a, b) => b[1] - a[1]))
    warnings.push(
      `${countOf(count, "lead")} this file would create under source system "${sourceSystem}" already ${count === 1 ? "exists" : "exist"} under "${system}" with the same external id. If this is the same CRM as those imports, change the source system to "${system}" (or pick the saved mapping you used then): otherwise they become duplicate leads.`,
    );
  if (!leads) return warnings;
  const total = leads.created + leads.updated + leads.unchanged;
  const known = leads.updated + leads.unchanged;
  if (total > 0 && known / total > KNOWN_SHARE && leads.created / total > NEW_SHARE_WARNING)
    warnings.push(
      `${countOf(leads.created, "new lead")} (${percent(leads.created / total)} of the file) although ${percent(known / total)} of it is already in Baton: more new leads than a weekly export usually brings. Check that the external id column is the same as last time before importing.`,
    );
  return warnings;
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
