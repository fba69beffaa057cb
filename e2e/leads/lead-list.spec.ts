import { queryE2e } from "../fixtures/database";
import { expect, test } from "../fixtures/auth";
import { LAPTOP_AND_PHONE, shoot } from "../fixtures/screenshots";

test("a sales rep filters the list by source, opens a lead and sees its timeline and missing handoff elements", async ({
  page,
  signIn,
}) => {
  // A webinar lead whose conversion point never reached the CRM: context is partly missing.
  const [target] = await queryE2e<{ id: number; name: string }>(
    `SELECT id, name FROM leads WHERE original_source = 'webinar' AND conversion_point IS NULL ORDER BY captured_at DESC LIMIT 1`,
  );
  expect(target, "the demo data has a webinar lead without conversion point").toBeTruthy();
  const [webinar] = await queryE2e<{ count: string }>(`SELECT count(*) FROM leads WHERE original_source = 'webinar'`);
  const webinarCount = Number(webinar?.count);

  await signIn("rep");
  await page.goto("/leads");
  await expect(page.getByRole("heading", { name: "Leads" })).toBeVisible();

  await page.getByRole("combobox", { name: "Source" }).selectOption("webinar");
  await expect(page).toHaveURL(/source=webinar/);
  await expect(page.getByText(new RegExp(`of ${webinarCount.toLocaleString("en")}$`))).toBeVisible();
  // Found by its header: the list's columns move (a selection column, two-line cells).
  // textContent, not innerText: the headers are set in capitals by CSS, which innerText reports.
  const headers = await page.getByRole("columnheader").allTextContents();
  const sourceColumn = headers.findIndex((header) => header.trim().startsWith("Source")) + 1;
  expect(sourceColumn, "the list has a Source column").toBeGreaterThan(0);
  const sourceCells = page.getByRole("row").locator(`td:nth-child(${sourceColumn})`);
  await expect(sourceCells.first()).toContainText("Webinar");
  for (const text of await sourceCells.allInnerTexts()) expect(text).toContain("Webinar");

  await page.getByRole("searchbox", { name: "Search" }).fill(target!.name);
  await page.getByRole("searchbox", { name: "Search" }).press("Enter");
  await expect(page).toHaveURL(/q=/);
  await page.getByRole("link", { name: target!.name }).first().click();

  await expect(page).toHaveURL(new RegExp(`/leads/${target!.id}$`));
  await expect(page.getByRole("heading", { name: target!.name, level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Handoff timeline" })).toBeVisible();
  const timeline = page.getByRole("list", { name: "Timeline events" });
  await expect(timeline.getByRole("listitem").first()).toContainText("Captured");
  await expect(timeline.getByText(/after previous step/).first()).toBeVisible();

  const context = page.locator('[data-element="context"]');
  await expect(context).not.toHaveAttribute("data-status", "present");
  await expect(context.getByText("Conversion point").first()).toBeVisible();
  await expect(context.getByText("Missing").first()).toBeVisible();
});

test("search runs as you type: a pause in typing puts the text in the address and lists the matching lead", async ({ page, signIn }) => {
  const [target] = await queryE2e<{ id: number; name: string; email: string }>(
    `SELECT id, name, email FROM leads WHERE email IS NOT NULL AND source_system = 'demo' ORDER BY captured_at DESC LIMIT 1`,
  );
  expect(target, "the demo data has a lead with an email").toBeTruthy();
  await signIn("viewer");
  await page.goto("/leads");
  const search = page.getByRole("searchbox", { name: "Search" });
  await expect(search).toHaveAccessibleDescription("Updates as you type");

  await search.pressSequentially(target!.email, { delay: 15 });
  await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe(target!.email);
  await expect(page.getByRole("link", { name: target!.name }).first()).toBeVisible();
  await expect(search).toBeFocused();
  await expect(search).toHaveValue(target!.email);
  await shoot(page, "lead-list-search", LAPTOP_AND_PHONE);

  // Emptied, the search leaves the address too.
  await search.fill("");
  await expect.poll(() => new URL(page.url()).searchParams.has("q")).toBe(false);
});

test("invalid filter values in the address are ignored and the list still works", async ({ page, signIn }) => {
  await signIn("viewer");
  await page.goto("/leads?status=bogus&page=-4&size=7&sort=drop_table.asc&from=2026-13-45");
  await expect(page.getByRole("heading", { name: "Leads" })).toBeVisible();
  await expect(page.getByText(/^1–50 of /)).toBeVisible();
});

test("an unknown lead id shows a 404 page", async ({ page, signIn }) => {
  await signIn("viewer");
  const response = await page.goto("/leads/999999999");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Lead not found" })).toBeVisible();
  await page.goto("/leads/not-a-number");
  await expect(page.getByRole("heading", { name: "Lead not found" })).toBeVisible();
});
