"use client";

import clsx from "clsx";
import { buttonClasses } from "@/components/ui/button";
import { StickyActionBar } from "@/components/ui/sticky-action-bar";
import { allowedModes, type Mode } from "@/components/queue/modes";
import { Kbd } from "@/components/queue/shortcuts-legend";
import type { QueueItem } from "@/lib/decisions/queue-queries";

export type { Mode };

const BUTTONS: { mode: Mode; label: string; key: string; variant: "primary" | "secondary" | "danger" }[] = [
  { mode: "accept", label: "Accept", key: "a", variant: "primary" },
  { mode: "reject", label: "Reject", key: "r", variant: "secondary" },
  { mode: "info", label: "Ask marketing", key: "i", variant: "secondary" },
  { mode: "action", label: "Log first action", key: "l", variant: "primary" },
  { mode: "reassign", label: "Reassign", key: "o", variant: "secondary" },
];

/** The decisions open to this lead, each with its shortcut; within thumb's reach on a phone. */
export function DecisionBar({
  lead,
  canReassign,
  userId,
  active,
  onOpen,
}: {
  lead: QueueItem;
  canReassign: boolean;
  userId: number;
  active: Mode | null;
  onOpen: (mode: Mode) => void;
}) {
  const allowed = allowedModes(lead, canReassign, userId);
  return (
    <StickyActionBar label="Decide">
      {BUTTONS.filter((button) => allowed.includes(button.mode)).map((button) => (
        <button
          key={button.mode}
          type="button"
          aria-pressed={active === button.mode}
          aria-keyshortcuts={button.key}
          onClick={() => onOpen(button.mode)}
          className={clsx(buttonClasses(button.variant), active === button.mode && "ring-2 ring-brand-500 ring-offset-1")}
        >
          {button.label}{" "}
          <span className="hidden md:contents">
            <Kbd>{button.key}</Kbd>
          </span>
        </button>
      ))}
    </StickyActionBar>
  );
}
