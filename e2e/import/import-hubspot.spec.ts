import { readFileSync } from "node:fs";
import path from "node:path";
import { queryE2e, withE2eClient } from "../fixtures/database";
import { expect, test } from "../fixtures/auth";

// Revenue operations brings a HubSpot contacts export in: the preset is recognised, one column mapping
// and one value mapping are adjusted, the dry run shows what will happen, the import runs with a live
// progress bar, and the leads arrive diagnosed in the lead list. The file's ids and company are unique
// to this run, so the spec touches only its own leads.

const HEADER = readFileSync(path.resolve("lib/import/fixtures/hubspot-contacts.csv"), "utf8").split(/\r?\n/)[0]!;

function hubspotExport(run: string): Buffer {
  const columns = HEADER.split(",");
  const row = (values: Record<string, string>) =>
    columns
      .map((column) => {
        const value = values[column] ?? "";
        return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
      })
      .join(",");
  const company = `E2E Import ${run}`;
  const lines = [
    HEADER,
    row({
      "Contact ID": `${run}-1`,
      "First Name": "Ines",
      "Last Name": `Demo ${run}`,
      Email: `Ines.${run}@e2e-import.example`,
      "Company Name": company,
      "Create Date": "2025-05-05 09:00",
      "Original Source": "Paid Search",
      "Recent Conversion": "Demo request form",
      "First Conversion": "Demo request form",
      "Lifecycle Stage": "lead",
      "Lead Status": "New",
      "Contact owner": "Riley Chen",
      "Owner Assigned Date": "2025-05-05 09:20",
    }),
    row({
      "Contact ID": `${run}-2`,
      "First Name": "Omar",
      "Last Name": `Webinar ${run}`,
      Email: `omar.${run}@gmail.com`,
      "Company Name": company,
      "Create Date": "2025-05-06 14:00",
      "Original Source": "Organic Search",
      "Recent Conversion": "Webinar registration",
      "Lifecycle Stage": "salesqualifiedlead",
      "Lead Status": "Connected",
      "Contact owner": "Riley Chen",
      "Owner Assigned Date": "2025-05-06 14:05",
      "Last Contacted": "2025-05-06 15:00",
    }),
    row({
      "Contact ID": `${run}-3`,
      "First Name": "Pia",
      "Last Name": `Nobody ${run}`,
      Email: `pia.${run}@e2e-import.example`,
      "Company Name": company,
      "Create Date": "2025-05-07 08:00",
      "Original Source": "Direct Traffic",
      "Lifecycle Stage": "lead",
      "Lead Status": "Bad Timing",
    }),
  ];
  return Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8");
}

test("revops imports a HubSpot export, adjusts a mapping and a value, watches the progress and finds the leads diagnosed", async ({
  page,
  signIn,
}) => {
  const run = `e2e${Date.now().toString(36)}`;
  await signIn("revops");
  await page.goto("/import");
  await expect(page.getByRole("heading", { name: "Import", level: 1 })).toBeVisible();

  await page
    .getByLabel("Leads file")
    .setInputFiles({ name: "hubspot-crm-exports-all-contacts.csv", mimeType: "text/csv", buffer: hubspotExport(run) });
  await page.getByRole("button", { name: "Upload and map columns" }).click();
  await expect(page).toHaveURL(/\/import\/\d+$/, { timeout: 30_000 });
  await expect(page.getByLabel("Export format")).toHaveValue("hubspot");
  await expect(page.getByLabel("Mapping for Contact ID")).toHaveValue("externalId");

  // One column: HubSpot's "Recent Conversion" names the form, which is the lead type here.
  await page.getByLabel("Mapping for Recent Conversion").selectOption({ label: "Lead type" });
  // One value: the form's name becomes Baton's lead type.
  const value = page.getByLabel("Value Demo request form of Recent Conversion");
  await expect(value).toHaveValue("");
  await value.selectOption({ label: "Demo request" });
  await expect(page.getByRole("table", { name: "Preview of the first rows as they will be stored" })).toContainText(`Ines Demo ${run}`);

  await page.getByRole("button", { name: "Save and check every row" }).click();
  const dryRun = page.getByRole("table", { name: "What the import would do" });
  await expect(dryRun).toBeVisible({ timeout: 30_000 });
  await expect(dryRun.getByRole("row", { name: /Leads/ }).getByRole("cell").nth(1)).toHaveText("3");

  // Three rows import in milliseconds, faster than the page can show a bar. Holding back writes to the
  // leads table keeps the import running until the progress bar has been seen; then it finishes.
  await withE2eClient(async (blocker) => {
    await blocker.query("BEGIN");
    try {
      await blocker.query("LOCK TABLE leads IN SHARE MODE");
      await page.getByRole("button", { name: "Start the import" }).click();
      await expect(page.getByRole("progressbar")).toBeVisible();
      await expect(page.getByText("You can leave this page: the import keeps running")).toBeVisible();
    } finally {
      await blocker.query("COMMIT").catch(() => undefined);
    }
  });
  await expect(page.getByRole("heading", { name: "Imported" })).toBeVisible({ timeout: 60_000 });
  await expect(
    page.getByRole("table", { name: "What the import did" }).getByRole("row", { name: /Leads/ }).getByRole("cell").nth(1),
  ).toHaveText("3");

  const leads = await queryE2e<{
    external_id: string;
    diagnosed_at: Date | null;
    lead_type: string | null;
    owner: string | null;
    account_domain: string | null;
    flagged: boolean;
  }>(
    `SELECT l.external_id, l.diagnosed_at, t.key AS lead_type, u.name AS owner, l.account_domain, l.flagged
     FROM leads l LEFT JOIN lead_types t ON t.id = l.lead_type_id LEFT JOIN users u ON u.id = l.owner_id
     WHERE l.source_system = 'hubspot' AND l.external_id LIKE $1 ORDER BY l.external_id`,
    [`${run}-%`],
  );
  expect(leads.map((lead) => lead.external_id)).toEqual([`${run}-1`, `${run}-2`, `${run}-3`]);
  expect(leads.every((lead) => lead.diagnosed_at !== null)).toBe(true);
  expect(leads[0]).toMatchObject({ lead_type: "demo_request", owner: "Riley Chen", account_domain: "e2e-import.example" });
  expect(leads[1]).toMatchObject({ lead_type: null, account_domain: null });

  await page.goto(`/leads?q=${encodeURIComponent(`E2E Import ${run}`)}`);
  await expect(page.getByText(/^1–3 of 3$/)).toBeVisible();
  for (const lead of leads) {
    const name = lead.external_id.endsWith("-1")
      ? `Ines Demo ${run}`
      : lead.external_id.endsWith("-2")
        ? `Omar Webinar ${run}`
        : `Pia Nobody ${run}`;
    const row = page.getByRole("row", { name: new RegExp(name) });
    await expect(row.getByText(lead.flagged ? /^Flagged · \d+$/ : "No break found")).toBeVisible();
  }
  // The lead nobody owns is flagged for it.
  await expect(page.getByRole("row", { name: new RegExp(`Pia Nobody ${run}`) }).getByText("Unclear owner")).toBeVisible();
});
