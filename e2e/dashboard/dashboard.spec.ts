import { readFile } from "node:fs/promises";
import { queryE2e } from "../fixtures/database";
import { expect, test } from "../fixtures/auth";
import { LAPTOP_AND_PHONE, shoot } from "../fixtures/screenshots";
import { CHART_DRAWN_MS } from "../fixtures/charts";

// The marketing lead's questions on the dashboard, answered against the seeded demo workspace. Read-only:
// expected figures come from SQL written here, not from the app.

async function webinarRange() {
  const [range] = await queryE2e<{ from: string; to: string }>(
    `SELECT to_char(max(captured_at) - interval '35 days', 'YYYY-MM-DD') AS "from", to_char(max(captured_at) - interval '7 days', 'YYYY-MM-DD') AS "to" FROM leads`,
  );
  const [accepted] = await queryE2e<{ count: string }>(
    `SELECT count(*) FROM leads WHERE original_source = 'webinar' AND acceptance_status = 'accepted'
       AND captured_at >= $1::date AND captured_at < $2::date + 1`,
    [range!.from, range!.to],
  );
  return { from: range!.from, to: range!.to, accepted: Number(accepted!.count) };
}

test("the marketing lead narrows to one source and a date range, then opens the accepted leads behind a funnel bar", async ({
  page,
  signIn,
}) => {
  const { from, to, accepted } = await webinarRange();
  expect(accepted, "the demo data has accepted webinar leads in the range").toBeGreaterThan(0);

  await signIn("marketing");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  const filters = page.getByRole("search", { name: "Filter the dashboard" });
  await filters.getByLabel("Source").selectOption("webinar");
  await expect(page).toHaveURL(/source=webinar/);
  await filters.getByLabel("Captured from").fill(from);
  await expect(page).toHaveURL(new RegExp(`from=${from}`));
  await filters.getByLabel("Captured to").fill(to);
  await expect(page).toHaveURL(new RegExp(`to=${to}`));

  const funnel = page.locator("#chart-funnel");
  await expect(
    funnel
      .getByRole("row", { name: /^Webinar/ })
      .getByRole("cell")
      .nth(2),
  ).toHaveText(accepted.toLocaleString("en"));
  await funnel.getByRole("link", { name: `Accepted, Webinar: ${accepted.toLocaleString("en")} leads` }).click();

  await expect(page).toHaveURL(/\/leads\?.*segment=accepted/);
  await expect(page.getByTestId("drill-down-note")).toContainText("Accepted by sales");
  await expect(page.getByText(new RegExp(`^1–${Math.min(accepted, 50)} of ${accepted.toLocaleString("en")}$`))).toBeVisible();
  const statuses = page.getByRole("row").filter({ hasText: "Webinar" });
  await expect(statuses.first()).toContainText("Accepted");
});

test("the funnel reads level: whole source names beside the bars, a legend and a tooltip in the funnel's order", async ({
  page,
  signIn,
}) => {
  const stages = ["Captured", "Assigned", "Accepted", "Qualified", "Won"];
  await signIn("marketing");
  await page.goto("/dashboard");
  const chart = page.getByTestId("funnel-chart");
  const names = chart.locator(".recharts-yAxis-tick-labels text");
  await expect(names.first()).toBeVisible({ timeout: CHART_DRAWN_MS });
  const transforms = await names.evaluateAll((nodes) => nodes.map((node) => node.getAttribute("transform") ?? ""));
  expect(
    transforms.filter((transform) => transform.includes("rotate")),
    "no source name is turned",
  ).toEqual([]);
  // Wrapped onto lines, never cut short.
  for (const text of await names.allTextContents()) expect(text).not.toContain("…");
  await expect(chart.locator(".recharts-legend-item-text")).toHaveText(stages);

  // Over the first source's row: every stage, in the funnel's order (not alphabetical).
  const box = await chart.boundingBox();
  await page.mouse.move(box!.x + box!.width * 0.6, box!.y + 28);
  await expect(chart.locator(".recharts-tooltip-item-name")).toHaveText(stages);
  await shoot(page, "dashboard", LAPTOP_AND_PHONE);
});

test("a chart's numbers download as CSV with the same figures", async ({ page, signIn }) => {
  const { from, to } = await webinarRange();
  const bySource = await queryE2e<{ source: string; captured: string; accepted: string }>(
    `SELECT original_source AS source, count(*) AS captured, count(*) FILTER (WHERE acceptance_status = 'accepted') AS accepted
       FROM leads WHERE captured_at >= $1::date AND captured_at < $2::date + 1 AND original_source = 'paid_search' GROUP BY 1`,
    [from, to],
  );
  await signIn("marketing");
  await page.goto(`/dashboard?from=${from}&to=${to}`);
  const funnel = page.locator("#chart-funnel");
  await funnel.getByRole("button", { name: "Table" }).click();
  await expect(funnel.getByRole("table")).toContainText("Source-to-accepted rate");

  const [download] = await Promise.all([page.waitForEvent("download"), funnel.getByRole("link", { name: /^Download CSV/ }).click()]);
  expect(download.suggestedFilename()).toBe(`baton-funnel-${from}-to-${to}.csv`);
  const csv = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
  const [header, ...lines] = csv.trim().split("\r\n");
  expect(header).toBe("Source,Captured,Assigned,Accepted,Qualified,Won,Source-to-accepted rate,Accepted-to-qualified rate");
  const paidSearch = lines.find((line) => line.startsWith("Paid search,"))?.split(",");
  expect(paidSearch?.[1]).toBe(bySource[0]?.captured);
  expect(paidSearch?.[3]).toBe(bySource[0]?.accepted);
});

test("a chart far down the page draws when scrolled to, and every chart draws for printing", async ({ page, signIn }) => {
  await signIn("marketing");
  await page.setViewportSize({ width: 1440, height: 900 });
  const openDashboard = async () => {
    await page.goto("/dashboard");
    await expect(page.getByTestId("funnel-chart").locator(".recharts-surface").first()).toBeVisible({ timeout: CHART_DRAWN_MS });
  };
  // Charts wait for the screen (components/dashboard/lazy-charts.tsx): those far below the fold are not drawn yet.
  await openDashboard();
  const pareto = page.locator("#chart-rejection_pareto");
  await expect(pareto.locator(".recharts-surface")).toHaveCount(0);
  await pareto.scrollIntoViewIfNeeded();
  await expect(pareto.locator(".recharts-surface").first()).toBeVisible({ timeout: CHART_DRAWN_MS });

  // The browser announces printing with "beforeprint" (Ctrl+P): the printed page must hold every chart.
  await openDashboard();
  const team = page.locator("#chart-reason_quality_team .recharts-surface");
  await expect(team).toHaveCount(0);
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await expect(team.first()).toBeAttached({ timeout: CHART_DRAWN_MS });
  await expect(pareto.locator(".recharts-surface").first()).toBeAttached();
});

test("the CSV download needs a session", async ({ request }) => {
  const response = await request.get("/api/dashboard/csv?chart=funnel", { maxRedirects: 0 });
  expect(response.status()).toBe(401);
});
