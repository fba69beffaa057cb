import { EVENT_TYPE_LABELS } from "@/lib/diagnosis/labels";
import { SOURCE_SIGNAL_LABELS, SOURCE_SIGNALS } from "@/lib/diagnosis/buyer-feedback";
import { EVENT_TYPES, PRIORITIES } from "@/lib/diagnosis/vocabulary";
import type { ChoiceSet } from "@/lib/import/fields";
import { LEAD_STATE_LABELS, LEAD_STATES } from "@/lib/import/lead-states";
import { slugifyValue, valueKey } from "@/lib/import/values";

// The values a choice column can map onto, and the automatic match for a file value: by id, email or
// name, case-insensitively. The value-mapping step shows these; the import uses the same matching for
// values the user did not map.

export interface ChoiceContext {
  users: { id: number; name: string; email: string | null }[];
  leadTypes: { key: string; name: string }[];
  rejectionReasons: { code: string; label: string }[];
  /** Every defined objection (active or not: imported leads carry past decisions). */
  objections: { code: string; label: string }[];
  /** Sources already used by leads, offered beside Baton's own. */
  sources: string[];
}

export interface ChoiceOption {
  value: string;
  label: string;
}

export const KNOWN_SOURCES = [
  "website",
  "paid_search",
  "organic_search",
  "paid_social",
  "social_media",
  "email",
  "content",
  "webinar",
  "event",
  "partner",
  "referral",
];

export function choiceOptions(set: ChoiceSet, context: ChoiceContext): ChoiceOption[] {
  switch (set) {
    case "source":
      return [...new Set([...KNOWN_SOURCES, ...context.sources])].sort().map((source) => ({ value: source, label: source }));
    case "leadType":
      return context.leadTypes.map((type) => ({ value: type.key, label: type.name }));
    case "priority":
      return PRIORITIES.map((priority) => ({ value: priority, label: priority.toUpperCase() }));
    case "user":
      return context.users.map((user) => ({ value: String(user.id), label: user.email ? `${user.name} · ${user.email}` : user.name }));
    case "state":
      return LEAD_STATES.map((state) => ({ value: state, label: LEAD_STATE_LABELS[state] }));
    case "rejectionReason":
      return context.rejectionReasons.map((reason) => ({ value: reason.code, label: reason.label }));
    case "eventType":
      return EVENT_TYPES.map((type) => ({ value: type, label: EVENT_TYPE_LABELS[type] }));
    case "objection":
      return context.objections.map((objection) => ({ value: objection.code, label: objection.label }));
    case "sourceSignal":
      return SOURCE_SIGNALS.map((signal) => ({ value: signal, label: SOURCE_SIGNAL_LABELS[signal] }));
  }
}

/** Lookup tables built once per import from the context, so matching a value is a map read. */
export interface ChoiceIndex {
  context: ChoiceContext;
  byKey: Record<ChoiceSet, Map<string, string>>;
}

export function buildChoiceIndex(context: ChoiceContext): ChoiceIndex {
  const index = (entries: [string, string][]) => new Map(entries.map(([key, value]) => [valueKey(key), value]));
  return {
    context,
    byKey: {
      source: index([...KNOWN_SOURCES, ...context.sources].map((source) => [source, source])),
      leadType: index(
        context.leadTypes.flatMap(
          (type) =>
            [
              [type.key, type.key],
              [type.name, type.key],
            ] as [string, string][],
        ),
      ),
      priority: index(
        PRIORITIES.flatMap(
          (priority) =>
            [
              [priority, priority],
              [priority.slice(1), priority],
            ] as [string, string][],
        ),
      ),
      user: index(
        context.users.flatMap(
          (user) => [...(user.email ? [[user.email, String(user.id)]] : []), [user.name, String(user.id)]] as [string, string][],
        ),
      ),
      state: index(
        LEAD_STATES.flatMap(
          (state) =>
            [
              [state, state],
              [LEAD_STATE_LABELS[state], state],
            ] as [string, string][],
        ),
      ),
      rejectionReason: index(
        context.rejectionReasons.flatMap(
          (reason) =>
            [
              [reason.code, reason.code],
              [reason.label, reason.code],
            ] as [string, string][],
        ),
      ),
      objection: index(
        context.objections.flatMap(
          (objection) =>
            [
              [objection.code, objection.code],
              [objection.label, objection.code],
            ] as [string, string][],
        ),
      ),
      sourceSignal: index(
        SOURCE_SIGNALS.flatMap(
          (signal) =>
            [
              [signal, signal],
              [SOURCE_SIGNAL_LABELS[signal], signal],
            ] as [string, string][],
        ),
      ),
      eventType: index(
        EVENT_TYPES.flatMap(
          (type) =>
            [
              [type, type],
              [EVENT_TYPE_LABELS[type], type],
              [type.replace(/_/g, " "), type],
            ] as [string, string][],
        ),
      ),
    },
  };
}

/**
 * The product value for a file value: the user's mapping first, then the preset's suggestion, then an
 * exact match by id, email or name. Sources nobody mapped are kept, as a slug ("Trade Show" ->
 * "trade_show"); other unmatched values give undefined (the caller reports them).
 */
export function matchChoice(
  set: ChoiceSet,
  raw: string,
  index: ChoiceIndex,
  mapped?: Record<string, string>,
  suggested?: Record<string, string>,
): string | undefined {
  const key = valueKey(raw);
  if (key === "") return "";
  if (mapped && key in mapped) return mapped[key];
  if (suggested && key in suggested) return suggested[key];
  const exact = index.byKey[set].get(key) ?? index.byKey[set].get(valueKey(slugifyValue(raw)));
  if (exact !== undefined) return exact;
  if (set === "source") return slugifyValue(raw) || undefined;
  return undefined;
}
