import { expect, test } from "../fixtures/auth";
import { queryE2e } from "../fixtures/database";
import { LAPTOP_AND_PHONE, SCREENSHOT_DIR } from "../fixtures/screenshots";

// Revenue operations imports a marketing-funnel export as exported (Olist's public MQL file shape: an id,
// a first-contact date, a landing page and an origin; no owner column, no names): maps its columns on the
// page without editing the file, sees every row accounted for, and sees on the coverage view that the
// source does not record owners, which the lead's diagnosis calls a reporting gap, not an unclear owner.

function mqlExport(run: string): Buffer {
  const rows = [
    "mql_id,first_contact_date,landing_page_id,origin",
    `${run}a1,2018-02-01,88740e65d5d6b056e0cda098e1ea6313,social`,
    `${run}b2,2017-10-20,007f9098284a86ee80ddeb25d53e0af8,paid_search`,
    `${run}c3,2018-03-22,a7982125ff7aa3b2054c6e44f9d28522,organic_search`,
  ];
  return Buffer.from(`${rows.join("\n")}\n`, "utf8");
}

test("revops imports an export with no owner column and no names, sees the accounting and the evidence coverage", async ({
  page,
  signIn,
}) => {
  const run = `mql${Date.now().toString(36)}`;
  await signIn("revops");
  await page.goto("/import");
  await page
    .getByLabel("Leads file")
    .setInputFiles({ name: "olist_marketing_qualified_leads_dataset.csv", mimeType: "text/csv", buffer: mqlExport(run) });
  await page.getByRole("button", { name: "Upload and map columns" }).click();
  await expect(page).toHaveURL(/\/import\/\d+$/, { timeout: 30_000 });

  await page.getByLabel("Mapping for mql_id").selectOption({ label: "External id" });
  await page.getByLabel("Mapping for first_contact_date").selectOption({ label: "Captured at" });
  await page.getByLabel("Mapping for landing_page_id").selectOption({ label: "Conversion point" });
  await page.getByLabel("Mapping for origin").selectOption({ label: "Original source" });

  await page.getByRole("button", { name: "Save and check every row" }).click();
  await expect(page.getByRole("table", { name: "What the import would do" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("list", { name: "Every row accounted for" })).toContainText(
    "Leads: 3 rows read = 3 leads to create + 0 updated + 0 unchanged + 0 superseded + 0 refused",
  );

  await page.getByRole("button", { name: "Start the import" }).click();
  await expect(page.getByRole("heading", { name: "Imported" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("list", { name: "Every row accounted for" })).toContainText("Leads: 3 rows read = 3 leads created");

  // "Open the lead list" opens exactly this import's leads (shown by their id: the file has no names).
  await page.getByRole("link", { name: "Open the lead list" }).click();
  await expect(page).toHaveURL(/\/leads\?import=\d+$/);
  await expect(page.getByTestId("drill-down-note")).toContainText(/Narrowed to:\s*Import #\d+/);
  for (const suffix of ["a1", "b2", "c3"]) await expect(page.getByRole("link", { name: `${run}${suffix}`, exact: true })).toBeVisible();

  await page.goto("/import");
  const coverage = page.getByRole("table", { name: "Evidence coverage by source system" });
  await expect(coverage).toBeVisible();
  await expect(coverage.getByRole("row", { name: /^Owner/ })).toContainText("not in the source");
  await page.setViewportSize({ width: 1440, height: 1000 });
  await coverage.screenshot({ path: "test-results/evidence-coverage-1440.png" });
  await page.setViewportSize({ width: 390, height: 900 });
  await coverage.screenshot({ path: "test-results/evidence-coverage-390.png" });

  const [lead] = await queryE2e<{ id: number; failure_points: string[] }>(
    "SELECT id, failure_points::text[] AS failure_points FROM leads WHERE external_id = $1",
    [`${run}a1`],
  );
  expect(lead!.failure_points).not.toContain("unclear_owner");
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(`/leads/${lead!.id}`);
  await page.getByRole("button", { name: "2. Routing Warning" }).click();
  await expect(page.getByText(/Not recorded in the source data: the owner/).first()).toBeVisible();
  await page.screenshot({ path: "test-results/lead-data-gap-1440.png", fullPage: true });
});

/** Olist's closed-deals shape: the MQL id it links by, the SDR and the closer (CRM user ids), the won date. */
function closedDeals(run: string): Buffer {
  const rows = [
    "mql_id,seller_id,sdr_id,sr_id,won_date,business_segment,lead_type",
    `${run}a1,2c43fb513632d29b3b58df74816f1b06,a8387c01a09e99ce014107505b92388c,${run}closer9,2018-02-26 19:58:54,pet,online_medium`,
    `${run}zz,bbb7d7893a450660432ea6652310ebb7,09285259593c61296eef10c734121d5b,${run}closer9,2018-05-08 20:17:59,car_accessories,industry`,
  ];
  return Buffer.from(`${rows.join("\n")}\n`, "utf8");
}

test("revops imports an MQL file with its closed-deals file, and the won date lands on the lead's timeline", async ({ page, signIn }) => {
  const run = `deal${Date.now().toString(36)}`;
  await signIn("revops");
  await page.goto("/import");
  await page
    .getByLabel("Leads file")
    .setInputFiles({ name: "olist_marketing_qualified_leads_dataset.csv", mimeType: "text/csv", buffer: mqlExport(run) });
  await page.getByText("Linked file (optional)").click();
  await page
    .getByLabel("Deals file")
    .setInputFiles({ name: "olist_closed_deals_dataset.csv", mimeType: "text/csv", buffer: closedDeals(run) });
  await page.getByRole("button", { name: "Upload and map columns" }).click();
  await expect(page).toHaveURL(/\/import\/\d+$/, { timeout: 30_000 });

  const leadsFile = page.getByRole("region", { name: /^Leads file:/ });
  await leadsFile.getByLabel("Mapping for mql_id").selectOption({ label: "External id" });
  await leadsFile.getByLabel("Mapping for first_contact_date").selectOption({ label: "Captured at" });
  await leadsFile.getByLabel("Mapping for origin").selectOption({ label: "Original source" });

  // The link, the won date and the closer are suggested from the headers; the user confirms what the key means.
  const dealsFile = page.getByRole("region", { name: /^Linked deals file:/ });
  await expect(dealsFile.getByLabel("Key column in this file")).toHaveValue("mql_id");
  await dealsFile.getByLabel("Refers to, in the leads").selectOption({ label: "The lead's external id (mql_id)" });
  await expect(dealsFile.getByLabel("Mapping for won_date")).toHaveValue("event:won");
  await expect(dealsFile.getByLabel("Mapping for sr_id")).toHaveValue("actor:won");
  if (SCREENSHOT_DIR)
    for (const size of LAPTOP_AND_PHONE) {
      await page.setViewportSize(size);
      await dealsFile.screenshot({ path: `${SCREENSHOT_DIR}/import-linked-deals-mapping-${size.width}.png` });
    }
  await page.setViewportSize({ width: 1440, height: 900 });

  await page.getByRole("button", { name: "Save and check every row" }).click();
  const accounting = page.getByRole("list", { name: "Every row accounted for" });
  await expect(accounting).toContainText(
    "Linked deals: 2 rows read = 1 deal to create + 0 updated + 0 unchanged + 0 repeated + 1 refused",
    { timeout: 30_000 },
  );
  await expect(page.getByText(`Key "${run}zz" matches no lead in this upload or in Baton`)).toBeVisible();

  await page.getByRole("button", { name: "Start the import" }).click();
  await expect(page.getByRole("heading", { name: "Imported" })).toBeVisible({ timeout: 60_000 });
  await expect(accounting).toContainText("Linked deals: 2 rows read = 1 deal created + 0 updated + 0 unchanged + 0 repeated + 1 refused");

  const [lead] = await queryE2e<{ id: number }>("SELECT id FROM leads WHERE external_id = $1", [`${run}a1`]);
  await page.goto(`/leads/${lead!.id}`);
  const timeline = page.getByRole("list", { name: "Timeline events" });
  await expect(timeline.getByRole("listitem").filter({ hasText: "Won" })).toContainText(`${run}closer9`);
});
