import Link from "next/link";
import { PRIORITY_LABELS } from "@/lib/diagnosis/labels";
import { NONE_VALUE, type LeadListQuery } from "@/lib/lead-set/query";
import { segmentLabel } from "@/lib/lead-set/segments";

type RawParams = Record<string, string | string[] | undefined>;

interface DrillDownNoteProps {
  params: RawParams;
  query: LeadListQuery;
  teams: { id: number; name: string }[];
  reasons: { code: string; label: string }[];
}

const DASHBOARD_KEYS = ["from", "to", "source", "campaign", "type", "priority", "team", "owner"];

function without(params: RawParams, key: string): string {
  const next = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (name === key || name === "page" || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) next.append(name, item);
  }
  const text = next.toString();
  return text ? `/leads?${text}` : "/leads";
}

/**
 * Says why the lead list is narrowed when a dashboard chart sent people here (a segment, a campaign, a
 * priority, a team: filters the list's own bar does not show), each removable, with the way back; and
 * when an import's "Open the lead list" or a source-system link did (`import`, `system`).
 */
export function DrillDownNote({ params, query, teams, reasons }: DrillDownNoteProps) {
  const reasonLabel = (code: string) => reasons.find((reason) => reason.code === code)?.label ?? code;
  const chips: { key: string; label: string }[] = [];
  if (query.segment) chips.push({ key: "segment", label: segmentLabel(query.segment, reasonLabel) });
  if (query.sources.includes(NONE_VALUE)) chips.push({ key: "source", label: "No source" });
  if (query.campaigns?.length)
    chips.push({
      key: "campaign",
      label: `Campaign: ${query.campaigns.map((campaign) => (campaign === NONE_VALUE ? "none" : campaign)).join(", ")}`,
    });
  if (query.priorities?.length)
    chips.push({ key: "priority", label: `Priority: ${query.priorities.map((priority) => PRIORITY_LABELS[priority]).join(", ")}` });
  if (query.teams?.length || query.noTeam) {
    const names = [
      ...(query.teams ?? []).map((id) => teams.find((team) => team.id === id)?.name ?? `team ${id}`),
      ...(query.noTeam ? ["no team"] : []),
    ];
    chips.push({ key: "team", label: `Team: ${names.join(", ")}` });
  }
  if (query.systems?.length) chips.push({ key: "system", label: `Source system: ${query.systems.join(", ")}` });
  if (query.importId) chips.push({ key: "import", label: `Import #${query.importId}` });
  if (chips.length === 0) return null;
  // An import's lead list or a source system is not a dashboard drill-down: no way back to a chart.
  const fromDashboard = chips.some((chip) => chip.key !== "system" && chip.key !== "import");

  const back = new URLSearchParams();
  for (const key of DASHBOARD_KEYS) {
    const value = params[key];
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) back.append(key, item);
  }
  return (
    <div
      role="status"
      className="mb-3 flex flex-wrap items-center gap-2 rounded-lg border border-brand-100 bg-brand-50 px-3 py-2 text-sm"
      data-testid="drill-down-note"
    >
      <span className="font-medium text-slate-700">{fromDashboard ? "Narrowed from the dashboard:" : "Narrowed to:"}</span>
      {chips.map((chip) => (
        <span
          key={chip.key}
          className="inline-flex items-center gap-1 rounded-full bg-white py-0.5 pr-1 pl-2.5 text-xs font-medium text-slate-800 ring-1 ring-brand-100"
        >
          {chip.label}
          <Link
            href={without(params, chip.key)}
            aria-label={`Remove filter: ${chip.label}`}
            className="rounded-full px-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-900"
          >
            ×
          </Link>
        </span>
      ))}
      {fromDashboard && (
        <Link href={`/dashboard?${back.toString()}`} className="ml-auto text-xs font-medium text-brand-700 hover:underline">
          ← Back to the dashboard
        </Link>
      )}
    </div>
  );
}
