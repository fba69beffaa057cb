"use client";

import { ROLE_LABELS, type Role } from "@/lib/auth/permissions";

// Attendees as checkboxes grouped by role, so both sides of the meeting are easy to see and pick.

const GROUPS: { label: string; roles: Role[] }[] = [
  { label: "Marketing", roles: ["marketing"] },
  { label: "Sales", roles: ["sales_manager", "sales_rep"] },
  { label: "Operations", roles: ["revops", "admin"] },
  { label: "Viewers", roles: ["viewer"] },
];

export function AttendeePicker({
  users,
  selected,
  onChange,
  error,
  compact = false,
}: {
  users: { id: number; name: string; role: Role }[];
  selected: number[];
  onChange: (ids: number[]) => void;
  error?: string;
  compact?: boolean;
}) {
  const toggle = (id: number, on: boolean) => onChange(on ? [...selected, id] : selected.filter((other) => other !== id));
  return (
    <fieldset aria-describedby={error ? "attendees-error" : undefined}>
      <legend className="text-xs font-medium text-slate-700">Attendees</legend>
      <div className={compact ? "mt-1 grid gap-3" : "mt-1 grid gap-3 sm:grid-cols-3"}>
        {GROUPS.map((group) => {
          const members = users.filter((user) => group.roles.includes(user.role));
          if (members.length === 0) return null;
          return (
            <div key={group.label}>
              <p className="text-[11px] font-semibold tracking-wide text-slate-500 uppercase">{group.label}</p>
              <ul className="mt-1 space-y-1">
                {members.map((user) => (
                  <li key={user.id}>
                    <label className="flex items-center gap-2 text-sm text-slate-800">
                      <input
                        type="checkbox"
                        checked={selected.includes(user.id)}
                        onChange={(event) => toggle(user.id, event.target.checked)}
                        className="accent-brand-600"
                      />
                      {user.name} <span className="text-xs text-slate-500">{ROLE_LABELS[user.role]}</span>
                    </label>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
      {error && (
        <p id="attendees-error" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
