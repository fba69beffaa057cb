import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { authSettingsFromEnv } from "@/lib/auth/options";
import { getSessionUser } from "@/lib/auth/session";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";

export const metadata: Metadata = { title: "Sign in" };

// Per-user pages: rendered on every request, never prerendered at build time.
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  if (await getSessionUser()) redirect(safeCallback(callbackUrl));
  const { sso, passwordSignIn } = authSettingsFromEnv();
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-2xl font-semibold tracking-tight text-slate-900">Baton</p>
          <p className="mt-1 text-sm text-slate-600">Where do your lead handoffs break?</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-4 text-lg font-semibold">Sign in</h1>
          <SignInForm
            callbackUrl={safeCallback(callbackUrl)}
            initialError={signInErrorMessage(error)}
            ssoName={sso?.name ?? null}
            passwordSignIn={passwordSignIn}
          />
          {passwordSignIn && (
            <Link href="/reset-password" className="mt-4 block text-center text-xs text-slate-600 hover:underline">
              Forgot your password?
            </Link>
          )}
        </div>
      </div>
    </main>
  );
}

/** Only same-site paths: a crafted callbackUrl must not send people elsewhere. */
function safeCallback(callbackUrl: string | undefined): string {
  if (!callbackUrl) return "/leads";
  try {
    const url = new URL(callbackUrl, "http://baton.local");
    if (url.origin !== "http://baton.local" && !callbackUrl.startsWith("/")) return "/leads";
    const path = `${url.pathname}${url.search}`;
    return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/sign-in") ? path : "/leads";
  } catch {
    return "/leads";
  }
}
