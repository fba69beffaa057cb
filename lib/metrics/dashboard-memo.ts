import "server-only";
import type { Queryable } from "@/lib/db/queryable";

// The dashboard's results, remembered per process and keyed by the data version PostgreSQL keeps
// (migration dashboard_data_version: every committed write to a table the dashboard reads gives it a new
// value, in the writer's own transaction). A request reads the version first, then reuses what was
// computed at that version, or computes it and leaves it for the next requests: four users opening the
// dashboard share one set of queries, and concurrent identical requests share one computation (the
// entry is the promise, stored before it settles). A write makes the next request's version new, so no
// one is shown a result from before a write they can see. Every instance keeps its own: nothing here is
// needed by another instance, which reads the same version and computes its own.

/** A bound on memory: the filter combinations remembered at the current version. */
const MAX_ENTRIES = 64;
/** A bound on the age of a result, whatever the version says (a database restored under a running
 * instance could bring back a version number already used). */
const MAX_AGE_MS = 5 * 60_000;

/** The dashboard's data version, or null when it cannot be read (nothing is then remembered). */
export async function readDashboardDataVersion(client: Queryable): Promise<string | null> {
  const { rows } = await client.query<{ version: string }>("SELECT version::text AS version FROM dashboard_data_version WHERE id = 1");
  return rows[0]?.version ?? null;
}

interface Entry {
  value: unknown;
  storedAt: number;
}

class VersionedMemo {
  private version: string | null = null;
  private readonly entries = new Map<string, Entry>();

  /** What `compute` gave at this version for this key; `settled` lists the promises whose failure drops it. */
  remember<T>(version: string, key: string, compute: () => T, settled: (value: T) => readonly unknown[]): T {
    if (version !== this.version) {
      // Versions only move forward: nothing remembered at another one can be asked for again.
      this.entries.clear();
      this.version = version;
    }
    const found = this.entries.get(key);
    if (found && Date.now() - found.storedAt <= MAX_AGE_MS) {
      // Map order is insertion order: moving the key to the end keeps the least recently used first.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found.value as T;
    }
    const value = compute();
    const entry = { value, storedAt: Date.now() };
    this.entries.set(key, entry);
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    // A failed query is not remembered: the next request tries again.
    void Promise.allSettled(settled(value)).then((results) => {
      if (results.some((result) => result.status === "rejected") && this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }
}

/** One memo per database client: the primary's and the replica's results are kept apart. */
const memos = new WeakMap<Queryable, VersionedMemo>();

/**
 * `compute()` as remembered at `version` under `key` for `client` (or computed now when the version is
 * unknown). `settled` lists the promises in the value whose failure means it must not be reused.
 */
export function rememberDashboardResult<T>(
  client: Queryable,
  version: string | null,
  key: string,
  compute: () => T,
  settled: (value: T) => readonly unknown[],
): T {
  if (version === null) return compute();
  let memo = memos.get(client);
  if (!memo) {
    memo = new VersionedMemo();
    memos.set(client, memo);
  }
  return memo.remember(version, key, compute, settled);
}
