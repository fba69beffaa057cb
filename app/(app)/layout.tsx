import { AppNav } from "@/components/layout/app-nav";
import { ShortcutsHelp } from "@/components/layout/shortcuts-help";
import { requirePageUser } from "@/lib/auth/session";

// Per-user pages: rendered on every request, never prerendered at build time.
export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  return (
    <div className="min-h-screen lg:flex">
      <AppNav user={user} />
      <main className="min-w-0 flex-1 px-4 py-4 break-words sm:px-6 sm:py-6 lg:px-8">{children}</main>
      <ShortcutsHelp />
    </div>
  );
}
