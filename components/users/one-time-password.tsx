"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { OneTimePasswordData } from "@/lib/users/form-data";

/**
 * A temporary password, shown this once: Baton keeps only its argon2id hash, so once this panel is closed
 * (or the page reloaded) nobody can read it again; a new one needs another reset.
 */
export function OneTimePassword({ grant, heading, onDone }: { grant: OneTimePasswordData; heading: string; onDone: () => void }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  const passwordRef = useRef<HTMLElement>(null);
  const titleId = useId();

  // Move focus to the panel so keyboard and screen-reader users land on the password.
  useEffect(() => panel.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(grant.temporaryPassword);
      setCopied("yes");
    } catch {
      // Clipboard access can be refused (plain http, permissions): select the text for a manual copy.
      const selection = window.getSelection();
      if (passwordRef.current && selection) selection.selectAllChildren(passwordRef.current);
      setCopied("failed");
    }
  }

  return (
    <div
      ref={panel}
      tabIndex={-1}
      role="region"
      aria-labelledby={titleId}
      className="space-y-3 rounded-md border border-amber-200 bg-amber-50 p-4 outline-none"
    >
      <h3 id={titleId} className="text-sm font-semibold text-slate-900">
        {heading}
      </h3>
      <div className="flex flex-wrap items-center gap-2">
        <code
          ref={passwordRef}
          data-testid="temporary-password"
          aria-label="Temporary password"
          className="rounded-md border border-amber-300 bg-white px-3 py-1.5 font-mono text-base tracking-wide text-slate-900 select-all"
        >
          {grant.temporaryPassword}
        </code>
        <Button type="button" variant="secondary" size="sm" onClick={copy}>
          {copied === "yes" ? "Copied" : "Copy"}
        </Button>
        <span role="status" aria-live="polite" className="text-xs text-slate-600">
          {copied === "yes"
            ? "Copied to the clipboard."
            : copied === "failed"
              ? "Copying is blocked here: the password is selected, press Ctrl+C."
              : ""}
        </span>
      </div>
      <div className="space-y-1 text-sm text-slate-700">
        <p>
          <strong className="font-semibold">Shown only this once.</strong> Baton keeps only a hash of it, so copy it now.
        </p>
        <p>
          Give it to {grant.name} securely: in person, by phone or in a password manager share, and never in the same message as their email
          address ({grant.email}). They sign in with it and can choose their own password under “Your account”.
        </p>
      </div>
      <Button type="button" size="sm" onClick={onDone}>
        Done, I have passed it on
      </Button>
    </div>
  );
}
