import { EVENT_TYPE_LABELS } from "@/lib/diagnosis/labels";
import type { EventType } from "@/lib/diagnosis/vocabulary";
import type { TargetDefinition } from "@/lib/import/fields";
import type { PersonRef } from "@/lib/people/types";

// A linked file comes from another system than the leads file (a closed-deals export, an opportunity
// pipeline): each row names its lead through a key, a column of the leads file (the lead's external id
// unless the mapping says another column), and its date columns become timeline events of that lead,
// acted by the owners its person columns name.

export const LINKED_EVENT_TYPES = ["qualified", "opportunity_created", "won", "lost"] as const satisfies readonly EventType[];
export type LinkedEventType = (typeof LINKED_EVENT_TYPES)[number];

export const LINK_KEY_TARGET = "linkKey";
/** `actor:<event type>`: the person who acted that one event (an SDR qualified, an account executive won). */
export const LINKED_ACTOR_PREFIX = "actor:";

const eventLabel = (type: LinkedEventType) => EVENT_TYPE_LABELS[type];

export const LINKED_TARGETS: readonly TargetDefinition[] = [
  {
    id: LINK_KEY_TARGET,
    label: "Key (the lead it belongs to)",
    kind: "text",
    group: "Linked file",
    help: "The value that names the lead: its external id, or the value of another column of the leads file.",
  },
  {
    id: "dealId",
    label: "Deal id",
    kind: "text",
    group: "Linked file",
    help: "Keeps several deals of one lead apart; without it a lead has one deal and a later row with its key repeats it.",
  },
  { id: "subject", label: "Deal name", kind: "text", group: "Linked file" },
  // Same ids as the leads file's date columns ("event:won"): one vocabulary for events from dates.
  ...LINKED_EVENT_TYPES.map((type) => ({
    id: `event:${type}`,
    label: `${eventLabel(type)} (date)`,
    kind: "date" as const,
    group: "Timeline event" as const,
  })),
  {
    id: "actor",
    label: "Owner (acts every event)",
    kind: "choice",
    group: "Owner",
    choices: "user",
    help: "Matched to people of the workspace by CRM id, email or name; an owner nobody matches becomes a person.",
  },
  ...LINKED_EVENT_TYPES.map((type) => ({
    id: `${LINKED_ACTOR_PREFIX}${type}`,
    label: `Owner of ${eventLabel(type).toLowerCase()} only`,
    kind: "choice" as const,
    group: "Owner" as const,
    choices: "user" as const,
  })),
];

/**
 * How a linked file names a person: an email, a CRM user id (one word with a digit in it, such as
 * 4b339f95… or 0055g00000AbCdE), or a display name. Ids resolve through the person's CRM identity.
 */
export function linkedPersonRef(value: string): PersonRef {
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return { email: value };
  if (/^\S{6,}$/.test(value) && /\d/.test(value)) return { externalId: value };
  return { name: value };
}
