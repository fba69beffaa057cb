"use client";

import { TwoStepButton } from "@/components/ui/two-step-button";
import { revokeTokenAction } from "@/lib/tokens/actions";

/** Revoking takes two clicks: the first says what stops working. */
export function RevokeTokenButton({ id, name }: { id: number; name: string }) {
  return (
    <TwoStepButton
      label="Revoke"
      ariaLabel={`Revoke ${name}`}
      note={`Requests with “${name}” fail from now on.`}
      cancelLabel="Keep"
      confirmLabel={`Revoke ${name}`}
      pendingLabel="Revoking…"
      action={revokeTokenAction}
      fields={{ id: String(id) }}
    />
  );
}
