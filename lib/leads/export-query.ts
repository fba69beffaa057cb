import { parseLeadListQuery, type LeadListQuery } from "@/lib/lead-set/query";

// Which list an export link names and its filters: the same parameters as the list's address, plus
// `list=flagged` for the Flagged view (flagged leads only, most severe first, as that page sorts them).

export const EXPORTABLE_LISTS = ["leads", "flagged"] as const;
export type ExportableList = (typeof EXPORTABLE_LISTS)[number];

type RawParams = Record<string, string | string[] | undefined>;

export function parseLeadExportQuery(search: URLSearchParams): { list: ExportableList; query: LeadListQuery; params: RawParams } {
  const params: Record<string, string[]> = {};
  for (const key of new Set(search.keys())) if (key !== "list") params[key] = search.getAll(key);
  const list: ExportableList = search.get("list") === "flagged" ? "flagged" : "leads";
  const query = list === "flagged" ? { ...parseLeadListQuery(params, { sort: "severity" }), flagged: true } : parseLeadListQuery(params);
  return { list, query, params };
}

/** A list's address parameters as one query string, without the page: a saved view or a file is the whole list. */
export function listAddressParams(params: RawParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (key === "page" || key === "list" || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, item);
  }
  return search.toString();
}

/** The export link for a list page: its own address parameters. */
export function leadExportHref(list: ExportableList, params: RawParams): string {
  const search = new URLSearchParams(listAddressParams(params));
  if (list === "flagged") search.set("list", "flagged");
  const text = search.toString();
  return text ? `/api/leads/csv?${text}` : "/api/leads/csv";
}
