// The queue's keyboard shortcuts, always on screen from tablet width up so nobody has to guess them
// (hidden on phones, which have no keyboard to press them with).
const SHORTCUTS: { keys: string[]; label: string; managers?: boolean }[] = [
  { keys: ["j", "k"], label: "next / previous" },
  { keys: ["a"], label: "accept" },
  { keys: ["r"], label: "reject" },
  { keys: ["i"], label: "ask marketing" },
  { keys: ["l"], label: "log first action" },
  { keys: ["o"], label: "reassign", managers: true },
  { keys: ["1", "9"], label: "pick in the focused list (reason, objection, signal)" },
  { keys: ["Tab"], label: "next list" },
  { keys: ["⌫"], label: "clear objection or signal" },
  { keys: ["Enter"], label: "confirm" },
  { keys: ["Ctrl/⌘", "Enter"], label: "confirm from a text box" },
  { keys: ["Esc"], label: "cancel" },
];

export function Kbd({ children }: { children: React.ReactNode }) {
  return (
    <kbd className="rounded border border-slate-300 bg-white px-1.5 py-0.5 font-mono text-[11px] font-medium text-slate-700 shadow-[0_1px_0_rgb(203_213_225)]">
      {children}
    </kbd>
  );
}

export function ShortcutsLegend({ canReassign }: { canReassign: boolean }) {
  return (
    <div
      aria-label="Keyboard shortcuts"
      role="note"
      className="hidden flex-wrap items-center gap-x-4 gap-y-1.5 rounded-lg border border-slate-200 bg-white px-3 py-2 text-xs text-slate-600 md:flex"
    >
      <span className="font-medium text-slate-700">Keyboard</span>
      {SHORTCUTS.filter((shortcut) => !shortcut.managers || canReassign).map((shortcut) => (
        <span key={shortcut.label} className="inline-flex items-center gap-1">
          {shortcut.keys.map((key) => (
            <Kbd key={key}>{key}</Kbd>
          ))}
          <span>{shortcut.label}</span>
        </span>
      ))}
    </div>
  );
}
