"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";

type Action = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;

/** A small form posting to a server action, with its result (or the first field error) beside the button. */
export function ActionForm(props: {
  action: Action;
  submitLabel: string;
  variant?: "primary" | "secondary";
  className?: string;
  children?: React.ReactNode;
}) {
  const [state, formAction, pending] = useActionState<ActionResult | null, FormData>(props.action, null);
  const fieldError = state && !state.ok ? Object.values(state.fieldErrors ?? {})[0]?.[0] : undefined;
  return (
    <form action={formAction} className={props.className ?? "flex flex-wrap items-end gap-3"}>
      {props.children}
      <Button type="submit" size="sm" variant={props.variant ?? "secondary"} disabled={pending}>
        {pending ? "Working…" : props.submitLabel}
      </Button>
      {state && (
        <p role={state.ok ? "status" : "alert"} className={`basis-full text-xs ${state.ok ? "text-emerald-700" : "text-red-700"}`}>
          {state.ok ? state.message : fieldError ? `${state.message} ${fieldError}` : state.message}
        </p>
      )}
    </form>
  );
}
