import { ShortcutsHelp } from "@/components/layout/shortcuts-help";
import { requirePageUser } from "@/lib/auth/session";

// Screens made for a projector (the meeting's presenter mode): the whole width, no app sidebar, larger
// type. Raising the root font size grows every rem-based size; breakpoints stay put (media queries measure
// rem against the browser's default, not this page's root).
export const dynamic = "force-dynamic";

export default async function PresentLayout({ children }: { children: React.ReactNode }) {
  await requirePageUser();
  return (
    <>
      <style>{"html { font-size: 112.5%; }"}</style>
      {children}
      <ShortcutsHelp />
    </>
  );
}
