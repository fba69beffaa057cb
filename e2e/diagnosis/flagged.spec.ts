import { expect, test } from "../fixtures/auth";

test("a marketer filters the Flagged view by slow timing, opens a lead and sees the failing step with its evidence", async ({
  page,
  signIn,
}) => {
  await signIn("marketing");
  await page.goto("/flagged");
  await expect(page.getByRole("heading", { name: "Flagged leads" })).toBeVisible();

  await page.getByRole("combobox", { name: "Failure point" }).selectOption("slow_timing");
  await expect(page).toHaveURL(/fp=slow_timing/);
  const rows = page.getByRole("row").filter({ has: page.getByRole("link") });
  await expect(rows.first()).toContainText("Slow timing");
  for (const text of (await rows.allInnerTexts()).slice(0, 10)) expect(text).toContain("Slow timing");

  await rows.first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/leads\/\d+$/);
  const steps = page.getByRole("list", { name: "Diagnosis steps" });
  const failing = steps.locator('[data-status="fail"]').filter({ hasText: "Slow timing" }).first();
  await expect(failing).toBeVisible();
  await failing.getByRole("button").click();
  const evidence = page.getByRole("region", { name: /evidence$/ });
  await expect(evidence.getByRole("table", { name: "Evidence used" })).toBeVisible();
  await expect(evidence).toContainText(/target/);
  await expect(evidence).toContainText(/over by|overdue|No sales action/);
});
