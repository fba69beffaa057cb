"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { WriteStatus } from "@/components/review/write-status";
import { Badge } from "@/components/ui/badge";
import { FAILURE_POINT_LABELS } from "@/lib/diagnosis/labels";
import { sourceLabel } from "@/lib/leads/labels";
import { moveItem, removeItem } from "@/lib/meetings/actions";
import type { AgendaItem } from "@/lib/meetings/queries";
import { DECISION_LABELS } from "@/lib/meetings/tally";
import type { ActionResult } from "@/lib/actions/result";

// The agenda in its order. Organisers move items up or down (or drop undecided ones) with buttons, which
// work from the keyboard; every change carries the meeting's version so two organisers never undo each
// other silently.

const iconButton = "rounded px-1.5 py-0.5 text-slate-600 ring-1 ring-slate-200 hover:bg-slate-100 disabled:opacity-30";

export function AgendaList({
  meetingId,
  version,
  items,
  currentItemId,
  canEdit,
}: {
  meetingId: number;
  version: number;
  items: AgendaItem[];
  currentItemId: number | null;
  canEdit: boolean;
}) {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();

  function run(write: () => Promise<ActionResult<unknown>>) {
    startTransition(async () => {
      const outcome = await write();
      setResult(outcome.ok ? null : outcome);
      if (!outcome.ok) router.refresh();
    });
  }

  return (
    <div>
      <ol aria-label="Agenda" className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
        {items.map((item, index) => (
          <li key={item.id} data-agenda-item={item.id} className="flex items-center gap-3 px-3 py-2">
            <span className="w-6 text-right text-sm text-slate-400 tabular-nums">{index + 1}</span>
            <div className="min-w-0 flex-1">
              <p className="text-sm">
                <Link href={`/review/${item.lead.id}`} className="font-medium text-brand-700 hover:underline">
                  {item.lead.name}
                </Link>
                <span className="text-slate-500">
                  {" "}
                  · {item.lead.company ?? "no company"} · {sourceLabel(item.lead.originalSource)}
                </span>
                {item.id === currentItemId && (
                  <Badge tone="info" className="ml-2">
                    On screen
                  </Badge>
                )}
              </p>
              <p className="mt-0.5 flex flex-wrap gap-1">
                <Badge tone="bad">Severity {item.lead.severity}</Badge>
                {item.lead.failurePoints.map((point) => (
                  <Badge key={point} tone="muted">
                    {FAILURE_POINT_LABELS[point]}
                  </Badge>
                ))}
              </p>
            </div>
            <div className="shrink-0 text-right text-xs">
              {item.decision ? (
                <Badge tone={item.decision === "confirmed_failure" ? "bad" : item.decision === "not_a_failure" ? "good" : "warn"}>
                  {DECISION_LABELS[item.decision]}
                </Badge>
              ) : (
                <span className="text-slate-400">No decision yet</span>
              )}
            </div>
            {canEdit && (
              <div className="flex shrink-0 gap-1">
                <button
                  type="button"
                  className={iconButton}
                  disabled={pending || index === 0}
                  onClick={() => run(() => moveItem({ meetingId, itemId: item.id, direction: "up", version }))}
                  aria-label={`Move ${item.lead.name} up`}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className={iconButton}
                  disabled={pending || index === items.length - 1}
                  onClick={() => run(() => moveItem({ meetingId, itemId: item.id, direction: "down", version }))}
                  aria-label={`Move ${item.lead.name} down`}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className={iconButton}
                  disabled={pending || item.decision !== null}
                  onClick={() => run(() => removeItem({ meetingId, itemId: item.id, version }))}
                  aria-label={`Remove ${item.lead.name} from the agenda`}
                  title={item.decision ? "Decided items stay on the record" : "Remove from the agenda"}
                >
                  ✕
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      <WriteStatus result={result} className="mt-2" />
    </div>
  );
}
