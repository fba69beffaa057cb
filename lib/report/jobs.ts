import "server-only";
import { pool } from "@/lib/db";
import { createQueue, getBoss } from "@/lib/jobs/boss";
import { sendWeeklyReports } from "@/lib/report/weekly";

// The weekly handoff report goes out at the start of the first working day of the week, in the workspace's
// zone (read at start-up, as the daily digest's time is). pg-boss runs each scheduled job on one instance.
export const WEEKLY_REPORT = "weekly-handoff-report";

export async function startWeeklyReportSchedule(): Promise<void> {
  const boss = await getBoss();
  await createQueue(boss, WEEKLY_REPORT, { policy: "stately", retryLimit: 3, retryBackoff: true, expireInSeconds: 900 });
  await boss.work(WEEKLY_REPORT, async () => {
    const { sent } = await sendWeeklyReports(pool);
    console.log(`report: weekly handoff report sent to ${sent} people`);
  });
  const { rows } = await pool.query<{ time_zone: string; workday_start_minute: number; working_days: number[]; week_starts_on: number }>(
    "SELECT time_zone, workday_start_minute, working_days, week_starts_on FROM workspace_settings WHERE id = 1",
  );
  const settings = rows[0] ?? { time_zone: "UTC", workday_start_minute: 540, working_days: [1, 2, 3, 4, 5], week_starts_on: 1 };
  // The first working day on or after the week's start.
  const day =
    [0, 1, 2, 3, 4, 5, 6].map((offset) => (settings.week_starts_on + offset) % 7).find((d) => settings.working_days.includes(d)) ?? 1;
  const cron = `${settings.workday_start_minute % 60} ${Math.floor(settings.workday_start_minute / 60)} * * ${day}`;
  await boss.schedule(WEEKLY_REPORT, cron, {}, { tz: settings.time_zone });
}
