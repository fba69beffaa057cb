"use client";

import { useId, useState } from "react";
import { useUserForm } from "@/components/users/use-user-form";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";
import type { UserChangeData, UserFormState } from "@/lib/users/form-data";

interface ConfirmActionFormProps<T extends UserChangeData> {
  action: (previous: UserFormState<T>, formData: FormData) => Promise<ActionResult<T>>;
  fields: Record<string, string>;
  label: string;
  /** What happens, said before the second click: these changes sign people out. */
  consequence: string;
  danger?: boolean;
  disabledReason?: string;
  onResult: (result: ActionResult<T>) => void;
}

/** One account action behind a confirmation step: the first click explains, the second does it. */
export function ConfirmActionForm<T extends UserChangeData>(props: ConfirmActionFormProps<T>) {
  const { action, fields, label, consequence, danger, disabledReason, onResult } = props;
  const [confirming, setConfirming] = useState(false);
  const reasonId = useId();
  const { pending, onSubmit } = useUserForm<T>({
    action: async (previous, formData) => {
      const result = await action(previous, formData);
      setConfirming(false);
      onResult(result);
      return result;
    },
  });

  if (disabledReason) {
    return (
      <div className="space-y-1">
        <Button type="button" variant="secondary" size="sm" disabled aria-describedby={reasonId}>
          {label}
        </Button>
        <p id={reasonId} className="max-w-56 text-xs text-slate-500">
          {disabledReason}
        </p>
      </div>
    );
  }
  if (!confirming) {
    return (
      <Button type="button" variant="secondary" size="sm" onClick={() => setConfirming(true)}>
        {label}
      </Button>
    );
  }
  return (
    <form onSubmit={onSubmit} className="max-w-sm space-y-2 rounded-md border border-slate-200 bg-white p-3">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <p className="text-sm text-slate-700">{consequence}</p>
      <div className="flex gap-2">
        <Button type="submit" variant={danger ? "danger" : "primary"} size="sm" disabled={pending} autoFocus>
          {pending ? "Working…" : `Yes, ${label.toLowerCase()}`}
        </Button>
        <Button type="button" variant="ghost" size="sm" onClick={() => setConfirming(false)} disabled={pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
