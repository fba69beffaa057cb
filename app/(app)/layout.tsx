import { AppNav } from "@/components/layout/app-nav";
import { ShortcutsHelp } from "@/components/layout/shortcuts-help";
import { requirePageUser } from "@/lib/auth/session";

// Per-user pages: rendered on every request, never prerendered at build time.
export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  return (
    <div className="min-h-screen lg:flex">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium text-brand-700 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <AppNav user={user} />
      <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-4 break-words focus:outline-none sm:px-6 sm:py-6 lg:px-8">
        {children}
      </main>
      <ShortcutsHelp />
    </div>
  );
}
