import { readFile } from "node:fs/promises";
import Papa from "papaparse";
import { queryE2e } from "../fixtures/database";
import { LAPTOP_AND_PHONE, shoot } from "../fixtures/screenshots";
import { expect, signInAs, test } from "../fixtures/auth";

// Lists that export exactly their rows, keep named views, and a lead page its owner can decide on.

/** Leads of a source of their own, one named like a spreadsheet formula, so the filter shows these only. */
async function leadsOfOwnSource(count: number): Promise<{ source: string; ids: number[] }> {
  const source = `e2e_export_${Date.now()}`;
  const rows = await queryE2e<{ id: number }>(
    `INSERT INTO leads (source_system, external_id, name, email, company, captured_at, original_source, updated_at)
     SELECT 'e2e', $1 || '-' || n, CASE WHEN n = 1 THEN '=HYPERLINK("http://evil.example")' ELSE 'Export Lead ' || n END,
       'export-' || n || '@' || $1 || '.example', 'Export Co', now() - n * interval '1 hour', $1, now()
     FROM generate_series(1, $2::int) AS n
     RETURNING id`,
    [source, count],
  );
  return { source, ids: rows.map((row) => row.id) };
}

test("a list's CSV holds exactly the leads the filtered list shows, in its order, formula-safe", async ({ page, signIn }) => {
  const { source } = await leadsOfOwnSource(7);
  await signIn("marketing");
  await page.goto(`/leads?source=${source}&sort=name.asc`);
  await expect(page.getByText(/^1–7 of 7$/)).toBeVisible();
  const shown = await page.getByRole("table", { name: "Leads" }).locator('tbody tr a[href^="/leads/"]').allInnerTexts();
  expect(shown).toHaveLength(7);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const text = await readFile((await (await download).path())!, "utf8");
  const records = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;
  expect(records.map((record) => record.Name)).toEqual(shown.map((name) => (name.startsWith("=") ? `'${name}` : name)));
  expect(records.map((record) => record.Name)).toContain(`'=HYPERLINK("http://evil.example")`);
});

test("a saved view reopens the list with its filters and sort; a private one stays its owner's", async ({ page, signIn }) => {
  const { source } = await leadsOfOwnSource(3);
  const name = `Export leads ${Date.now()}`;
  await signIn("manager");
  await page.goto(`/leads?source=${source}&sort=name.desc`);
  await page.getByText(/^Saved views \(/).click();
  await page.getByLabel("Save the current filters, columns and sort as").fill(name);
  await page.getByRole("button", { name: "Save view" }).click();
  await expect(page.getByText(`Saved “${name}”, visible to you only.`)).toBeVisible();

  await page.goto("/leads");
  await expect(page.getByText(/^1–50 of /)).toBeVisible();
  await page.getByText(/^Saved views \(/).click();
  await page.getByRole("link", { name: new RegExp(name) }).click();
  await expect(page).toHaveURL(new RegExp(`source=${source}`));
  await expect(page).toHaveURL(/sort=name\.desc/);
  await expect(page.getByText(/^1–3 of 3$/)).toBeVisible();
  const names = await page.getByRole("table", { name: "Leads" }).locator('tbody tr a[href^="/leads/"]').allInnerTexts();
  expect(names).toEqual([...names].sort().reverse());

  const [stored] = await queryE2e<{ shared: boolean }>("SELECT shared FROM saved_views WHERE name = $1", [name]);
  expect(stored).toEqual({ shared: false });
});

test("the owner accepts a lead from the lead's own page", async ({ page, signIn }) => {
  const [lead] = await queryE2e<{ id: number; name: string }>(
    `INSERT INTO leads (source_system, external_id, name, email, company, captured_at, original_source, lead_type_id, owner_id, owner_assigned_at, updated_at)
     SELECT 'e2e', 'lead-page-' || $1::text, 'Lead Page Buyer ' || $1::text, 'lead-page-' || $1::text || '@buyer.example', 'Page Co',
       now() - interval '25 minutes', 'referral', t.id, u.id, now() - interval '20 minutes', now()
     FROM users u CROSS JOIN lead_types t
     WHERE u.email = 'rep@demo.baton.dev' AND t.active ORDER BY t.id LIMIT 1
     RETURNING id, name`,
    [String(Date.now())],
  );
  expect(lead, "a lead for the demo rep").toBeTruthy();
  await signIn("rep");
  await page.goto(`/leads/${lead!.id}`);
  const bar = page.getByRole("toolbar", { name: "Decide" });
  await bar.getByRole("button", { name: /Accept/ }).click();
  const form = page.getByRole("form", { name: `Accept ${lead!.name}` });
  for (const box of await form.getByRole("checkbox").all()) await box.check();
  await form.getByRole("button", { name: "Accept lead" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Accepted ${lead!.name}.` })).toBeVisible();
  await expect(page.getByRole("button", { name: /Log first action/ })).toBeVisible();

  const [row] = await queryE2e<{ acceptance_status: string }>("SELECT acceptance_status FROM leads WHERE id = $1", [lead!.id]);
  expect(row).toEqual({ acceptance_status: "accepted" });
  const audit = await queryE2e<{ action: string }>("SELECT action FROM audit_logs WHERE entity_id = $1 AND entity_type = 'lead'", [
    String(lead!.id),
  ]);
  expect(audit.length).toBeGreaterThan(0);
});

test("a viewer sees the list but no export, and the export route refuses them", async ({ page, signIn }) => {
  await signIn("viewer");
  await page.goto("/leads");
  await expect(page.getByText(/^Saved views \(/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveCount(0);
  const response = await page.request.get("/api/leads/csv");
  expect(response.status()).toBe(403);
});

test("a comment with an @mention notifies the person mentioned, in their bell", async ({ page, signIn, browser }) => {
  const [lead] = await queryE2e<{ id: number; name: string }>(
    `INSERT INTO leads (source_system, external_id, name, captured_at, original_source, updated_at)
     VALUES ('e2e', 'mention-' || $1::text, 'Mention Buyer ' || $1::text, now() - interval '2 hours', 'referral', now())
     RETURNING id, name`,
    [String(Date.now())],
  );
  const [manager] = await queryE2e<{ name: string }>("SELECT name FROM users WHERE email = 'manager@demo.baton.dev'");
  await signIn("marketing");
  await page.goto(`/leads/${lead!.id}`);
  const form = page.getByRole("form", { name: "Add a comment" });
  await form.getByRole("combobox", { name: "Mention" }).selectOption(manager!.name);
  await form.getByRole("textbox", { name: "Comment" }).pressSequentially("did sales get the pricing question?");
  await form.getByRole("textbox", { name: "Comment" }).press("Control+Enter");
  await expect(form.getByRole("status")).toContainText(`${manager!.name} will be notified.`);
  await expect(page.getByRole("list", { name: "Comments" })).toContainText(`@${manager!.name} did sales get the pricing question?`);
  await expect(page.getByRole("button", { name: "Following" })).toBeVisible();

  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const other = await context.newPage();
  await signInAs(other, "manager");
  await other.goto("/leads");
  await other.getByRole("button", { name: /^Notifications/ }).click();
  const notice = other
    .getByRole("dialog", { name: "Notifications" })
    .getByRole("link", { name: new RegExp(`mentioned you on ${lead!.name}`) });
  await expect(notice.first()).toBeVisible({ timeout: 20_000 });
  await notice.first().click();
  await expect(other).toHaveURL(new RegExp(`/leads/${lead!.id}$`));
  await context.close();
});

test("marketing puts two leads chosen on the list on a coming meeting's agenda", async ({ page, signIn }) => {
  const { source, ids } = await leadsOfOwnSource(3);
  const title = `Agenda from the list ${Date.now()}`;
  const [meeting] = await queryE2e<{ id: number }>(
    `INSERT INTO meetings (title, scheduled_for, created_by_id, updated_at)
     SELECT $1, now() + interval '2 days', id, now() FROM users WHERE email = 'marketing@demo.baton.dev' RETURNING id`,
    [title],
  );
  await signIn("marketing");
  await page.goto(`/leads?source=${source}&sort=name.asc`);
  await page.getByRole("checkbox", { name: "Select Export Lead 2" }).check();
  await page.getByRole("checkbox", { name: "Select Export Lead 3" }).check();
  const bulk = page.getByRole("group", { name: "Bulk actions" });
  await expect(bulk).toContainText("2 selected");
  await shoot(page, "lead-list-bulk-actions");
  const agendaForm = bulk.getByRole("form", { name: "Add to a meeting's agenda" });
  await agendaForm.getByRole("combobox").selectOption(String(meeting!.id));
  await agendaForm.getByRole("button", { name: "Add to agenda" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Added 2 leads to the agenda of “${title}”` })).toBeVisible();

  const agenda = await queryE2e<{ lead_id: number }>(`SELECT lead_id FROM meeting_items WHERE meeting_id = $1 ORDER BY position`, [
    meeting!.id,
  ]);
  expect(agenda.map((item) => item.lead_id).sort()).toEqual([ids[1], ids[2]].sort());
});

test("the review board keeps named views too, and one reopens the board as it was", async ({ page, signIn }) => {
  const name = `Event board ${Date.now()}`;
  await signIn("marketing");
  await page.goto("/review?period=all&source=event");
  await page.getByText(/^Saved views \(/).click();
  await page.getByLabel("Save the current filters, columns and sort as").fill(name);
  await page.getByRole("button", { name: "Save view" }).click();
  await expect(page.getByText(`Saved “${name}”, visible to you only.`)).toBeVisible();

  await shoot(page, "review-board-saved-views", LAPTOP_AND_PHONE);

  await page.goto("/review");
  await page.getByText(/^Saved views \(/).click();
  await page.getByRole("link", { name: new RegExp(name) }).click();
  await expect(page).toHaveURL(/\/review\?/);
  await expect(page).toHaveURL(/source=event/);
  await expect(page).toHaveURL(/period=all/);
  const [stored] = await queryE2e<{ list: string }>("SELECT list FROM saved_views WHERE name = $1", [name]);
  expect(stored).toEqual({ list: "review" });
});
