"use client";

import { signOut } from "next-auth/react";
import { useState, useTransition } from "react";
import { FormStatus } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { signOutEverywhereAction } from "@/lib/users/actions";

/** Ends every session of this account: the server revokes them all, then this browser signs out too. */
export function SignOutEverywhereButton() {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function signOutEverywhere() {
    setError(null);
    startTransition(async () => {
      const result = await signOutEverywhereAction();
      if (!result.ok) {
        setError(result.message);
        return;
      }
      await signOut({ callbackUrl: "/sign-in" });
    });
  }

  return (
    <div className="space-y-2">
      <Button type="button" variant="secondary" size="sm" onClick={signOutEverywhere} disabled={pending}>
        {pending ? "Signing out…" : "Sign out everywhere"}
      </Button>
      <p className="text-xs text-slate-500">Ends your sessions on every device and browser, this one included.</p>
      <FormStatus state={error ? { ok: false, message: error } : null} />
    </div>
  );
}
