"use client";

import Link from "next/link";
import { TwoStepButton } from "@/components/ui/two-step-button";
import { eraseLeadAction } from "@/lib/leads/actions";

/** An admin erases a person's lead (a GDPR request) in two steps: the first says what cannot be undone. */
export function EraseLeadButton({ leadId, name }: { leadId: number; name: string }) {
  return (
    <TwoStepButton
      align="start"
      label="Erase this person’s data…"
      note={`This removes ${name}’s lead, its timeline, notes and review, and scrubs them from the audit log. It cannot be undone.`}
      cancelLabel="Keep the lead"
      confirmLabel={`Erase ${name}`}
      pendingLabel="Erasing…"
      action={eraseLeadAction}
      fields={{ leadId: String(leadId) }}
      done={(message) => (
        <p role="status" className="text-sm text-slate-700">
          {message}{" "}
          <Link href="/leads" className="font-medium text-brand-700 hover:underline">
            Back to leads
          </Link>
        </p>
      )}
    />
  );
}
