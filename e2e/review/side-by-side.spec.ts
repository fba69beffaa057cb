import type { Browser, Page } from "@playwright/test";
import { createFlaggedLead } from "../fixtures/leads";
import { expect, signInAs, test, type DemoUser } from "../fixtures/auth";

// A marketer and a sales rep review the same lead side by side, each in their own browser: each writes on
// their own side and sees the other's note appear without reloading (the page polls for changes). Each
// test makes its own flagged lead, so no other spec's notes or the demo data's order can reach it.

async function openAs(browser: Browser, user: DemoUser, path: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, user);
  await page.goto(path);
  return page;
}

test("a marketer and a sales rep annotate the same lead and each sees the other's note live", async ({ browser }) => {
  const lead = await createFlaggedLead("side-by-side");
  const stamp = Date.now();
  const marketingText = `Webinar title never reached the CRM (${stamp})`;
  const salesText = `Called without knowing which webinar (${stamp})`;

  const marketer = await openAs(browser, "marketing", `/review/${lead.id}`);
  const rep = await openAs(browser, "rep", `/review/${lead.id}`);
  for (const page of [marketer, rep]) await expect(page.getByRole("heading", { name: lead.name, level: 1 })).toBeVisible();

  // Each side writes only its own side: the rep has no marketing composer, the marketer no sales one.
  await expect(rep.locator("#note-composer-marketing")).toHaveCount(0);
  await expect(marketer.locator("#note-composer-sales")).toHaveCount(0);

  await marketer.locator("#note-composer-marketing").fill(marketingText);
  await marketer.getByRole("region", { name: "Marketing notes" }).getByRole("button", { name: "Add note" }).click();
  await expect(marketer.getByRole("region", { name: "Marketing notes" }).getByText(marketingText)).toBeVisible();

  await rep.locator("#note-composer-sales").fill(salesText);
  await rep.getByRole("region", { name: "Sales notes" }).getByRole("button", { name: "Add note" }).click();

  // No reload on either page: the notes arrive through the live updates.
  await expect(rep.getByRole("region", { name: "Marketing notes" }).getByText(marketingText)).toBeVisible({ timeout: 15_000 });
  await expect(marketer.getByRole("region", { name: "Sales notes" }).getByText(salesText)).toBeVisible({ timeout: 15_000 });
  const marketingNote = rep.getByRole("region", { name: "Marketing notes" }).getByRole("listitem").filter({ hasText: marketingText });
  await expect(marketingNote).toContainText("Marketing");

  // A draft survives a reload.
  await rep.locator("#note-composer-sales").fill("Half-written thought");
  await rep.reload();
  await expect(rep.locator("#note-composer-sales")).toHaveValue("Half-written thought");

  for (const page of [marketer, rep]) await page.context().close();
});
