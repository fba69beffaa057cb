import type { Queryable } from "@/lib/db/queryable";
import type { SlaClockKind } from "@/lib/diagnosis";
import type { AlertRule, AlertStage } from "@/lib/alerts/stages";

// Who hears an alert. The person who owes the move is warned; the sales managers hear a breach, and
// every alert of a lead nobody owns; marketing hears about its unanswered info requests; the escalation
// goes to the rule's named person, else the workspace's admins.

export interface AlertLead {
  id: number;
  name: string;
  ownerId: number | null;
  ownerTeamId: number | null;
  queue: string | null;
}

export interface AlertPeople {
  managers: { id: number; teamId: number | null }[];
  marketing: number[];
  admins: number[];
  teams: { id: number; name: string }[];
}

export async function loadAlertPeople(client: Queryable): Promise<AlertPeople> {
  const { rows } = await client.query<{ id: number; role: string; team_id: number | null }>(
    "SELECT id, role::text AS role, team_id FROM users WHERE active AND role IN ('sales_manager', 'marketing', 'admin') ORDER BY id",
  );
  const teams = await client.query<{ id: number; name: string }>("SELECT id, name FROM teams ORDER BY length(name) DESC, id");
  return {
    managers: rows.filter((r) => r.role === "sales_manager").map((r) => ({ id: r.id, teamId: r.team_id })),
    marketing: rows.filter((r) => r.role === "marketing").map((r) => r.id),
    admins: rows.filter((r) => r.role === "admin").map((r) => r.id),
    teams: teams.rows,
  };
}

/** The lead's team: its owner's, else the team a queue is named after ("Inbound Sales queue"); null if neither. */
function leadTeamId(lead: AlertLead, people: AlertPeople): number | null {
  if (lead.ownerTeamId !== null) return lead.ownerTeamId;
  const queue = lead.queue?.trim().toLowerCase();
  if (!queue) return null;
  return people.teams.find((team) => queue.startsWith(team.name.toLowerCase()))?.id ?? null;
}

/** The lead's team's sales managers; every sales manager when the team is unknown or has none. */
export function managersOf(lead: AlertLead, people: AlertPeople): number[] {
  const teamId = leadTeamId(lead, people);
  const ofTeam = people.managers.filter((m) => teamId !== null && m.teamId === teamId).map((m) => m.id);
  return ofTeam.length > 0 ? ofTeam : people.managers.map((m) => m.id);
}

export function alertRecipients(lead: AlertLead, kind: SlaClockKind, type: AlertStage, rule: AlertRule, people: AlertPeople): number[] {
  const recipients = new Set<number>();
  if (type === "escalation") {
    for (const id of rule.escalateToId !== null ? [rule.escalateToId] : people.admins) recipients.add(id);
    return [...recipients];
  }
  if (kind === "info_request") {
    for (const id of people.marketing) recipients.add(id);
    if (type === "breach") for (const id of managersOf(lead, people)) recipients.add(id);
    return [...recipients];
  }
  if (lead.ownerId !== null) recipients.add(lead.ownerId);
  if (lead.ownerId === null || type === "breach") for (const id of managersOf(lead, people)) recipients.add(id);
  return [...recipients];
}
