import { withE2eClient } from "../fixtures/database";
import { expect, test } from "../fixtures/auth";

// The bell in the navigation: a p1 lead that nobody owns reaches its owner SLA's warnings while the
// manager has Baton open; the alert appears without a reload (polled from PostgreSQL, written by the
// server's own scheduler), and clicking it opens the lead.

async function plantUnownedP1Lead(name: string): Promise<number> {
  return withE2eClient(async (client) => {
    // Captured 13 minutes ago into the Inbound Sales queue: its 50 % and 80 % warnings (7.5 and 12
    // minutes into the 15-minute owner SLA) are due. The scheduler reads the lead as it is; the column
    // only tells it to look now, as a re-diagnosis would.
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO leads (source_system, external_id, name, captured_at, original_source, campaign, offer, conversion_point, lead_type_id, queue, sla_next_alert_at, updated_at)
       SELECT 'e2e', $1, $1, now() - interval '13 minutes', 'website', 'E2E', 'Demo', '/demo', t.id, 'Inbound Sales queue', now(), now()
       FROM lead_types t WHERE t.priority = 'p1' ORDER BY t.id LIMIT 1 RETURNING id`,
      [name],
    );
    const id = rows[0]!.id;
    await client.query(
      `INSERT INTO handoff_events (lead_id, type, occurred_at) SELECT id, 'captured', captured_at FROM leads WHERE id = $1`,
      [id],
    );
    return id;
  });
}

test("a new SLA alert shows in the manager's bell live, and opens the lead", async ({ page, signIn }) => {
  test.setTimeout(90_000);
  await signIn("manager");
  await page.goto("/leads");
  const bell = page.getByRole("button", { name: /^Notifications/ });
  await expect(bell).toBeVisible();

  const name = `Bell Alert ${Date.now()}`;
  const leadId = await plantUnownedP1Lead(name);

  // The scheduler ticks every 15 s and the bell polls every 5 s: no reload in between.
  await expect(bell).toHaveAccessibleName(/unread/, { timeout: 45_000 });
  await bell.click();
  const dialog = page.getByRole("dialog", { name: "Notifications" });
  const alert = dialog.getByRole("link", { name: new RegExp(`P1 lead ${name} still has no owner`) }).first();
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await alert.click();
  await expect(page).toHaveURL(new RegExp(`/leads/${leadId}$`));
  await expect(page.getByRole("heading", { name })).toBeVisible();
  // The lead's timeline records who was told.
  await expect(page.getByTestId("system-note").filter({ hasText: name }).first()).toContainText("Dana Okafor: in the app");
});
