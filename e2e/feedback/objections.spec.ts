import { queryE2e } from "../fixtures/database";
import { SCREENSHOT_DIR as SHOTS, shoot } from "../fixtures/screenshots";
import { expect, signInAs, test } from "../fixtures/auth";

// A rep rejects a lead with a reason, the buyer's objection and a source-quality signal by keyboard alone;
// marketing then reads them on Sales feedback for the lead's source and opens the leads behind the count.

test("a rep records reason, objection and signal from the keyboard; marketing sees them per source", async ({ page, signIn, browser }) => {
  // Screenshots at two widths of five screens take their own time on a busy machine.
  if (SHOTS) test.setTimeout(240_000);
  // Its own lead, assigned to the demo rep 20 minutes ago, so the queue area's picks are left alone.
  const [lead] = await queryE2e<{ id: number; name: string; source: string }>(
    `INSERT INTO leads (source_system, external_id, name, email, company, captured_at, original_source, campaign, conversion_point, lead_type_id, owner_id, owner_assigned_at, updated_at)
     SELECT 'e2e', 'objections-' || $1::text, 'Objection Buyer ' || $1::text, 'objection-' || $1::text || '@buyer.example', 'Objection Co',
       now() - interval '25 minutes', 'referral', 'e2e_objections', 'demo_form', t.id, u.id, now() - interval '20 minutes', now()
     FROM users u CROSS JOIN lead_types t
     WHERE u.email = 'rep@demo.baton.dev' AND t.active AND jsonb_array_length(t.acceptance_criteria) > 0
     ORDER BY t.id LIMIT 1
     RETURNING id, name, original_source AS source`,
    [String(Date.now())],
  );
  expect(lead, "a lead for the demo rep").toBeTruthy();

  await signIn("rep");
  await page.goto(`/queue?lead=${lead!.id}`);
  await expect(page.getByRole("note", { name: "Keyboard shortcuts" })).toContainText("pick in the focused list");
  const rejectForm = page.getByRole("form", { name: `Reject ${lead!.name}` });
  await expect(async () => {
    await page.keyboard.press("r");
    await expect(rejectForm.getByRole("radio").first()).toBeFocused({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  // Reason by its number, then its detail.
  await page.keyboard.press("4");
  await expect(rejectForm.getByRole("radio", { name: /Competitor/ })).toBeChecked();
  await expect(rejectForm.getByRole("textbox", { name: /Detail/ })).toBeFocused();
  await page.keyboard.type("They resell a rival product to their own clients");
  // Tab into the objections, pick "Budget" by its number, say what the buyer said.
  await page.keyboard.press("Tab");
  await expect(rejectForm.getByRole("radiogroup", { name: "Buyer's objection" }).getByRole("radio").first()).toBeFocused();
  await page.keyboard.press("2");
  await expect(rejectForm.getByRole("radio", { name: /Budget/ })).toBeChecked();
  await expect(rejectForm.getByRole("textbox", { name: /What the buyer said/ })).toBeFocused();
  await page.keyboard.type("No tooling budget until April");
  // Tab into the signal, "Wrong person" by its number; Enter rejects.
  await page.keyboard.press("Tab");
  await page.keyboard.press("2");
  await expect(rejectForm.getByRole("radio", { name: /Wrong person/ })).toBeChecked();
  await expect(rejectForm.getByRole("radio", { name: /Competitor/ })).toBeChecked();
  await shoot(page, "queue-reject-with-objection");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: /\S/ }).first()).toContainText(`Rejected ${lead!.name}.`);

  const [row] = await queryE2e<{ rejection_reason_code: string; objection_code: string; objection_detail: string; source_signal: string }>(
    "SELECT rejection_reason_code, objection_code, objection_detail, source_signal FROM leads WHERE id = $1",
    [lead!.id],
  );
  expect(row).toEqual({
    rejection_reason_code: "competitor",
    objection_code: "budget",
    objection_detail: "No tooling budget until April",
    source_signal: "wrong_person",
  });

  // Marketing: Sales feedback for the lead's source shows the objection and the signal, with their leads.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const marketing = await context.newPage();
  await signInAs(marketing, "marketing");
  await marketing.goto("/feedback?by=source&days=all");
  const section = marketing.getByRole("region", { name: "Objections and source quality" });
  // The source's label ("paid_search" shows as "Paid search"): match its words.
  const group = section
    .getByRole("listitem")
    .filter({ has: marketing.getByRole("heading", { name: new RegExp(`^${lead!.source.replace(/_/g, " ")}`, "i") }) })
    .first();
  await expect(group).toContainText("Budget");
  await expect(group.getByRole("link", { name: /leads marked wrong person/ })).toBeVisible();
  await shoot(marketing, "feedback-objections");
  await group.getByRole("link", { name: /leads whose buyer objected: Budget/ }).click();
  await expect(marketing).toHaveURL(/segment=objection%3Abudget/);
  await expect(marketing.getByRole("link", { name: lead!.name })).toBeVisible();

  if (SHOTS) {
    await marketing.goto(`/leads/${lead!.id}`);
    await expect(marketing.getByText("Buyer's objection")).toBeVisible();
    await shoot(marketing, "lead-page");
    await marketing.goto("/dashboard");
    await expect(marketing.getByRole("heading", { name: /Source fit/ })).toBeVisible();
    await shoot(marketing, "dashboard");
    await context.close();
    const revops = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const admin = await revops.newPage();
    await signInAs(admin, "revops");
    await admin.goto("/settings/definitions");
    await expect(admin.getByRole("heading", { name: /Buyer objections/ })).toBeVisible();
    await shoot(admin, "definitions");
    await revops.close();
  } else await context.close();
});
