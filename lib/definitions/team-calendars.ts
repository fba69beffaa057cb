import "server-only";
import { recordAudit } from "@/lib/actions/audit";
import { parseInput } from "@/lib/actions/input";
import { db } from "@/lib/db";
import { NotFoundError, StaleWriteError } from "@/lib/errors";
import { teamHolidaysSchema } from "@/lib/definitions/schemas";

// Holiday calendars per team, for teams that work in another country: a lead's business-time clocks
// skip its owner's team's holidays instead of the workspace's. Saved like every definition: with the
// version read, audited, and effective-dated (leads captured before the save keep the holidays they
// were judged by, unless revops applies the change to past leads too).

export interface TeamCalendarRow {
  teamId: number;
  name: string;
  members: number;
  /** False: the team follows the workspace's holidays. */
  ownCalendar: boolean;
  holidays: string[];
  version: number;
}

export async function findTeamCalendars(): Promise<TeamCalendarRow[]> {
  const teams = await db.team.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, _count: { select: { users: true } }, calendar: { select: { holidays: true, version: true } } },
  });
  return teams.map((team) => ({
    teamId: team.id,
    name: team.name,
    members: team._count.users,
    ownCalendar: team.calendar !== null,
    holidays: team.calendar?.holidays ?? [],
    version: team.calendar?.version ?? 0,
  }));
}

export async function updateTeamHolidays(actorId: number, input: unknown) {
  const { teamId, version, ownCalendar, holidays, applyToPast } = parseInput(teamHolidaysSchema, input);
  return db.$transaction(async (tx) => {
    const team = await tx.team.findUnique({ where: { id: teamId }, select: { name: true, calendar: true } });
    if (!team) throw new NotFoundError("That team");
    const before = team.calendar;
    if ((before?.version ?? 0) !== version)
      throw new StaleWriteError(
        `Someone else changed ${team.name}'s holidays since you opened this page. Nothing was saved: reload to see their change, then make yours again.`,
      );
    const wanted = ownCalendar ? holidays : null;
    const audit = (after: object) =>
      recordAudit(tx, {
        actorId,
        action: "definitions.team_holidays.update",
        entityType: "team_holidays",
        entityId: teamId,
        before: { holidays: before ? before.holidays : "the workspace's" },
        after: { holidays: wanted ?? "the workspace's", appliedToPastLeads: applyToPast, ...after },
      });
    if (JSON.stringify(before?.holidays ?? null) === JSON.stringify(wanted)) {
      // The same holidays, applied to past leads now: the earlier ones stop judging them.
      const dropped = applyToPast ? (await tx.teamCalendarVersion.deleteMany({ where: { teamId } })).count : 0;
      if (dropped > 0) await audit({});
      return { changed: dropped > 0, teamName: team.name };
    }

    if (wanted) {
      await tx.teamCalendar.upsert({
        where: { teamId },
        create: { teamId, holidays: wanted, version: version + 1 },
        update: { holidays: wanted, version: { increment: 1 } },
      });
    } else {
      await tx.teamCalendar.delete({ where: { teamId } });
    }
    if (applyToPast) await tx.teamCalendarVersion.deleteMany({ where: { teamId } });
    else
      await tx.teamCalendarVersion.create({
        data: { teamId, ownCalendar: before !== null, holidays: before?.holidays ?? [], validUntil: new Date() },
      });
    await audit({});
    return { changed: true, teamName: team.name };
  });
}
