"use client";

import { startTransition, useActionState, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";
import { revokeTokenAction } from "@/lib/tokens/actions";

/** Revoking takes two clicks: the first says what stops working. */
export function RevokeTokenButton({ id, name }: { id: number; name: string }) {
  const [confirming, setConfirming] = useState(false);
  const noteId = useId();
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(revokeTokenAction, null);

  if (!confirming) {
    return (
      <div className="flex flex-col items-end gap-1">
        <Button type="button" variant="secondary" size="sm" onClick={() => setConfirming(true)} aria-label={`Revoke ${name}`}>
          Revoke
        </Button>
        {state && !state.ok && (
          <p role="alert" className="text-xs text-red-700">
            {state.message}
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="flex flex-col items-end gap-1">
      <p id={noteId} className="max-w-56 text-right text-xs text-slate-600">
        Requests with “{name}” fail from now on.
      </p>
      <div className="flex gap-2">
        <Button type="button" variant="ghost" size="sm" onClick={() => setConfirming(false)} disabled={pending}>
          Keep
        </Button>
        <Button
          type="button"
          variant="danger"
          size="sm"
          aria-describedby={noteId}
          disabled={pending}
          onClick={() => {
            const formData = new FormData();
            formData.set("id", String(id));
            startTransition(() => action(formData));
          }}
        >
          {pending ? "Revoking…" : `Revoke ${name}`}
        </Button>
      </div>
    </div>
  );
}
