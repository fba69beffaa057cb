"use client";

import clsx from "clsx";
import { useState, useTransition } from "react";
import { useJsonDraft } from "@/components/review/use-draft";
import { WriteStatus } from "@/components/review/write-status";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FAILURE_POINT_DESCRIPTIONS, FAILURE_POINT_LABELS } from "@/lib/diagnosis/labels";
import type { FailurePoint } from "@/lib/diagnosis/vocabulary";
import { tagFailurePoint, untagFailurePoint } from "@/lib/review/actions";
import type { ActionResult } from "@/lib/actions/result";
import { TAG_VERDICT_LABELS, type TagVerdict } from "@/lib/review/failure-points";
import type { ReviewTag } from "@/lib/review/queries";
import { SIDE_LABELS } from "@/lib/review/sides";

// One failure point of a lead: what the diagnosis found, what people concluded, and the controls to
// confirm it, add it (the diagnosis missed it) or overrule it with a reason.

interface TagDraft {
  verdict: "failure" | "not_a_failure";
  note: string;
}

const VERDICT_TONES: Record<TagVerdict, Tone> = { confirmed: "bad", added: "bad", not_a_failure: "neutral" };

function state(diagnosed: boolean, tag: ReviewTag | null): { label: string; tone: Tone } {
  if (tag) return { label: TAG_VERDICT_LABELS[tag.verdict], tone: VERDICT_TONES[tag.verdict] };
  return diagnosed ? { label: "Found by diagnosis", tone: "warn" } : { label: "Not found", tone: "muted" };
}

export function FailurePointRow({
  leadId,
  point,
  diagnosed,
  tag,
  canTag,
}: {
  leadId: number;
  point: FailurePoint;
  diagnosed: boolean;
  tag: ReviewTag | null;
  canTag: boolean;
}) {
  const [draft, setDraft, clearDraft] = useJsonDraft<TagDraft>(`tag:${leadId}:${point}`);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const shown = state(diagnosed, tag);

  function save(verdict: TagDraft["verdict"], note: string) {
    startTransition(async () => {
      const outcome = await tagFailurePoint({ leadId, failurePoint: point, verdict, note, version: tag?.version });
      setResult(outcome);
      if (outcome.ok) clearDraft();
    });
  }

  function remove() {
    if (!tag) return;
    startTransition(async () => setResult(await untagFailurePoint({ leadId, failurePoint: point, version: tag.version })));
  }

  const active = tag ? tag.verdict !== "not_a_failure" : diagnosed;
  return (
    <li
      data-failure-point={point}
      data-state={tag?.verdict ?? (diagnosed ? "diagnosed" : "none")}
      className={clsx("py-2", !active && !tag && "opacity-90")}
    >
      <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
        <div className="min-w-0">
          <p className="text-sm font-medium text-slate-900">{FAILURE_POINT_LABELS[point]}</p>
          <p className="text-xs text-slate-500">{FAILURE_POINT_DESCRIPTIONS[point]}</p>
        </div>
        <Badge tone={shown.tone}>{shown.label}</Badge>
      </div>
      {tag && (
        <p className="mt-1 text-xs text-slate-600">
          {tag.note && <span className="text-slate-800">“{tag.note}” </span>}
          <span className="text-slate-500">
            — {tag.createdBy.name}
            {tag.side ? ` (${SIDE_LABELS[tag.side].toLowerCase()})` : ""}
          </span>
        </p>
      )}
      {canTag && !draft && (
        <div className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs">
          {diagnosed && tag?.verdict !== "confirmed" && (
            <button
              type="button"
              className="font-medium text-brand-700 hover:underline"
              disabled={pending}
              onClick={() => save("failure", tag?.note ?? "")}
            >
              Confirm
            </button>
          )}
          {diagnosed && tag?.verdict !== "not_a_failure" && (
            <button
              type="button"
              className="font-medium text-brand-700 hover:underline"
              onClick={() => setDraft({ verdict: "not_a_failure", note: "" })}
            >
              Not a failure…
            </button>
          )}
          {!diagnosed && !tag && (
            <button
              type="button"
              className="font-medium text-brand-700 hover:underline"
              onClick={() => setDraft({ verdict: "failure", note: "" })}
            >
              Tag as a failure…
            </button>
          )}
          {tag && (
            <button type="button" className="text-slate-600 hover:underline" disabled={pending} onClick={remove}>
              Remove tag
            </button>
          )}
        </div>
      )}
      {canTag && draft && (
        <form
          className="mt-1.5 space-y-1.5"
          onSubmit={(event) => {
            event.preventDefault();
            save(draft.verdict, draft.note);
          }}
        >
          <label htmlFor={`tag-note-${point}`} className="block text-xs font-medium text-slate-700">
            {draft.verdict === "not_a_failure" ? "Why is this not a failure?" : "What did you see? (e.g. a generic first message)"}
          </label>
          <input
            id={`tag-note-${point}`}
            value={draft.note}
            onChange={(event) => setDraft({ ...draft, note: event.target.value })}
            maxLength={1000}
            required={draft.verdict === "not_a_failure"}
            className="block w-full rounded-md border border-slate-300 px-2 py-1 text-sm focus:border-brand-500 focus:ring-1 focus:ring-brand-500 focus:outline-none"
          />
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={pending}>
              {draft.verdict === "not_a_failure" ? "Mark not a failure" : "Tag as failure"}
            </Button>
            <Button type="button" size="sm" variant="ghost" onClick={clearDraft}>
              Cancel
            </Button>
          </div>
        </form>
      )}
      <WriteStatus result={result} className="mt-1" />
    </li>
  );
}
