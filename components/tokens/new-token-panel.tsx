"use client";

import { ShownOnceSecret } from "@/components/ui/shown-once-secret";
import type { CreatedTokenData } from "@/lib/tokens/actions";

/** The new token, shown this once (Baton keeps only its hash), with a copy button and a first request. */
export function NewTokenPanel({ created, onDone }: { created: CreatedTokenData; onDone: () => void }) {
  return (
    <ShownOnceSecret
      heading={`Token “${created.name}” (${created.scope === "write" ? "read and write" : "read only"})`}
      secret={created.token}
      what="new API token"
      testId="new-api-token"
      secretClassName="text-sm break-all"
      then="store it in your integration's secret store now."
      doneLabel="Done, I have stored it"
      onDone={onDone}
    >
      <pre className="overflow-x-auto rounded-md bg-slate-900 px-3 py-2 text-xs text-slate-100">
        {`curl -H "Authorization: Bearer ${created.prefix}…" ${typeof window === "undefined" ? "" : window.location.origin}/api/v1/leads`}
      </pre>
    </ShownOnceSecret>
  );
}
