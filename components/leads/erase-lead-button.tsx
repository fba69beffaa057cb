"use client";

import Link from "next/link";
import { startTransition, useActionState, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";
import { eraseLeadAction } from "@/lib/leads/actions";

/** An admin erases a person's lead (a GDPR request) in two steps: the first says what cannot be undone. */
export function EraseLeadButton({ leadId, name }: { leadId: number; name: string }) {
  const [confirming, setConfirming] = useState(false);
  const noteId = useId();
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(eraseLeadAction, null);

  if (state?.ok) {
    return (
      <p role="status" className="text-sm text-slate-700">
        {state.message} <Link href="/leads" className="font-medium text-brand-700 hover:underline">Back to leads</Link>
      </p>
    );
  }
  return (
    <div className="space-y-2">
      {confirming ? (
        <>
          <p id={noteId} className="text-sm text-slate-700">
            This removes {name}’s lead, its timeline, notes and review, and scrubs them from the audit log. It cannot be undone.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button type="button" variant="ghost" size="sm" onClick={() => setConfirming(false)} disabled={pending}>
              Keep the lead
            </Button>
            <Button
              type="button"
              variant="danger"
              size="sm"
              aria-describedby={noteId}
              disabled={pending}
              onClick={() => {
                const formData = new FormData();
                formData.set("leadId", String(leadId));
                startTransition(() => action(formData));
              }}
            >
              {pending ? "Erasing…" : `Erase ${name}`}
            </Button>
          </div>
        </>
      ) : (
        <Button type="button" variant="secondary" size="sm" onClick={() => setConfirming(true)}>
          Erase this person’s data…
        </Button>
      )}
      {state && !state.ok && (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      )}
    </div>
  );
}
