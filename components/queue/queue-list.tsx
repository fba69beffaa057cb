"use client";

import clsx from "clsx";
import { Badge } from "@/components/ui/badge";
import { captureContextLine, statusLabel } from "@/components/queue/capture-context";
import { SlaCountdown } from "@/components/queue/sla-countdown";
import type { QueueItem } from "@/lib/decisions/queue-queries";

/**
 * The queue as a listbox: j/k (handled by the queue) move the selection, a click selects. The list keeps
 * focus, so shortcuts work right after a click.
 */
export function QueueList(props: {
  items: QueueItem[];
  selectedId: number | null;
  onSelect: (id: number) => void;
  now: Date;
  showOwner: boolean;
  listRef: React.Ref<HTMLUListElement>;
}) {
  const { items, selectedId, onSelect, now, showOwner, listRef } = props;
  return (
    <ul
      ref={listRef}
      role="listbox"
      aria-label="Leads in the queue"
      tabIndex={0}
      aria-activedescendant={selectedId ? `queue-lead-${selectedId}` : undefined}
      className="max-h-[calc(100vh-16rem)] divide-y divide-slate-100 overflow-y-auto rounded-lg border border-slate-200 bg-white shadow-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
    >
      {items.map((item) => {
        const selected = item.id === selectedId;
        return (
          <li
            key={item.id}
            id={`queue-lead-${item.id}`}
            role="option"
            aria-selected={selected}
            data-lead-id={item.id}
            onClick={() => onSelect(item.id)}
            className={clsx(
              "cursor-pointer border-l-4 px-3 py-2.5",
              selected ? "border-brand-500 bg-brand-50" : "border-transparent hover:bg-slate-50",
            )}
          >
            <div className="flex items-center justify-between gap-2">
              <p className="truncate text-sm font-medium text-slate-900">{item.name}</p>
              <SlaCountdown
                startedAt={item.sla.startedAt}
                deadline={item.sla.deadline}
                now={now}
                waiting={item.acceptanceStatus === "info_requested"}
              />
            </div>
            <p className="truncate text-xs text-slate-600">{[item.company, captureContextLine(item)].filter(Boolean).join(" — ")}</p>
            <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs">
              <Badge tone={item.sla.priority === "p1" ? "bad" : item.sla.priority === "p2" ? "warn" : "neutral"}>
                {item.sla.priority.toUpperCase()}
              </Badge>
              <Badge tone={item.infoRequest?.answer && item.acceptanceStatus === "pending" ? "good" : "muted"}>{statusLabel(item)}</Badge>
              {showOwner && item.owner && <span className="text-slate-500">{item.owner.name}</span>}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
