"use client";

import { useState, useTransition, type KeyboardEvent } from "react";
import type { z } from "zod";
import type { DecisionActionResult } from "@/lib/decisions/actions";
import { toFieldErrors } from "@/lib/actions/input";
import type { QueueItem } from "@/lib/decisions/queue-queries";

export type DecisionSuccess = Extract<DecisionActionResult, { ok: true }>;

/** What every decision form is opened with: the lead, and where a saved decision or a cancel goes. */
export interface DecisionFormProps {
  lead: QueueItem;
  onDone: (result: DecisionSuccess) => void;
  onCancel: () => void;
}

/**
 * One decision form: check the input against the server's schema in the browser, then call the server
 * action. Field errors land by path ("detail", "criteria.icp_company_size"); a refusal (a stale decision,
 * no permission) stays on screen with its message, and the input is kept.
 */
export function useDecisionForm(options: {
  send: (input: unknown) => Promise<DecisionActionResult>;
  onDone: (result: DecisionSuccess) => void;
}) {
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  /** The server refused as a whole (stale, no permission): the queue may be out of date. */
  const [refusedByServer, setRefusedByServer] = useState(false);

  function submit(schema: z.ZodType, input: Record<string, unknown>) {
    const checked = schema.safeParse(input);
    if (!checked.success) {
      setFieldErrors(toFieldErrors(checked.error));
      setRefusal("Some fields need attention. Nothing was saved.");
      setRefusedByServer(false);
      return;
    }
    startTransition(async () => {
      const result = await options.send(input);
      if (result.ok) {
        setFieldErrors({});
        setRefusal(null);
        options.onDone(result);
      } else {
        setFieldErrors(result.fieldErrors ?? {});
        setRefusal(result.message);
        setRefusedByServer(!result.fieldErrors);
      }
    });
  }

  const errorFor = (path: string) => fieldErrors[path]?.[0];
  return { pending, submit, errorFor, refusal, refusedByServer, fieldErrors };
}

/**
 * The app's one submit convention: Enter confirms from a single-line field, Ctrl/⌘+Enter from a text area
 * (where Enter writes a new line). Buttons click themselves; selects keep Enter for their own list.
 */
export function submitOnEnter(event: KeyboardEvent<HTMLFormElement>) {
  if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
  const target = event.target as HTMLElement;
  if (target.tagName === "BUTTON" || target.tagName === "A" || target.tagName === "SELECT") return;
  if (target.tagName === "TEXTAREA" && !(event.ctrlKey || event.metaKey)) return;
  event.preventDefault();
  event.currentTarget.requestSubmit();
}

/** A datetime-local value (the browser's zone) as an ISO instant; anything else is passed on for the schema to refuse. */
export function localToIso(value: string): string {
  if (!value) return "";
  const date = new Date(value);
  return Number.isFinite(date.getTime()) ? date.toISOString() : value;
}
