import "server-only";
import type pg from "pg";
import { recordNotifications, type NewNotification } from "@/lib/notify/record";
import { addDays, todayIn, weekStartOf } from "@/lib/time";
import { changeInPoints, findingCause, findingFigures, findingTitle, percent } from "@/lib/report/format";
import { loadHandoffReport, type HandoffReport } from "@/lib/report/report";

// The weekly handoff report, for those who asked for it (notification kind weekly_report, off until turned
// on): last week's report in a few lines (the failure points that moved, the top findings with their first
// fix) and a link to the whole page. Sent once a week per person, however many instances run the job.

export const WEEKLY_FINDINGS = 3;

/** The last full week before `now`'s, in the workspace's calendar. */
export function lastFullWeek(now: Date, timeZone: string, weekStartsOn: number): { from: string; to: string } {
  const from = addDays(weekStartOf(todayIn(timeZone, now), weekStartsOn), -7);
  return { from, to: addDays(from, 6) };
}

export function weeklyReportText(report: HandoffReport): string {
  const lines = [
    `${report.leads.toLocaleString("en-US")} leads captured (${report.previousLeads.toLocaleString("en-US")} the week before).`,
    "",
    ...report.shares
      .filter((share) => share.failing > 0)
      .map((share) => `${share.label}: ${percent(share.share, 1)} (${changeInPoints(share.share, share.previousShare)})`),
    "",
  ];
  if (report.findings.length === 0) lines.push("No failure point concentrates anywhere beyond what chance explains this week.");
  report.findings.slice(0, WEEKLY_FINDINGS).forEach((finding, index) => {
    const cause = findingCause(finding);
    lines.push(
      `${index + 1}. ${findingTitle(finding)}`,
      `   ${findingFigures(finding)}`,
      `   Fix to try first: ${cause.fixFirst}. Inspect ${cause.inspect}.`,
    );
  });
  if (report.findings.length > WEEKLY_FINDINGS) lines.push("", `${report.findings.length - WEEKLY_FINDINGS} more findings on the page.`);
  return lines.join("\n");
}

export async function sendWeeklyReports(pool: pg.Pool, now = new Date()): Promise<{ sent: number }> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // One run at a time across instances; a second waits, then finds this week's reports already sent.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('baton-weekly-report'))");
    const { rows: settings } = await client.query<{ time_zone: string; week_starts_on: number }>(
      "SELECT time_zone, week_starts_on FROM workspace_settings WHERE id = 1",
    );
    const timeZone = settings[0]?.time_zone ?? "UTC";
    const period = lastFullWeek(now, timeZone, settings[0]?.week_starts_on ?? 1);
    const path = `/report?from=${period.from}&to=${period.to}`;
    const { rows: readers } = await client.query<{ id: number }>(
      `SELECT DISTINCT u.id FROM users u JOIN notification_preferences p ON p.user_id = u.id AND p.kind = 'weekly_report' AND p.enabled
       WHERE u.active AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = u.id AND n.kind = 'weekly_report' AND n.path = $1)
       ORDER BY u.id`,
      [path],
    );
    if (readers.length === 0) {
      await client.query("COMMIT");
      return { sent: 0 };
    }
    const report = await loadHandoffReport(period, client, now);
    const title = `Handoff report, week of ${period.from}: ${report.findings.length} ${report.findings.length === 1 ? "finding" : "findings"}`;
    const body = weeklyReportText(report);
    const items: NewNotification[] = readers.map((reader) => ({
      userId: reader.id,
      kind: "weekly_report",
      leadId: null,
      title,
      body,
      path,
    }));
    await recordNotifications(client, items);
    await client.query("COMMIT");
    return { sent: readers.length };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
