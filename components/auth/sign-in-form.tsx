"use client";

import { signIn } from "next-auth/react";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { signInSchema } from "@/lib/auth/schemas";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";

interface SignInFormProps {
  callbackUrl: string;
  initialError?: string;
  /** The identity provider's label when single sign-on is configured. */
  ssoName: string | null;
  passwordSignIn: boolean;
}

export function SignInForm({ callbackUrl, initialError, ssoName, passwordSignIn }: SignInFormProps) {
  const [error, setError] = useState<string | undefined>(initialError);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string | undefined>>({});
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) {
      const flat = parsed.error.flatten().fieldErrors;
      setFieldErrors({ email: flat.email?.[0], password: flat.password?.[0] });
      return;
    }
    setFieldErrors({});
    startTransition(async () => {
      const result = await signIn("credentials", { ...parsed.data, redirect: false });
      if (!result || result.error) {
        setError(signInErrorMessage(result?.error ?? "unknown"));
        return;
      }
      window.location.assign(callbackUrl);
    });
  }

  const alert = (
    <p role="alert" aria-live="polite" className="min-h-5 text-sm text-red-700">
      {error}
    </p>
  );
  const sso = ssoName && (
    <Button
      type="button"
      variant={passwordSignIn ? "secondary" : "primary"}
      className="w-full"
      disabled={pending}
      onClick={() => startTransition(async () => void (await signIn("oidc", { callbackUrl })))}
    >
      Sign in with {ssoName}
    </Button>
  );
  if (!passwordSignIn) {
    return (
      <div className="space-y-4">
        {alert}
        {sso}
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <Field label="Email" name="email" type="email" autoComplete="username" error={fieldErrors.email} />
        <Field label="Password" name="password" type="password" autoComplete="current-password" error={fieldErrors.password} />
        {alert}
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {sso && <p className="text-center text-xs tracking-wide text-slate-400 uppercase">or</p>}
      {sso}
    </div>
  );
}

function Field({
  label,
  name,
  type,
  autoComplete,
  error,
}: {
  label: string;
  name: string;
  type: string;
  autoComplete: string;
  error?: string;
}) {
  const errorId = `${name}-error`;
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required
        aria-invalid={Boolean(error)}
        aria-describedby={error ? errorId : undefined}
        className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:ring-1 focus:ring-brand-500 focus:outline-none"
      />
      {error && (
        <p id={errorId} className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
