import { readFile } from "node:fs/promises";
import { queryE2e } from "../fixtures/database";
import { ensurePlantedReportPeriod, REPORT_PERIOD as PERIOD } from "../fixtures/report-data";
import { expect, test } from "../fixtures/auth";

// The marketing lead opens the handoff report on a period of its own (four weeks of 2019, generated with
// three planted concentrations), follows the slow-after-hours finding to its leads, and puts them on a
// new meeting's agenda.

test.beforeAll(ensurePlantedReportPeriod);

test("the marketing lead follows a finding to its leads and puts them on a meeting's agenda", async ({ page, signIn }) => {
  await signIn("marketing");
  await page.goto(`/report?from=${PERIOD.from}&to=${PERIOD.to}`);
  await expect(page.getByRole("heading", { name: "Handoff report", level: 1 })).toBeVisible();
  await expect(
    page
      .getByRole("table")
      .filter({ hasText: "Failure point" })
      .getByRole("row", { name: /Slow timing/ }),
  ).toBeVisible();

  const finding = page.locator("[data-finding='slow_timing--queue-Enterprise--capture_hours-outside']");
  await expect(finding.getByRole("heading", { level: 3 })).toContainText("Slow timing: Queue Enterprise · Captured outside working hours");
  await expect(finding).toContainText("Fix to try first");
  await expect(finding).toContainText("Routing rule");
  const leadsLink = finding.getByRole("link", { name: /^See the \d+ leads$/ });
  const count = Number((await leadsLink.textContent())!.match(/\d+/)![0]);

  await leadsLink.click();
  await expect(page).toHaveURL(/\/leads\?.*dim=queue%3AEnterprise.*dim=capture_hours%3Aoutside/);
  await expect(page.getByText(new RegExp(`of ${count.toLocaleString("en-US")}$`)).first()).toBeVisible();

  await page.goBack();
  await finding.getByRole("link", { name: "Put them on a meeting's agenda" }).click();
  await expect(page.getByRole("heading", { name: "Plan a meeting" })).toBeVisible();
  await expect(page.getByText(`${count} flagged leads`)).toBeVisible();
  const form = page.getByRole("form", { name: "Plan a meeting" });
  await form.getByLabel("Title").fill(`Enterprise after hours ${Date.now()}`);
  await form.getByRole("button", { name: "Plan meeting" }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+$/);
  const agendaLeads = await queryE2e<{ queue: string | null }>(
    `SELECT l.queue FROM meeting_items i JOIN leads l ON l.id = i.lead_id WHERE i.meeting_id = $1`,
    [Number(page.url().match(/\/meetings\/(\d+)$/)![1])],
  );
  expect(agendaLeads.length).toBeGreaterThan(0);
  expect(new Set(agendaLeads.map((lead) => lead.queue))).toEqual(new Set(["Enterprise"]));
});

test("the report downloads as Markdown with the same findings", async ({ page, signIn }) => {
  await signIn("marketing");
  await page.goto(`/report?from=${PERIOD.from}&to=${PERIOD.to}`);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download Markdown" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`handoff-report-${PERIOD.from}-${PERIOD.to}.md`);
  const text = await readFile((await file.path())!, "utf8");
  expect(text).toContain("# Handoff report");
  expect(text).toContain("Slow timing: Queue Enterprise");
  expect(text).toContain("Weak feedback: Source partners");
});
