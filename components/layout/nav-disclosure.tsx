"use client";

import clsx from "clsx";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";

// Below the lg breakpoint the sidebar would take 224 px of a 390 px phone, so the navigation folds into
// a top bar with a Menu button (a disclosure: aria-expanded + aria-controls). From lg up it is the
// sidebar as before and the button is hidden.

const PANEL_ID = "main-nav-panel";

export function NavDisclosure({ brand, children }: { brand: React.ReactNode; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const button = useRef<HTMLButtonElement>(null);

  // Following a link closes the menu: the page it opens should be what the user sees.
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    function onKey(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <>
      <div className="flex items-center justify-between gap-3 px-4 py-2.5 lg:items-start lg:px-5 lg:py-5">
        {brand}
        <button
          ref={button}
          type="button"
          aria-expanded={open}
          aria-controls={PANEL_ID}
          onClick={() => setOpen((value) => !value)}
          className="inline-flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-100 lg:hidden"
        >
          <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
            {open ? (
              <path d="M5.3 4.3 10 9l4.7-4.7 1 1L11 10l4.7 4.7-1 1L10 11l-4.7 4.7-1-1L9 10 4.3 5.3z" />
            ) : (
              <path d="M3 5h14v1.5H3zm0 4.25h14v1.5H3zM3 13.5h14V15H3z" />
            )}
          </svg>
          Menu
        </button>
      </div>
      <div
        id={PANEL_ID}
        className={clsx(
          open ? "flex" : "hidden",
          // Phone: a panel below the top bar over the page; desktop: the rest of the sidebar.
          "absolute inset-x-0 top-full max-h-[calc(100dvh-3.5rem)] flex-col overflow-y-auto border-b border-slate-200 bg-white shadow-lg",
          "lg:static lg:flex lg:max-h-none lg:min-h-0 lg:flex-1 lg:overflow-visible lg:border-b-0 lg:shadow-none",
        )}
      >
        {children}
      </div>
    </>
  );
}
