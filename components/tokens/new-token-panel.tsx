"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { CreatedTokenData } from "@/lib/tokens/actions";

/** The new token, shown this once (Baton keeps only its hash), with a copy button and a first request. */
export function NewTokenPanel({ created, onDone }: { created: CreatedTokenData; onDone: () => void }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  const secret = useRef<HTMLElement>(null);
  const titleId = useId();
  useEffect(() => panel.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied("yes");
    } catch {
      // Clipboard access can be refused (plain http): select the token for a manual copy instead.
      const selection = window.getSelection();
      if (secret.current && selection) selection.selectAllChildren(secret.current);
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
        Token “{created.name}” ({created.scope === "write" ? "read and write" : "read only"})
      </h3>
      <div className="flex flex-wrap items-center gap-2">
        <code
          ref={secret}
          data-testid="new-api-token"
          aria-label="New API token"
          className="rounded-md border border-amber-300 bg-white px-3 py-1.5 font-mono text-sm break-all text-slate-900 select-all"
        >
          {created.token}
        </code>
        <Button type="button" variant="secondary" size="sm" onClick={copy}>
          {copied === "yes" ? "Copied" : "Copy"}
        </Button>
        <span role="status" aria-live="polite" className="text-xs text-slate-600">
          {copied === "yes"
            ? "Copied to the clipboard."
            : copied === "failed"
              ? "Copying is blocked here: the token is selected, press Ctrl+C."
              : ""}
        </span>
      </div>
      <p className="text-sm text-slate-700">
        <strong className="font-semibold">Shown only this once.</strong> Baton keeps only a hash of it: store it in your integration&apos;s
        secret store now.
      </p>
      <pre className="overflow-x-auto rounded-md bg-slate-900 px-3 py-2 text-xs text-slate-100">
        {`curl -H "Authorization: Bearer ${created.prefix}…" ${typeof window === "undefined" ? "" : window.location.origin}/api/v1/leads`}
      </pre>
      <Button type="button" size="sm" onClick={onDone}>
        Done, I have stored it
      </Button>
    </div>
  );
}
