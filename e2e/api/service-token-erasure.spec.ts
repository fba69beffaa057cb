import { queryE2e } from "../fixtures/database";
import { expect, test } from "../fixtures/auth";

// Revops creates a service token on the tokens page (it acts as a named integration and expires); the
// integration writes a lead with it; an admin erases that lead from the lead page, after which the lead
// and the person's email are gone. Screens are saved at 1440 and 390 px for review.

const shots = (name: string) => `test-results/screens/${name}`;

test("revops creates a service token, its write is audited under the integration, and an admin erases the lead", async ({
  page,
  signIn,
}) => {
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  await signIn("revops");
  await page.goto("/settings/tokens");
  await page.getByLabel("Name", { exact: true }).fill(`E2E HubSpot sync ${stamp}`);
  await page.getByLabel("Read and write").check();
  await page.getByLabel("Acts as integration (optional)").fill("HubSpot");
  await page.getByLabel("Expires after (days)").fill("30");
  await page.screenshot({ path: shots("tokens-form-1440.png"), fullPage: true });
  await page.getByRole("button", { name: "Create token" }).click();
  const token = ((await page.getByTestId("new-api-token").textContent()) ?? "").trim();
  expect(token).toMatch(/^baton_/);
  await page.getByRole("button", { name: /Done/ }).click();
  await expect(page.getByRole("row", { name: new RegExp(`E2E HubSpot sync ${stamp}`) })).toContainText("HubSpot");
  await page.screenshot({ path: shots("tokens-list-1440.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: shots("tokens-list-390.png"), fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });

  const email = `e2e-erase-${stamp}@buyer.example`;
  const created = await page.request.post("/api/v1/leads", {
    headers: { authorization: `Bearer ${token}` },
    data: { sourceSystem: "e2e", externalId: `erase-${stamp}`, name: `Erin Erase ${stamp}`, email, capturedAt: new Date().toISOString() },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: number };
  const [audit] = await queryE2e<{ after: { $via?: { apiToken?: { integration?: string } } } }>(
    "SELECT after FROM audit_logs WHERE action = 'api.lead.create' AND entity_id = $1",
    [String(id)],
  );
  expect(audit?.after.$via?.apiToken?.integration).toBe("HubSpot");

  await signIn("admin");
  await page.goto(`/leads/${id}`);
  await page.getByRole("button", { name: "Erase this person’s data…" }).click();
  await page.screenshot({ path: shots("lead-erase-1440.png"), fullPage: true });
  await page.getByRole("button", { name: `Erase Erin Erase ${stamp}` }).click();
  // The lead page has several live regions (follow, comment); the erasure's is the one that speaks.
  await expect(page.getByRole("status").filter({ hasText: "Erased" })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: shots("lead-erased-390.png"), fullPage: true });
  expect(await queryE2e("SELECT id FROM leads WHERE id = $1", [id])).toEqual([]);
  expect(await queryE2e("SELECT id FROM audit_logs WHERE after::text ILIKE $1 OR before::text ILIKE $1", [`%${email}%`])).toEqual([]);
  expect((await page.goto(`/leads/${id}`))?.status()).toBe(404);
});
