"use client";

import { signOut } from "next-auth/react";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/actions/result";
import type { UserChangeData, UserFormState } from "@/lib/users/form-data";

type ServerAction<T> = (previous: UserFormState<T>, formData: FormData) => Promise<ActionResult<T>>;

/**
 * One users or account form (the form kit's useActionForm). When the change revoked this browser's own
 * session (own role, password or sessions), sign it out for real so the next page is the sign-in page
 * rather than a confusing redirect.
 */
export function useUserForm<T extends UserChangeData>(options: {
  action: ServerAction<T>;
  validate?: (formData: FormData) => Record<string, string[]> | null;
  onDone?: (result: ActionResult<T> & { ok: true }) => void;
}) {
  const { action, validate, onDone } = options;
  return useActionForm<T>({
    action,
    validate,
    onSuccess: async (result) => {
      if (result.data.signedOutSelf) await signOut({ callbackUrl: "/sign-in" });
      else onDone?.(result);
    },
  });
}
