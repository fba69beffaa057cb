"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";

type Action = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;

/** One button posting one connection action; its outcome is announced next to it. */
export function ConnectionActionButton({
  action,
  id,
  label,
  pendingLabel,
  variant = "secondary",
  fields = {},
}: {
  action: Action;
  id: number;
  label: string;
  pendingLabel: string;
  variant?: "secondary" | "danger" | "ghost";
  fields?: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState<ActionResult | null, FormData>(action, null);
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name="id" value={id} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" size="sm" variant={variant} disabled={pending}>
        {pending ? pendingLabel : label}
      </Button>
      <p
        role="status"
        aria-live="polite"
        className={state?.ok === false ? "max-w-72 text-xs text-red-700" : "max-w-72 text-xs text-emerald-700"}
      >
        {state?.message}
      </p>
    </form>
  );
}
