import { readFile } from "node:fs/promises";
import type { Download, Page } from "@playwright/test";
import { queryE2e } from "../fixtures/database";
import { expect, signInAs, test } from "../fixtures/auth";

// The weekly meeting from agenda to exported summary: a sales manager plans it from the review board,
// presents three leads with the keyboard, decides each, records two fixes, ends it and downloads the
// summary. A marketer following on a second screen sees the presenter move without reloading.

async function blur(page: Page) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

async function recordFix(page: Page, title: string, ownerName: string) {
  await blur(page);
  await page.keyboard.press("f");
  const form = page.getByRole("form", { name: "Record a fix" });
  await expect(form.getByLabel("Fix", { exact: true })).toBeFocused();
  await form.getByLabel("Fix", { exact: true }).fill(title);
  await form.getByLabel("What changes, exactly").fill(`${title}: the rule and the field it changes, written so the owner can ship it.`);
  await form.getByLabel("Owner").selectOption({ label: `${ownerName} (Marketing)` });
  await form.getByLabel("Due date").fill("2030-01-31");
  await form.getByRole("button", { name: "Save fix" }).click();
  // Saving a fix also tells its owner (a notice and its deliveries' jobs): allow a busy CI machine the time.
  await expect(page.getByRole("region", { name: "Fixes agreed in this meeting" }).getByRole("link", { name: title })).toBeVisible({
    timeout: 30_000,
  });
}

async function downloadText(download: Promise<Download>): Promise<{ name: string; text: string }> {
  const file = await download;
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, "utf8") };
}

test("a meeting walks three leads with the keyboard, records two fixes and exports a summary with both", async ({ page, browser }) => {
  const [owner] = await queryE2e<{ name: string }>(`SELECT name FROM users WHERE email = 'marketing@demo.baton.dev'`);
  const [board] = await queryE2e<{ count: string }>(`SELECT count(*) FROM leads WHERE flagged AND original_source = 'event'`);
  expect(Number(board?.count), "the demo data has flagged event leads").toBeGreaterThanOrEqual(3);
  const stamp = Date.now();
  const fixA = `Route event badge scans to the event owner ${stamp}`;
  const fixB = `Require a next step when accepting event leads ${stamp}`;

  await signInAs(page, "manager");
  await page.goto("/review?period=all&source=event");
  await page.getByRole("link", { name: "Plan a meeting from this board" }).click();
  await expect(page.getByRole("heading", { name: "Plan a meeting" })).toBeVisible();
  await page.getByLabel("Title").fill(`E2E alignment ${stamp}`);
  await page.getByRole("checkbox", { name: new RegExp(owner!.name) }).check();
  await page.getByLabel("The most severe leads").check();
  await page.getByLabel("Number of leads").fill("3");
  await page.getByRole("button", { name: "Plan meeting" }).click();

  await expect(page).toHaveURL(/\/meetings\/\d+$/);
  await expect(page.getByRole("list", { name: "Agenda" }).getByRole("listitem")).toHaveCount(3);
  // Reorder: the third lead moves up one place.
  const third = await page.getByRole("list", { name: "Agenda" }).getByRole("listitem").nth(2).getByRole("link").innerText();
  await page.getByRole("button", { name: `Move ${third} up` }).click();
  await expect(page.getByRole("list", { name: "Agenda" }).getByRole("listitem").nth(1)).toContainText(third);
  await page.getByRole("button", { name: "Start meeting" }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+\/present$/);
  const presentUrl = page.url();

  const follower = await (await browser.newContext()).newPage();
  await signInAs(follower, "marketing");
  await follower.goto(presentUrl);
  await expect(follower.getByText("Lead 1 of 3")).toBeVisible();

  // Lead 1: confirmed failure, and the first fix.
  const decision = page.getByRole("region", { name: "Decision" });
  await expect(page.getByText("Lead 1 of 3")).toBeVisible();
  await blur(page);
  await page.keyboard.press("1");
  await expect(decision.getByRole("button", { name: /Confirmed failure/ })).toHaveAttribute("aria-pressed", "true");
  await recordFix(page, fixA, owner!.name);

  // Lead 2: not a failure. The follower's screen moves with the presenter.
  await blur(page);
  await page.keyboard.press("ArrowRight");
  await expect(page.getByText("Lead 2 of 3")).toBeVisible();
  await expect(follower.getByText("Lead 2 of 3")).toBeVisible({ timeout: 15_000 });
  await blur(page);
  await page.keyboard.press("2");
  await expect(decision.getByRole("button", { name: /Not a failure/ })).toHaveAttribute("aria-pressed", "true");

  // Lead 3: needs more data, and the second fix. Back and forth with j / k on the way.
  await page.keyboard.press("j");
  await expect(page.getByText("Lead 3 of 3")).toBeVisible();
  await page.keyboard.press("k");
  await expect(page.getByText("Lead 2 of 3")).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByText("Lead 3 of 3")).toBeVisible();
  await blur(page);
  await page.keyboard.press("3");
  await expect(decision.getByRole("button", { name: /Needs more data/ })).toHaveAttribute("aria-pressed", "true");
  await recordFix(page, fixB, owner!.name);

  const tally = page.getByRole("region", { name: "Running tally" });
  await expect(tally).toContainText("3 of 3 decided");
  await expect(follower.getByRole("region", { name: "Running tally" })).toContainText("3 of 3 decided", { timeout: 15_000 });
  await follower.context().close();

  await page.getByRole("button", { name: "End meeting" }).click();
  await page.getByRole("button", { name: "Yes, end it" }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+\/summary$/);
  const fixes = page.getByRole("list", { name: "Fixes agreed" });
  await expect(fixes.getByRole("link", { name: fixA })).toBeVisible();
  await expect(fixes.getByRole("link", { name: fixB })).toBeVisible();
  await expect(fixes).toContainText(owner!.name);

  const markdown = await downloadText(
    Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download Markdown" }).click()]).then(
      ([download]) => download,
    ),
  );
  expect(markdown.name).toMatch(/^meeting-\d+-summary\.md$/);
  expect(markdown.text).toContain(fixA);
  expect(markdown.text).toContain(fixB);
  expect(markdown.text).toContain("Confirmed failures: 1 · Not a failure: 1 · Needs more data: 1");

  const csv = await downloadText(
    Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]).then(([download]) => download),
  );
  expect(csv.name).toMatch(/^meeting-\d+-summary\.csv$/);
  expect(csv.text).toContain(fixA);
  expect(csv.text).toContain(fixB);
  expect(csv.text.split("\r\n").filter((line) => line.startsWith("fix,"))).toHaveLength(2);
});
