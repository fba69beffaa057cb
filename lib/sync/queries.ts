import "server-only";
import { db } from "@/lib/db";
import { INCREMENTAL_EVERY_MINUTES } from "@/lib/sync/jobs";

// What the connections page shows: each connection's state (never its credentials), its latest runs with
// the backfill's progress, and the records the sync could not take as they are.

export interface RunView {
  id: number;
  kind: string;
  status: string;
  recordsRead: number;
  recordsTotal: number | null;
  leadsChanged: number;
  eventsWritten: number;
  errorCount: number;
  message: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  /** Records per second so far, and the seconds left at that rate (backfills with a known total). */
  rate: number | null;
  secondsLeft: number | null;
}

export interface ConnectionView {
  id: number;
  provider: "hubspot" | "salesforce";
  name: string;
  accountId: string | null;
  status: string;
  statusMessage: string | null;
  paused: boolean;
  backfillDone: boolean;
  cursor: Date | null;
  nextRunAt: Date | null;
  runs: RunView[];
  issues: { recordId: string; kind: string; field: string; value: string; reason: string; seenAt: Date }[];
  issueCount: number;
  valueMapping: unknown;
}

export async function listConnections(now = new Date()): Promise<ConnectionView[]> {
  const connections = await db.syncConnection.findMany({
    orderBy: { id: "asc" },
    select: {
      id: true,
      provider: true,
      name: true,
      accountId: true,
      status: true,
      statusMessage: true,
      paused: true,
      backfillDoneAt: true,
      cursor: true,
      valueMapping: true,
      runs: { orderBy: { startedAt: "desc" }, take: 5 },
      issues: {
        orderBy: [{ seenAt: "desc" }, { id: "asc" }],
        take: 50,
        select: { recordId: true, kind: true, field: true, value: true, reason: true, seenAt: true },
      },
      _count: { select: { issues: true } },
    },
  });
  return connections.map((connection) => {
    const runs = connection.runs.map((run): RunView => {
      const seconds = ((run.finishedAt ?? now).getTime() - run.startedAt.getTime()) / 1000;
      const rate = seconds > 0 && run.recordsRead > 0 ? run.recordsRead / seconds : null;
      const secondsLeft =
        run.status === "running" && rate && run.recordsTotal ? Math.max(0, (run.recordsTotal - run.recordsRead) / rate) : null;
      return { ...run, rate, secondsLeft };
    });
    const lastScheduled = connection.runs.find((run) => run.kind !== "record");
    const nextRunAt =
      connection.paused || connection.status !== "ok"
        ? null
        : lastScheduled
          ? new Date(Math.max(now.getTime(), lastScheduled.startedAt.getTime() + INCREMENTAL_EVERY_MINUTES * 60_000))
          : now;
    return {
      id: connection.id,
      provider: connection.provider,
      name: connection.name,
      accountId: connection.accountId,
      status: connection.status,
      statusMessage: connection.statusMessage,
      paused: connection.paused,
      backfillDone: connection.backfillDoneAt !== null,
      cursor: connection.cursor,
      nextRunAt,
      runs,
      issues: connection.issues,
      issueCount: connection._count.issues,
      valueMapping: connection.valueMapping,
    };
  });
}
