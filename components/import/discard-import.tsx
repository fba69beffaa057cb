"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { discardImportAction } from "@/lib/import/actions";

/** Throws away an import that never wrote anything: its uploaded files, mapping and report. */
export function DiscardImport({ jobId }: { jobId: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button
        type="button"
        variant="secondary"
        size="sm"
        disabled={pending}
        onClick={() => {
          if (!window.confirm("Discard this import? Its uploaded files, mapping and report are deleted; nothing in Baton changes.")) return;
          startTransition(async () => {
            const result = await discardImportAction(jobId);
            if (result.ok) router.push("/import");
            else setMessage(result.message ?? "The import could not be discarded.");
          });
        }}
      >
        Discard this import
      </Button>
      <p className="text-xs text-slate-500">Nothing of it was imported; discarding removes the upload.</p>
      {message && (
        <p role="alert" className="text-sm text-red-700">
          {message}
        </p>
      )}
    </div>
  );
}
