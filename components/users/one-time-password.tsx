"use client";

import { ShownOnceSecret } from "@/components/ui/shown-once-secret";
import type { OneTimePasswordData } from "@/lib/users/form-data";

/**
 * A temporary password, shown this once: Baton keeps only its argon2id hash, so once this panel is closed
 * (or the page reloaded) nobody can read it again; a new one needs another reset.
 */
export function OneTimePassword({ grant, heading, onDone }: { grant: OneTimePasswordData; heading: string; onDone: () => void }) {
  return (
    <ShownOnceSecret
      heading={heading}
      secret={grant.temporaryPassword}
      what="temporary password"
      testId="temporary-password"
      secretClassName="text-base tracking-wide"
      then="copy it now."
      doneLabel="Done, I have passed it on"
      onDone={onDone}
    >
      <p className="text-sm text-slate-700">
        Give it to {grant.name} securely: in person, by phone or in a password manager share, and never in the same message as their email
        address ({grant.email}). They sign in with it and can choose their own password under “Your account”.
      </p>
    </ShownOnceSecret>
  );
}
