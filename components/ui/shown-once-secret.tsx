"use client";

import clsx from "clsx";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * A secret Baton shows this once and keeps only a hash of (a new API token, a temporary password): focused
 * when it appears, with a copy button that falls back to selecting the text where the clipboard is refused,
 * the warning that it will not be shown again and what to do now (`then`), further advice (`children`),
 * and a button that closes it for good.
 */
export function ShownOnceSecret(props: {
  heading: React.ReactNode;
  secret: string;
  /** What the secret is, in lower case: the copy fallback's message and the secret's accessible name say it. */
  what: string;
  testId: string;
  /** Type size and spacing of the secret (a token wraps anywhere, a password reads letter by letter). */
  secretClassName: string;
  /** Ends the warning "Baton keeps only a hash of it, so …": what to do with the secret now. */
  then: string;
  doneLabel: string;
  onDone: () => void;
  children?: React.ReactNode;
}) {
  const { heading, secret, what, testId, secretClassName, then, doneLabel, onDone, children } = props;
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  const secretRef = useRef<HTMLElement>(null);
  const titleId = useId();

  // Move focus to the panel so keyboard and screen-reader users land on the secret.
  useEffect(() => panel.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("yes");
    } catch {
      // Clipboard access can be refused (plain http, permissions): select the text for a manual copy.
      const selection = window.getSelection();
      if (secretRef.current && selection) selection.selectAllChildren(secretRef.current);
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
          ref={secretRef}
          data-testid={testId}
          aria-label={what.charAt(0).toUpperCase() + what.slice(1)}
          className={clsx("rounded-md border border-amber-300 bg-white px-3 py-1.5 font-mono text-slate-900 select-all", secretClassName)}
        >
          {secret}
        </code>
        <Button type="button" variant="secondary" size="sm" onClick={copy}>
          {copied === "yes" ? "Copied" : "Copy"}
        </Button>
        <span role="status" aria-live="polite" className="text-xs text-slate-600">
          {copied === "yes"
            ? "Copied to the clipboard."
            : copied === "failed"
              ? `Copying is blocked here: the ${what.split(" ").at(-1)} is selected, press Ctrl+C.`
              : ""}
        </span>
      </div>
      <p className="text-sm text-slate-700">
        <strong className="font-semibold">Shown only this once.</strong> Baton keeps only a hash of it, so {then}
      </p>
      {children}
      <Button type="button" size="sm" onClick={onDone}>
        {doneLabel}
      </Button>
    </div>
  );
}
