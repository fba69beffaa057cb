"use client";

import clsx from "clsx";
import { useRouter } from "next/navigation";
import type { KeyboardEvent, ReactNode, Ref } from "react";
import { Button } from "@/components/ui/button";
import { Kbd } from "@/components/queue/shortcuts-legend";
import { submitOnEnter } from "@/components/queue/use-decision-form";
import { FIRST_ACTION_CHANNELS } from "@/lib/decisions/schemas";

// Small shared pieces of the decision forms: the form's frame, a labelled field with its error, the
// first-action channels, the form's refusal line and the confirm / cancel buttons.

/**
 * A decision form's frame: named for screen readers, checked in the browser when submitted (`onSubmit`
 * calls the decision form's submit), Enter confirms (a form may add keys of its own), and the refusal
 * line and the confirm / cancel buttons close it.
 */
export function DecisionFormFrame(props: {
  label: string;
  form: { pending: boolean; refusal: string | null; refusedByServer: boolean };
  onSubmit: () => void;
  onKeyDown?: (event: KeyboardEvent<HTMLFormElement>) => void;
  submitLabel: string;
  variant?: "primary" | "danger";
  onCancel: () => void;
  confirmRef?: Ref<HTMLButtonElement>;
  /** A form of one or two fields sits tighter. */
  compact?: boolean;
  children: ReactNode;
}) {
  const { form } = props;
  return (
    <form
      aria-label={props.label}
      noValidate
      onKeyDown={props.onKeyDown ?? submitOnEnter}
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
      className={props.compact ? "space-y-3" : "space-y-4"}
    >
      {props.children}
      <Refusal message={form.refusal} offerReload={form.refusedByServer} />
      <FormButtons
        pending={form.pending}
        label={props.submitLabel}
        variant={props.variant}
        onCancel={props.onCancel}
        confirmRef={props.confirmRef}
      />
    </form>
  );
}

const CHANNEL_LABELS: Record<string, string> = { none: "Not yet", call: "Call", email: "Email", meeting: "Meeting booked" };

/** The channels of a first sales touch as a row of choices; `withNone` adds "Not yet" first. */
export function ChannelChoice(props: {
  name: string;
  value: string;
  onChange: (channel: string) => void;
  withNone?: boolean;
  firstRef?: Ref<HTMLInputElement>;
}) {
  const channels: readonly string[] = props.withNone ? ["none", ...FIRST_ACTION_CHANNELS] : FIRST_ACTION_CHANNELS;
  return (
    <div role="radiogroup" className="mt-1.5 flex flex-wrap gap-2">
      {channels.map((channel, index) => (
        <label
          key={channel}
          className="inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-sm ring-1 ring-slate-200 has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-500"
        >
          <input
            ref={index === 0 ? props.firstRef : undefined}
            type="radio"
            name={props.name}
            value={channel}
            checked={props.value === channel}
            onChange={() => props.onChange(channel)}
            className="accent-brand-600"
          />
          {CHANNEL_LABELS[channel]}
        </label>
      ))}
    </div>
  );
}

export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 shadow-sm focus:border-brand-500 focus:outline-none focus:ring-1 focus:ring-brand-500 aria-[invalid=true]:border-red-400";

export function FieldErrorText({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={id} className="mt-1 text-xs text-red-700">
      {error}
    </p>
  ) : null;
}

export function LabelledField({
  id,
  label,
  hint,
  error,
  children,
  className,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <div className="mt-1">{children}</div>
      <FieldErrorText id={`${id}-error`} error={error} />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
    </div>
  );
}

/** What was said in a sales touch (a call, an email, a meeting), optional: asked when accepting and when logging the first touch. */
export function TouchNoteField(props: { id: string; value: string; onChange: (note: string) => void; placeholder?: string }) {
  return (
    <div>
      <label htmlFor={props.id} className="block text-xs font-medium text-slate-700">
        What was said (optional)
      </label>
      <input
        id={props.id}
        type="text"
        maxLength={2000}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        className={`${inputClass} mt-1`}
        placeholder={props.placeholder}
      />
    </div>
  );
}

/** aria props tying a control to its hint and error. */
export function described(id: string, error: string | undefined, hint = false) {
  const ids = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": ids || undefined };
}

/** Why nothing was saved; when the server refused (a stale decision), a way to see the current state. */
export function Refusal({ message, offerReload = false }: { message: string | null; offerReload?: boolean }) {
  const router = useRouter();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <p role="alert" className={clsx("text-sm text-red-700", !message && "sr-only")}>
        {message}
      </p>
      {message && offerReload && (
        <Button type="button" size="sm" variant="secondary" onClick={() => router.refresh()}>
          Reload the queue
        </Button>
      )}
    </div>
  );
}

function FormButtons({
  pending,
  label,
  onCancel,
  variant = "primary",
  confirmRef,
}: {
  pending: boolean;
  label: string;
  onCancel: () => void;
  variant?: "primary" | "danger";
  confirmRef?: Ref<HTMLButtonElement>;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button ref={confirmRef} type="submit" variant={variant} disabled={pending} aria-disabled={pending}>
        {pending ? "Saving…" : label}
        <span className="ml-1 hidden text-xs opacity-80 sm:inline" aria-hidden>
          ⏎
        </span>
      </Button>
      <Button type="button" variant="ghost" onClick={onCancel} disabled={pending}>
        Cancel{" "}
        <span className="ml-1" aria-hidden>
          <Kbd>Esc</Kbd>
        </span>
      </Button>
    </div>
  );
}
