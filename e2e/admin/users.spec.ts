import type { Browser, Page } from "@playwright/test";
import { queryE2e } from "../fixtures/database";
import { expect, test } from "../fixtures/auth";
import { LAPTOP_AND_PHONE, shoot } from "../fixtures/screenshots";

// The admin's user management end to end: invite with a one-time password, the new person signs in
// with it, a role change ends their session at once, and the audit log shows each change. Every test
// invites its own people (unique emails), so no other spec's data is touched.

const TEMPORARY_PASSWORD = /^[a-z2-9]{4}(-[a-z2-9]{4}){4}$/;

function uniquePerson(label: string) {
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  return { name: `E2E ${label} ${stamp}`, email: `e2e-admin-${label}-${stamp}@example.com` };
}

/** Invites through the form and returns the temporary password the page shows once. */
async function inviteThroughPage(page: Page, person: { name: string; email: string }, role: string): Promise<string> {
  await page.goto("/settings/users");
  await page.getByRole("button", { name: "Invite a user" }).click();
  const form = page.getByRole("form", { name: "Invite a user" });
  await form.getByLabel("Name", { exact: true }).fill(person.name);
  // Mixed case on purpose: the account is stored lowercased.
  await form.getByLabel("Email", { exact: true }).fill(person.email.toUpperCase());
  await form.getByLabel("Role", { exact: true }).selectOption(role);
  await form.getByRole("button", { name: "Invite", exact: true }).click();
  const shown = page.getByTestId("temporary-password");
  await expect(shown).toBeVisible();
  const password = (await shown.textContent())?.trim() ?? "";
  expect(password).toMatch(TEMPORARY_PASSWORD);
  return password;
}

/** A separate browser, signed in through the real sign-in form. */
async function signInInNewBrowser(browser: Browser, email: string, password: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  return page;
}

test("an admin invites a user, who signs in with the one-time password; a role change ends their session; the audit log shows both", async ({
  page,
  signIn,
  browser,
}) => {
  const person = uniquePerson("invite");
  await signIn("admin");
  const password = await inviteThroughPage(page, person, "sales_rep");

  await expect(page.getByText("Shown only this once.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Copy" })).toBeVisible();
  const [stored] = await queryE2e<{ id: number; password_hash: string; role: string }>(
    `SELECT id, password_hash, role FROM users WHERE email = $1`,
    [person.email],
  );
  expect(stored?.role).toBe("sales_rep");
  expect(stored?.password_hash.startsWith("$argon2id$")).toBe(true);
  expect(stored?.password_hash).not.toContain(password);

  // Once dismissed (or reloaded), the password is gone for good.
  await page.getByRole("button", { name: "Done, I have passed it on" }).click();
  await expect(page.getByTestId("temporary-password")).toHaveCount(0);
  await page.reload();
  await expect(page.getByText(password)).toHaveCount(0);
  await expect(page.locator(`tr[data-user-email="${person.email}"]`)).toContainText("Sales rep");

  const newcomer = await signInInNewBrowser(browser, person.email, password);
  await expect(newcomer).toHaveURL(/\/leads$/);
  await expect(newcomer.getByRole("heading", { name: "Leads" })).toBeVisible();

  // The admin makes them marketing: their open session ends on the next page load.
  await page.getByRole("button", { name: `Manage ${person.name}` }).click();
  await page.getByLabel(`Role for ${person.name}`).selectOption("marketing");
  await page.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${person.name}'s role changed` })).toBeVisible();
  await newcomer.reload();
  await expect(newcomer).toHaveURL(/\/sign-in/);
  await expect(newcomer.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await newcomer.context().close();

  // The audit log, filtered to user records, shows the invitation, the newcomer's sign-in and the role change.
  await page.goto("/audit");
  await page.getByLabel("Record type").selectOption("user");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]type=user(&|$)/);
  const records = page.locator("tr[data-audit-id] td:nth-child(4)");
  await expect(records.first()).toBeVisible();
  for (const text of await records.allInnerTexts()) expect(text).toMatch(/^user #\d+/);
  const mine = page.locator("tr[data-audit-id]").filter({ hasText: new RegExp(`user #${stored!.id}(?!\\d)`) });
  await expect(mine).toHaveCount(3);
  await expect(mine.nth(0)).toContainText("user.role_change");
  await expect(mine.nth(1)).toContainText("auth.sign_in");
  await expect(mine.nth(2)).toContainText("user.invite");
  // The changed fields are listed at once, in words; getByRole skips the folded full record.
  const roleLine = mine
    .nth(0)
    .getByRole("listitem")
    .filter({ hasText: /^role:/ });
  await expect(roleLine).toHaveText("role: Sales rep → Marketing");
  await expect(mine.nth(0)).toContainText(person.name);
  await shoot(page, "audit-log", LAPTOP_AND_PHONE);
  await expect(page.locator("main")).not.toContainText("argon2");
});

test("an invited user changes their own password on their account page and signs in with it", async ({ page, signIn, browser }) => {
  const person = uniquePerson("account");
  await signIn("admin");
  const temporary = await inviteThroughPage(page, person, "viewer");

  const user = await signInInNewBrowser(browser, person.email, temporary);
  await expect(user).toHaveURL(/\/leads$/);
  await user.getByRole("link", { name: "Your account" }).click();
  await expect(user.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(user.getByText(person.email)).toBeVisible();

  await user.getByLabel("Current password").fill("not the temporary one");
  await user.getByLabel("New password", { exact: true }).fill("short");
  await user.getByLabel("New password again").fill("short");
  await user.getByRole("button", { name: "Change password" }).click();
  await expect(user.getByText("Use at least 12 characters.")).toBeVisible();

  const chosen = "my own long passphrase";
  await user.getByLabel("New password", { exact: true }).fill(chosen);
  await user.getByLabel("New password again").fill(chosen);
  await user.getByRole("button", { name: "Change password" }).click();
  await expect(user.getByText("That is not your current password.")).toBeVisible();

  await user.getByLabel("Current password").fill(temporary);
  await user.getByRole("button", { name: "Change password" }).click();
  await expect(user).toHaveURL(/\/sign-in/);
  await user.getByLabel("Email").fill(person.email);
  await user.getByLabel("Password").fill(chosen);
  await user.getByRole("button", { name: "Sign in" }).click();
  await expect(user).toHaveURL(/\/leads$/);
  await user.context().close();
});

test("the last admin's own role and access cannot be taken away from the users page", async ({ page, signIn }) => {
  // This test makes its own world: the demo admin as the only active admin. Admins that other tests
  // invited are paused meanwhile (the specs run one at a time) and switched back on afterwards.
  const paused = await queryE2e<{ id: number }>(
    `UPDATE users SET active = false WHERE role = 'admin' AND active AND email <> 'admin@demo.baton.dev' RETURNING id`,
  );
  try {
    const [admin] = await queryE2e<{ name: string }>(
      `SELECT name FROM users WHERE email = 'admin@demo.baton.dev' AND role = 'admin' AND active`,
    );
    expect(admin, "the demo admin is an active admin").toBeDefined();
    await signIn("admin");
    await page.goto("/settings/users");
    await page.getByRole("button", { name: `Manage ${admin!.name}` }).click();
    await expect(page.getByLabel(`Role for ${admin!.name}`)).toBeDisabled();
    await expect(page.getByText("Baton needs at least one active admin.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Deactivate" })).toBeDisabled();
  } finally {
    if (paused.length) await queryE2e(`UPDATE users SET active = true WHERE id = ANY($1::int[])`, [paused.map((row) => row.id)]);
  }
});

test("in the demo workspace an admin is offered 'Refresh demo data', which says what it does before it does it", async ({
  page,
  signIn,
}) => {
  await signIn("admin");
  await page.goto("/settings/users");
  const panel = page.locator("section").filter({ has: page.getByRole("heading", { name: "Demo data" }) });
  await expect(panel).toContainText("This is the demo workspace");
  await panel.getByRole("button", { name: "Refresh demo data…" }).click();
  await expect(panel).toContainText("Every demo lead is generated again around now");
  await expect(panel.getByRole("button", { name: "Refresh demo data", exact: true })).toBeVisible();
  await shoot(page, "users-demo-data", LAPTOP_AND_PHONE);
  // Cancelled, nothing happens: the other specs share this demo.
  await panel.getByRole("button", { name: "Cancel" }).click();
  await expect(panel.getByRole("button", { name: "Refresh demo data…" })).toBeVisible();
});

test("people who are not admins cannot open the users page or the audit log, but can open their account", async ({ page, signIn }) => {
  await signIn("revops");
  await page.goto("/settings/users");
  await expect(page).toHaveURL(/\/forbidden/);
  await page.goto("/audit");
  await expect(page).toHaveURL(/\/forbidden/);
  await page.goto("/settings/account");
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
});

test("an admin merges a CRM owner without a sign-in into the rep they are, and the rep owns their leads", async ({ page, signIn }) => {
  const stamp = `${Date.now()}`;
  const [person] = await queryE2e<{ id: number; name: string }>(
    `INSERT INTO users (name, role, updated_at) VALUES ($1, 'sales_rep', now()) RETURNING id, name`,
    [`J. Merge ${stamp}`],
  );
  const [rep] = await queryE2e<{ id: number; name: string }>(`SELECT id, name FROM users WHERE email = 'rep@demo.baton.dev'`);
  const [lead] = await queryE2e<{ id: number }>(
    `INSERT INTO leads (source_system, external_id, name, captured_at, owner_id, owner_assigned_at, updated_at)
     VALUES ('salesforce', $1, $2, now() - interval '2 hours', $3, now() - interval '1 hour', now()) RETURNING id`,
    [`merge-${stamp}`, `Merge Buyer ${stamp}`, person!.id],
  );

  await signIn("admin");
  await page.goto("/settings/users");
  await expect(page.locator("tr").filter({ hasText: person!.name })).toContainText("no sign-in");
  await page.getByRole("button", { name: `Manage ${person!.name}` }).click();
  const merge = page.getByRole("form", { name: `Merge ${person!.name} into another person` });
  await merge.getByLabel("Same person as…").selectOption({ label: `${rep!.name} (rep@demo.baton.dev)` });
  await merge.getByRole("button", { name: "Merge…" }).click();
  await expect(merge).toContainText("This cannot be undone.");
  await shoot(page, "users-merge-person");
  await merge.getByRole("button", { name: `Merge into ${rep!.name}` }).click();

  await expect(page.getByRole("status").filter({ hasText: `${person!.name} was merged into ${rep!.name}: 1 lead` })).toBeVisible();
  await expect(page.getByRole("button", { name: `Manage ${person!.name}` })).toHaveCount(0);
  const [owner] = await queryE2e<{ owner_id: number }>(`SELECT owner_id FROM leads WHERE id = $1`, [lead!.id]);
  expect(owner?.owner_id).toBe(rep!.id);
});
