import { queryE2e } from "../fixtures/database";
import { expect, test } from "../fixtures/auth";

// User-written and imported text is always rendered as text: script and HTML payloads stored in a lead,
// its timeline and its notes must show literally and never run.
const PAYLOADS = [
  `<script>window.__xss = "script"</script>`,
  `<img src=x onerror="window.__xss='img'">`,
  `"><svg onload="window.__xss='svg'">`,
  `javascript:window.__xss='href'`,
];

test("script and HTML payloads in lead fields, timeline details and notes never execute", async ({ page, signIn }) => {
  const marker = `xss-${Date.now()}`;
  const [lead] = await queryE2e<{ id: number }>(
    `INSERT INTO leads (source_system, external_id, name, email, company, title, captured_at, original_source, campaign, offer, conversion_point, landing_page, buyer_message, updated_at)
     VALUES ('e2e', $1, $2, $3, $4, $5, now() - interval '2 hours', $6, $7, $8, $9, $10, $11, now()) RETURNING id`,
    [
      marker,
      `${marker} ${PAYLOADS[0]}`,
      "payload@example.com",
      PAYLOADS[1],
      PAYLOADS[2],
      PAYLOADS[1],
      PAYLOADS[0],
      PAYLOADS[2],
      PAYLOADS[1],
      PAYLOADS[3],
      PAYLOADS.join(" "),
    ],
  );
  await queryE2e(
    `INSERT INTO handoff_events (lead_id, type, occurred_at, actor_name, details) VALUES
       ($1, 'captured', now() - interval '2 hours', $2, '{}'::jsonb),
       ($1, 'note', now() - interval '1 hour', 'Importer', jsonb_build_object('note', $3::text, 'reasonDetail', $4::text))`,
    [lead!.id, PAYLOADS[2], PAYLOADS[0], PAYLOADS[1]],
  );
  await queryE2e(
    `INSERT INTO annotations (lead_id, side, body, author_id, updated_at) SELECT $1, 'sales', $2, id, now() FROM users WHERE email = 'rep@demo.baton.dev'`,
    [lead!.id, PAYLOADS.join("\n")],
  );

  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await signIn("rep");
  for (const path of [`/leads?q=${marker}`, `/leads/${lead!.id}`, `/flagged?q=${marker}`]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss), `no payload ran on ${path}`).toBeUndefined();
  }
  await page.goto(`/leads/${lead!.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(PAYLOADS[0]!);
  await expect(page.getByText(PAYLOADS[2]!).first()).toBeVisible();
  expect(await page.locator("svg[onload], img[onerror]").count()).toBe(0);
  expect(dialogs).toEqual([]);
});
