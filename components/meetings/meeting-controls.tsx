"use client";

import { useState, useTransition } from "react";
import { WriteStatus } from "@/components/review/write-status";
import { Button, ButtonLink } from "@/components/ui/button";
import { beginMeeting, finishMeeting } from "@/lib/meetings/actions";
import type { ActionResult } from "@/lib/actions/result";

/** Start, continue, end: the meeting's life, for organisers. Ending asks once more. */
export function MeetingControls({
  id,
  version,
  status,
  canManage,
  presenting = false,
}: {
  id: number;
  version: number;
  status: "planned" | "running" | "ended";
  canManage: boolean;
  presenting?: boolean;
}) {
  const [result, setResult] = useState<ActionResult | null>(null);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [pending, startTransition] = useTransition();
  const run = (action: typeof beginMeeting) =>
    startTransition(async () => {
      const outcome = await action({ id, version });
      if (outcome && !outcome.ok) setResult(outcome);
    });

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap items-center gap-2">
        {status === "planned" && canManage && (
          <Button onClick={() => run(beginMeeting)} disabled={pending}>
            Start meeting
          </Button>
        )}
        {status === "running" && !presenting && (
          <ButtonLink href={`/meetings/${id}/present`}>{canManage ? "Present" : "Follow the meeting"}</ButtonLink>
        )}
        {status === "running" && canManage && !confirmEnd && (
          <Button variant="secondary" onClick={() => setConfirmEnd(true)}>
            End meeting
          </Button>
        )}
        {confirmEnd && (
          <>
            <span className="text-sm text-slate-600">End for everyone?</span>
            <Button variant="danger" onClick={() => run(finishMeeting)} disabled={pending}>
              Yes, end it
            </Button>
            <Button variant="ghost" onClick={() => setConfirmEnd(false)}>
              Not yet
            </Button>
          </>
        )}
        {presenting && (
          <ButtonLink variant="secondary" href={`/meetings/${id}`}>
            Agenda
          </ButtonLink>
        )}
        {status !== "planned" && (
          <ButtonLink variant="secondary" href={`/meetings/${id}/summary`}>
            Summary
          </ButtonLink>
        )}
      </div>
      <WriteStatus result={result} />
    </div>
  );
}
