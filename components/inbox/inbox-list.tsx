"use client";

import Link from "next/link";
import { useState } from "react";
import { AnswerForm } from "@/components/inbox/answer-form";
import { captureContextLine } from "@/components/queue/capture-context";
import { Badge } from "@/components/ui/badge";
import type { InboxAnswer, InboxQuestion } from "@/lib/decisions/inbox-queries";
import { ACCEPTANCE_STATUS_LABELS } from "@/lib/leads/labels";
import { formatDateTime, formatDuration } from "@/lib/time";

/**
 * Open questions, longest wait first, each with the capture context marketing answers from. A question
 * answered here stays on screen with its confirmation after the page refreshes without it.
 */
export function InboxList({ questions, timeZone, now }: { questions: InboxQuestion[]; timeZone: string; now: string }) {
  const [answered, setAnswered] = useState<Record<number, { item: InboxQuestion; message: string }>>({});
  const kept = Object.values(answered)
    .filter(({ item }) => !questions.some((question) => question.leadId === item.leadId))
    .map(({ item }) => item);
  const shown = [...questions, ...kept].sort((a, b) => a.askedAt.localeCompare(b.askedAt) || a.leadId - b.leadId);
  if (shown.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-sm text-slate-600">
        No open questions from sales. When a rep asks about a lead, it shows here.
      </p>
    );
  }
  return (
    <ol aria-label="Open questions" className="space-y-3">
      {shown.map((item) => {
        const waited = new Date(now).getTime() - new Date(item.askedAt).getTime();
        return (
          <li
            key={item.leadId}
            aria-label={`Question about ${item.leadName}`}
            className="rounded-lg border border-slate-200 bg-white p-4 [overflow-wrap:anywhere] shadow-sm"
          >
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="min-w-0">
                <Link href={`/leads/${item.leadId}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                  {item.leadName}
                </Link>
                <p className="text-xs text-slate-600">
                  {[item.title, item.company].filter(Boolean).join(" at ") || "No title or company"} ·{" "}
                  {item.leadTypeName ?? "Unknown lead type"} · owner {item.ownerName ?? "nobody"}
                </p>
                <p className="text-xs text-slate-500">{captureContextLine(item)}</p>
              </div>
              <div className="flex items-center gap-2">
                {item.acceptanceStatus !== "info_requested" && (
                  <Badge tone="info">Rep already decided: {ACCEPTANCE_STATUS_LABELS[item.acceptanceStatus].toLowerCase()}</Badge>
                )}
                <Badge tone={waited > 86_400_000 ? "bad" : waited > 4 * 3_600_000 ? "warn" : "neutral"}>
                  waiting {formatDuration(waited)}
                </Badge>
              </div>
            </div>
            <div className="mt-3 rounded-md bg-slate-50 p-3">
              <p className="text-xs text-slate-500">
                {item.askedByName} asked on {formatDateTime(item.askedAt, timeZone)}
              </p>
              <p className="mt-0.5 text-sm break-words whitespace-pre-wrap text-slate-900">{item.question}</p>
            </div>
            {item.buyerMessage && (
              <blockquote className="mt-2 border-l-2 border-slate-300 pl-3 text-xs break-words whitespace-pre-wrap text-slate-600 italic">
                Buyer wrote: {item.buyerMessage}
              </blockquote>
            )}
            <div className="mt-3">
              {answered[item.leadId] ? (
                <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
                  {answered[item.leadId]!.message}
                </p>
              ) : (
                <AnswerForm
                  leadId={item.leadId}
                  leadName={item.leadName}
                  leadVersion={item.leadVersion}
                  onAnswered={(message) => setAnswered((current) => ({ ...current, [item.leadId]: { item, message } }))}
                />
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

export function RecentAnswers({ answers, timeZone }: { answers: InboxAnswer[]; timeZone: string }) {
  if (answers.length === 0) return <p className="text-sm text-slate-500">No answers yet.</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm [overflow-wrap:anywhere]">
      {answers.map((item) => (
        <li key={`${item.leadId}-${item.answeredAt}`} className="py-2">
          <p className="text-xs text-slate-500">
            <Link href={`/leads/${item.leadId}`} className="font-medium text-slate-700 hover:underline">
              {item.leadName}
            </Link>{" "}
            · {item.answeredByName ?? "Marketing"} on {formatDateTime(item.answeredAt, timeZone)}
          </p>
          <p className="text-slate-600">Q: {item.question}</p>
          <p className="break-words whitespace-pre-wrap text-slate-900">A: {item.answer}</p>
        </li>
      ))}
    </ul>
  );
}
