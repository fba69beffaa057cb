"use client";

import { Card } from "@/components/ui/card";
import { TwoStepButton } from "@/components/ui/two-step-button";
import { refreshDemoAction } from "@/lib/demo/actions";

/** Admins of the demo workspace regenerate its leads around now, so the queues look like a working day again. */
export function RefreshDemoPanel({ newestCapture }: { newestCapture: string | null }) {
  return (
    <Card title="Demo data">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <p className="max-w-prose text-sm text-slate-600">
          This is the demo workspace. Its leads were generated around the moment it was loaded
          {newestCapture ? `; the newest was captured ${newestCapture}` : ""}. Refresh them to see queues minutes and hours old again.
        </p>
        <TwoStepButton
          align="start"
          label="Refresh demo data…"
          note="Every demo lead is generated again around now. Reviews, tags, comments and agenda items on the old demo leads go with them; the demo's two past meetings and their fixes are made again; people, definitions, tokens, other meetings and fixes, and imported leads stay. Takes a few seconds."
          cancelLabel="Cancel"
          confirmLabel="Refresh demo data"
          pendingLabel="Refreshing…"
          action={refreshDemoAction}
          fields={{}}
          done={(message) => (
            <p role="status" className="max-w-prose text-sm text-emerald-700">
              {message}
            </p>
          )}
        />
      </div>
    </Card>
  );
}
