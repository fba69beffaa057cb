"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { AcceptForm } from "@/components/queue/accept-form";
import { DecisionBar, type Mode } from "@/components/queue/decision-bar";
import { allowedModes, modeForKey } from "@/components/queue/modes";
import { FirstActionForm } from "@/components/queue/first-action-form";
import { InfoRequestForm } from "@/components/queue/info-request-form";
import { RejectForm } from "@/components/queue/reject-form";
import type { DecisionSuccess } from "@/components/queue/use-decision-form";
import type { OwnerDecision } from "@/lib/decisions/queue-queries";

/**
 * The queue's decisions on the lead's own page, for its owner: Accept / Reject / Ask marketing, then Log
 * the first action once accepted. The same bar and forms as the queue (components/queue), so a decision
 * made here is the one made there; the bar is a plain row that a sticky small-screen bar can hold.
 */
export function LeadDecisionPanel({ decision, userId }: { decision: OwnerDecision; userId: number }) {
  const router = useRouter();
  const [mode, setMode] = useState<Mode | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const lead = decision.item;

  // The bar shows the queue's keys (a, r, i, l); they work here too, outside text fields.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      if (event.key === "Escape") return setMode(null);
      if ((event.target as HTMLElement).closest("input, textarea, select, [contenteditable=true]")) return;
      const wanted = modeForKey(event.key);
      if (wanted && allowedModes(lead, false, userId).includes(wanted)) {
        event.preventDefault();
        setMode(wanted);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [lead, userId]);

  const close = () => setMode(null);

  function done(result: DecisionSuccess) {
    setNotice(result.message ?? "Saved.");
    setMode(null);
    router.refresh();
  }

  return (
    <div className="space-y-3">
      <p role="status" aria-live="polite" className={notice ? "text-sm text-emerald-800" : "sr-only"}>
        {notice}
      </p>
      <DecisionBar lead={lead} canReassign={false} userId={userId} active={mode} onOpen={(next) => setMode(next)} />
      {mode && (
        <div key={`${mode}-${lead.id}-${lead.version}`} className="border-t border-slate-100 pt-4">
          {mode === "accept" && <AcceptForm lead={lead} onDone={done} onCancel={close} />}
          {mode === "reject" && (
            // The workspace's reasons, objections and minimum detail, as the queue passes them.
            <RejectForm {...decision} lead={lead} onDone={done} onCancel={close} />
          )}
          {mode === "info" && <InfoRequestForm lead={lead} onDone={done} onCancel={close} />}
          {mode === "action" && <FirstActionForm lead={lead} objections={decision.objections} onDone={done} onCancel={close} />}
        </div>
      )}
    </div>
  );
}
