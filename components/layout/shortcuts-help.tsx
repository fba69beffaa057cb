"use client";

import { useEffect, useRef } from "react";

// `?` anywhere (outside a text field) opens the list of every keyboard shortcut, including the app's one
// submit convention. A native modal dialog: it traps focus, Esc closes it, focus returns where it was.

const GROUPS: { title: string; keys: [string, string][] }[] = [
  {
    title: "Everywhere",
    keys: [
      ["?", "this list"],
      ["Esc", "close a dialog or cancel a form"],
    ],
  },
  {
    title: "Forms",
    keys: [
      ["Enter", "send, from a single-line field"],
      ["Ctrl/⌘ + Enter", "send, from a multi-line text box (Enter writes a new line there)"],
    ],
  },
  {
    title: "My queue",
    keys: [
      ["j / k", "next / previous lead"],
      ["a · r · i", "accept · reject · ask marketing"],
      ["l", "log the first action"],
      ["o", "reassign (managers)"],
      ["1 – 9", "pick in the focused list"],
    ],
  },
  {
    title: "Presenter",
    keys: [
      ["→ / j", "next lead"],
      ["← / k", "previous lead"],
      ["n", "write a note (Enter saves it)"],
      ["t", "tag failure points"],
      ["f", "record a fix"],
      ["1 · 2 · 3", "confirmed failure · not a failure · needs more data"],
    ],
  },
];

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

export function ShortcutsHelp() {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key !== "?" || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (dialog.current?.open) return;
      event.preventDefault();
      dialog.current?.showModal();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="shortcuts-help-title"
      className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
      onClick={(event) => event.target === dialog.current && dialog.current?.close()}
    >
      <div className="max-h-[80vh] overflow-y-auto p-5">
        <div className="flex items-start justify-between gap-4">
          <h2 id="shortcuts-help-title" className="text-lg font-semibold">
            Keyboard shortcuts
          </h2>
          <form method="dialog">
            <button type="submit" className="rounded-md px-2 py-1 text-sm text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50">
              Close
            </button>
          </form>
        </div>
        {GROUPS.map((group) => (
          <section key={group.title} aria-labelledby={`shortcuts-${group.title}`} className="mt-4">
            <h3 id={`shortcuts-${group.title}`} className="text-xs font-semibold tracking-wide text-slate-600 uppercase">
              {group.title}
            </h3>
            <dl className="mt-1 divide-y divide-slate-100 text-sm">
              {group.keys.map(([keys, what]) => (
                <div key={keys} className="flex gap-4 py-1.5">
                  <dt className="w-36 shrink-0">
                    <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-800">{keys}</kbd>
                  </dt>
                  <dd className="text-slate-700">{what}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </dialog>
  );
}
