"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { AcceptForm } from "@/components/queue/accept-form";
import { DecisionBar, type Mode } from "@/components/queue/decision-bar";
import { FirstActionForm } from "@/components/queue/first-action-form";
import { InfoRequestForm } from "@/components/queue/info-request-form";
import { LeadBrief } from "@/components/queue/lead-brief";
import { QueueList } from "@/components/queue/queue-list";
import { ReassignForm } from "@/components/queue/reassign-form";
import { RejectForm } from "@/components/queue/reject-form";
import { ShortcutsLegend } from "@/components/queue/shortcuts-legend";
import { useNow } from "@/components/queue/sla-countdown";
import type { DecisionSuccess } from "@/components/queue/use-decision-form";
import type { QueueView as QueueData } from "@/lib/decisions/queue-queries";
import { allowedModes, modeForKey } from "@/components/queue/modes";

interface Notice {
  message: string;
  tone: "good" | "warn";
}

/**
 * The queue workspace: the list on the left, the selected lead and its decision on the right, driven by
 * the keyboard (see the legend). After a decision the lead leaves the list and the next one is selected.
 */
export function QueueView({
  queue,
  initialLeadId,
  canReassign,
  userId,
}: {
  queue: QueueData;
  initialLeadId: number | null;
  canReassign: boolean;
  userId: number;
}) {
  const router = useRouter();
  const now = useNow(queue.now);
  const { items } = queue;
  // The selection remembers its place: when the decided lead leaves the list, the one that took its place is selected.
  const [selection, setSelection] = useState(() => {
    const initial = items.findIndex((item) => item.id === initialLeadId);
    return { id: items[Math.max(0, initial)]?.id ?? null, index: Math.max(0, initial) };
  });
  // A form belongs to the lead it was opened for: if that lead leaves the list, the form closes with it.
  const [opened, setOpened] = useState<{ mode: Mode; leadId: number } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const list = useRef<HTMLUListElement>(null);

  const found = items.findIndex((item) => item.id === selection.id);
  const index = found !== -1 ? found : Math.min(selection.index, items.length - 1);
  const selected = index >= 0 ? (items[index] ?? null) : null;
  const selectedId = selected?.id ?? null;
  const mode = opened && opened.leadId === selectedId ? opened.mode : null;
  const setMode = useCallback(
    (next: Mode | null) => setOpened(next && selectedId !== null ? { mode: next, leadId: selectedId } : null),
    [selectedId],
  );
  const select = useCallback(
    (position: number) => {
      setSelection((current) => ({ id: items[position]?.id ?? current.id, index: position }));
    },
    [items],
  );

  useEffect(() => {
    if (selectedId) document.getElementById(`queue-lead-${selectedId}`)?.scrollIntoView({ block: "nearest" });
  }, [selectedId]);

  const close = useCallback(() => {
    setOpened(null);
    list.current?.focus();
  }, []);

  const open = useCallback(
    (next: Mode) => {
      if (!selected) return;
      if (!allowedModes(selected, canReassign, userId).includes(next)) {
        const message =
          selected.acceptanceStatus !== "accepted"
            ? "Accept or reject first (a / r); the first action is logged with the acceptance."
            : selected.owner?.id === userId
              ? "This lead is already accepted: log its first action (l)."
              : `This lead is accepted; its first action is ${selected.owner?.name ?? "the owner"}'s to log.`;
        setNotice({ tone: "warn", message });
        return;
      }
      setMode(next);
    },
    [selected, canReassign, userId, setMode],
  );

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      if (event.key === "Escape" && mode) {
        event.preventDefault();
        close();
        return;
      }
      const target = event.target as HTMLElement;
      if (mode || target.closest("input, textarea, select, [contenteditable=true]")) return;
      const move = event.key === "j" || event.key === "ArrowDown" ? 1 : event.key === "k" || event.key === "ArrowUp" ? -1 : 0;
      if (move !== 0 && items.length > 0) {
        event.preventDefault();
        select(Math.max(0, Math.min(items.length - 1, index + move)));
        return;
      }
      const wanted = modeForKey(event.key);
      if (wanted) {
        event.preventDefault();
        open(wanted);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [mode, items, index, open, close, select]);

  function done(result: DecisionSuccess) {
    setNotice({ message: result.message ?? "Saved.", tone: result.data.quality && result.data.quality.score < 1 ? "warn" : "good" });
    setOpened(null);
    router.refresh();
    list.current?.focus();
  }

  return (
    <div className="space-y-3">
      <ShortcutsLegend canReassign={canReassign} />
      <p
        role="status"
        aria-live="polite"
        className={
          notice
            ? notice.tone === "good"
              ? "rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
              : "rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
            : "sr-only"
        }
      >
        {notice?.message}
      </p>
      {items.length > 0 && <QueueCounts items={items} now={now} />}
      {items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center text-sm text-slate-600">
          Nothing waits for a decision or a first action here. New leads appear as soon as they are assigned.
        </div>
      ) : (
        <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,24rem)_minmax(0,1fr)]">
          <QueueList
            items={items}
            selectedId={selectedId}
            onSelect={(id) => {
              select(items.findIndex((item) => item.id === id));
              setOpened(null);
              revealOnPhone();
            }}
            now={now}
            showOwner={queue.scope !== "own"}
            listRef={list}
          />
          {selected && (
            <section
              id="queue-selected-lead"
              aria-label="Selected lead"
              className="min-w-0 scroll-mt-16 space-y-4 rounded-lg border border-slate-200 bg-white p-4 [overflow-wrap:anywhere] shadow-sm sm:p-5"
            >
              <LeadBrief lead={selected} timeZone={queue.timeZone} now={now} />
              <DecisionBar lead={selected} canReassign={canReassign} userId={userId} active={mode} onOpen={open} />
              {mode && (
                <div key={`${mode}-${selected.id}`} className="border-t border-slate-100 pt-4">
                  {mode === "accept" && <AcceptForm lead={selected} onDone={done} onCancel={close} />}
                  {mode === "reject" && (
                    <RejectForm
                      lead={selected}
                      reasons={queue.reasons}
                      objections={queue.objections}
                      minimumSpecificDetailLength={queue.minimumSpecificDetailLength}
                      onDone={done}
                      onCancel={close}
                    />
                  )}
                  {mode === "info" && <InfoRequestForm lead={selected} onDone={done} onCancel={close} />}
                  {mode === "action" && <FirstActionForm lead={selected} objections={queue.objections} onDone={done} onCancel={close} />}
                  {mode === "reassign" && <ReassignForm lead={selected} assignees={queue.assignees} onDone={done} onCancel={close} />}
                </div>
              )}
            </section>
          )}
        </div>
      )}
    </div>
  );
}

/** On a phone the lead sits below the list: a tap on a lead brings its details and decisions into view. */
function revealOnPhone() {
  if (!window.matchMedia("(max-width: 1023px)").matches) return;
  requestAnimationFrame(() => document.getElementById("queue-selected-lead")?.scrollIntoView({ block: "start" }));
}

function QueueCounts({ items, now }: { items: QueueData["items"]; now: Date }) {
  const waiting = items.filter((item) => item.acceptanceStatus === "info_requested").length;
  const overdue = items.filter((item) => item.acceptanceStatus !== "info_requested" && new Date(item.sla.deadline) < now).length;
  return (
    <p className="text-sm text-slate-600">
      <span className="font-medium text-slate-900">{items.length}</span> in queue ·{" "}
      <span className={overdue ? "font-medium text-red-700" : undefined}>{overdue} overdue</span> · {waiting} waiting on marketing
    </p>
  );
}
