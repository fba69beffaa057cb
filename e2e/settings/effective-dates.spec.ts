import { queryE2e } from "../fixtures/database";
import { SCREENSHOT_DIR as SHOTS, shoot } from "../fixtures/screenshots";
import { CHART_DRAWN_MS } from "../fixtures/charts";
import { expect, test } from "../fixtures/auth";

// Revops changes definitions without rewriting history: the calendar form previews its impact on the last
// weeks' leads before saving, a team in another country gets its own holidays (saved, effective from now
// on), and the response-time charts draw each week's SLA allowance in their legend.

test("revops previews a calendar change and gives a team its own holidays, effective from the save", async ({ page, signIn }) => {
  if (SHOTS) test.setTimeout(180_000);
  // Its own team with no members, so saving re-judges nobody else's leads.
  const name = `Lisbon ${Date.now()}`;
  await queryE2e(`INSERT INTO teams (name) VALUES ($1)`, [name]);
  await signIn("revops");
  await page.goto("/settings/definitions");

  const calendar = page.getByRole("form", { name: "Workspace calendar and diagnosis windows" });
  await calendar.getByLabel("Stall window").fill("3");
  await calendar.getByRole("button", { name: "Preview impact" }).click();
  await expect(calendar.getByText(/Leads captured until now keep the calendar and windows they were judged by/)).toBeVisible({
    timeout: 30_000,
  });
  await calendar.getByLabel(/Apply to past leads too/).check();
  await calendar.getByRole("button", { name: "Preview impact" }).click();
  await expect(calendar.getByText(/in the last 12 weeks \(\d+ leads?\)/)).toBeVisible({ timeout: 30_000 });

  const team = page.getByRole("form", { name: `${name} holidays` });
  await expect(team.getByText("leads they own use the workspace's holidays")).toBeVisible();
  await team.getByLabel("Own holidays (works in another country)").check();
  await team.getByLabel(`${name} holidays`).fill("2026-12-08\n2026-12-25\nnot-a-date");
  await team.getByRole("button", { name: `Save ${name} holidays` }).click();
  await expect(team.getByText(/"not-a-date" is not a date/)).toBeVisible();
  await team.getByLabel(`${name} holidays`).fill("2026-12-08\n2026-12-25");
  await team.getByRole("button", { name: `Save ${name} holidays` }).click();
  await expect(page.getByRole("form", { name: `${name} holidays` }).getByText("leads they own use the team's own holidays")).toBeVisible();
  await shoot(page, "definitions");

  const [saved] = await queryE2e<{ holidays: string[]; versions: number }>(
    `SELECT c.holidays, (SELECT count(*)::int FROM team_calendar_versions v WHERE v.team_id = t.id) AS versions
     FROM teams t JOIN team_calendars c ON c.team_id = t.id WHERE t.name = $1`,
    [name],
  );
  expect(saved).toEqual({ holidays: ["2026-12-08", "2026-12-25"], versions: 1 });

  await page.goto("/dashboard");
  // A chart draws once it comes near the screen (components/dashboard/lazy-charts.tsx).
  const trend = page.locator("#chart-lead_to_owner_time");
  await trend.scrollIntoViewIfNeeded();
  await expect(trend.getByText("SLA", { exact: true }).first()).toBeVisible({
    timeout: CHART_DRAWN_MS,
  });
  await shoot(page, "dashboard");
});
