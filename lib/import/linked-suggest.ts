import { LINK_KEY_TARGET, LINKED_ACTOR_PREFIX } from "@/lib/import/linked-fields";
import type { FileMapping } from "@/lib/import/mapping";

// A first guess at a linked file's mapping from its headers, for the user to confirm: the key is the
// column it shares with the leads file (Olist's mql_id, Zoho's LEADID), dated columns become the events
// their names say, and owner-like columns become the events' actors.

const DATE_RULES: [RegExp, string][] = [
  [/won|customer/i, "event:won"],
  [/lost/i, "event:lost"],
  [/qualif|\bsql\b|accepted/i, "event:qualified"],
  [/opportunit|creat/i, "event:opportunity_created"],
];
const PERSON_RULES: [RegExp, string][] = [
  [/\bsdr\b|sdr[_ ]?id/i, `${LINKED_ACTOR_PREFIX}qualified`],
  [/^sr[_ ]?id$|account[_ ]?exec|closer/i, `${LINKED_ACTOR_PREFIX}won`],
  [/owner|sales[_ ]?rep|agent/i, "actor"],
];
const TEXT_RULES: [RegExp, string][] = [
  [/(deal|opportunity|potential)[_ ]?id$/i, "dealId"],
  [/(deal|opportunity|potential)[_ ]?name$/i, "subject"],
];
const KEY_NAMES = /^(lead|mql|contact|record)[_ ]?id$|^leadid$/i;

export function suggestLinkedMapping(
  headers: readonly string[],
  current: FileMapping,
  leads?: { headers: readonly string[]; mapping?: FileMapping },
): FileMapping {
  const columns: Record<string, string> = {};
  const used = new Set<string>();
  const take = (header: string, target: string) => {
    if (used.has(target) || columns[header]) return;
    columns[header] = target;
    used.add(target);
  };
  const leadHeaders = new Map((leads?.headers ?? []).map((header) => [header.toLowerCase(), header]));
  const shared =
    headers.find((header) => leadHeaders.has(header.toLowerCase()) && KEY_NAMES.test(header)) ??
    headers.find((header) => leadHeaders.has(header.toLowerCase())) ??
    headers.find((header) => KEY_NAMES.test(header));
  let linksTo: string | undefined;
  if (shared) {
    take(shared, LINK_KEY_TARGET);
    const leadHeader = leadHeaders.get(shared.toLowerCase());
    if (leadHeader && leads?.mapping?.columns[leadHeader] !== "externalId") linksTo = leadHeader;
  }
  for (const header of headers) {
    if (columns[header]) continue;
    const rules = current.dateFormats[header] ? DATE_RULES : [...PERSON_RULES, ...TEXT_RULES];
    const rule = rules.find(([pattern, target]) => pattern.test(header) && !used.has(target));
    if (rule) take(header, rule[1]);
  }
  return { ...current, columns, ...(linksTo ? { linksTo } : {}) };
}
