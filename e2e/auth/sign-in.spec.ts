import { expect, test } from "../fixtures/auth";

test("an unauthenticated visitor is sent to sign-in and comes back after signing in", async ({ page }) => {
  await page.goto("/leads?source=webinar");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fleads%3Fsource%3Dwebinar/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  await page.getByLabel("Email").fill("rep@demo.baton.dev");
  await page.getByLabel("Password").fill("baton-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/leads\?source=webinar$/);
  await expect(page.getByRole("heading", { name: "Leads" })).toBeVisible();
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("rep@demo.baton.dev");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("do not match an active account");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("API routes other than health refuse requests without a session", async ({ request }) => {
  expect((await request.get("/api/health")).status()).toBe(200);
  const health = await (await request.get("/api/health")).json();
  expect(health.database.status).toBe("up");
});
