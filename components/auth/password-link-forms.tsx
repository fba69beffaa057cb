"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { controlClass } from "@/components/ui/form";
import { Button } from "@/components/ui/button";

type Outcome = { ok: boolean; message: string } | null;

async function post(url: string, body: unknown): Promise<Outcome> {
  try {
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const json = (await response.json()) as { message?: string; error?: { message?: string; fields?: { message: string }[] } };
    if (response.ok) return { ok: true, message: json.message ?? "Done." };
    return { ok: false, message: [json.error?.message, ...(json.error?.fields?.map((f) => f.message) ?? [])].filter(Boolean).join(" ") };
  } catch {
    return { ok: false, message: "Baton could not be reached. Check your connection and try again." };
  }
}

function Result({ outcome }: { outcome: Outcome }) {
  if (!outcome) return null;
  return (
    <p role={outcome.ok ? "status" : "alert"} className={`text-sm ${outcome.ok ? "text-emerald-700" : "text-red-700"}`}>
      {outcome.message}
    </p>
  );
}

export function ResetRequestForm() {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, setPending] = useState(false);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setOutcome(await post("/api/password/reset", { email: new FormData(event.currentTarget).get("email") }));
    setPending(false);
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <div>
        <label htmlFor="reset-email" className="block text-xs font-medium text-slate-700">
          Email
        </label>
        <input id="reset-email" name="email" type="email" required autoComplete="email" className={`${controlClass} mt-1`} />
      </div>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Sending…" : "Email me a link"}
      </Button>
      <Result outcome={outcome} />
      <Link href="/sign-in" className="block text-center text-xs text-slate-600 hover:underline">
        Back to sign in
      </Link>
    </form>
  );
}

export function SetPasswordForm({ token }: { token: string }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, setPending] = useState(false);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    if (data.get("password") !== data.get("confirm")) {
      setOutcome({ ok: false, message: "The two passwords differ. Type the same password twice." });
      return;
    }
    setPending(true);
    setOutcome(await post("/api/password/set", { token, password: data.get("password") }));
    setPending(false);
  }
  if (outcome?.ok) {
    return (
      <div className="space-y-4">
        <Result outcome={outcome} />
        <Link href="/sign-in" className="block text-center text-sm font-medium text-brand-700 hover:underline">
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <NewPasswordField id="new-password" name="password" label="New password (at least 12 characters)" />
      <NewPasswordField id="confirm-password" name="confirm" label="The same again" />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Saving…" : "Set my password"}
      </Button>
      <Result outcome={outcome} />
    </form>
  );
}

/** A new password (typed twice on this form): at least 12 characters, offered to the password manager. */
function NewPasswordField({ id, name, label }: { id: string; name: string; label: string }) {
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <input id={id} name={name} type="password" required minLength={12} autoComplete="new-password" className={`${controlClass} mt-1`} />
    </div>
  );
}
