import type { Page } from "@playwright/test";
import { queryE2e } from "../fixtures/database";
import { createRepLead } from "../fixtures/leads";
import { expect, signInAs, test } from "../fixtures/auth";

// Baton on the move and on a projector: the rep's screens fit a phone (390 px) and a laptop (1280 px)
// without sideways scrolling, a rep accepts a lead on a phone, and a presenter walks a meeting's three
// leads from the keyboard with the decision always on screen.

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

for (const viewport of [PHONE, LAPTOP]) {
  test(`the queue, a lead and the inbox fit ${viewport.width} px without sideways scrolling`, async ({ page, browser }) => {
    const lead = await createRepLead(`fit-${viewport.width}`);
    // A person with a long name: the lead page's Mention list holds every person, and must not widen it.
    await queryE2e(`INSERT INTO users (name, email, role, updated_at) VALUES ($1, $2, 'marketing', now()) ON CONFLICT (email) DO NOTHING`, [
      "Maximiliana Concepción Rodríguez-Vanderbilt de la Fuente y Montenegro",
      `long-name-${viewport.width}@buyer.example`,
    ]);
    await page.setViewportSize(viewport);
    await signInAs(page, "rep");

    await page.goto(`/queue?lead=${lead.id}`);
    await expect(page.getByRole("region", { name: "Selected lead" }).getByRole("heading", { name: lead.name })).toBeVisible();
    expect(await horizontalOverflow(page), "queue overflow").toBeLessThanOrEqual(0);

    await page.goto(`/leads/${lead.id}`);
    await expect(page.getByRole("heading", { name: lead.name, level: 1 })).toBeVisible();
    expect(await horizontalOverflow(page), "lead page overflow").toBeLessThanOrEqual(0);

    // On a phone the navigation is behind the Menu button, a disclosure; on a laptop it is the sidebar.
    const menu = page.getByRole("button", { name: "Menu" });
    const queueLink = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /My queue/ });
    if (viewport.width < 1024) {
      await expect(queueLink).toBeHidden();
      await menu.click();
      await expect(menu).toHaveAttribute("aria-expanded", "true");
      await expect(queueLink).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(menu).toHaveAttribute("aria-expanded", "false");
      await expect(menu).toBeFocused();
    } else {
      await expect(menu).toBeHidden();
      await expect(queueLink).toBeVisible();
    }

    // The inbox, with a question about this lead waiting in it (asked by the rep).
    await page.goto(`/queue?lead=${lead.id}`);
    const selected = page.getByRole("region", { name: "Selected lead" });
    await selected.getByRole("button", { name: /Ask marketing/ }).click();
    await page.getByLabel("Question for marketing").fill("Which session did they attend, and did they ask about pricing?");
    await page.getByLabel("Question for marketing").press("Control+Enter");
    await expect(page.getByRole("status").filter({ hasText: /\S/ }).first()).toContainText(`Asked marketing about ${lead.name}`);

    const marketing = await (await browser.newContext({ viewport })).newPage();
    await signInAs(marketing, "marketing");
    await marketing.goto("/inbox");
    await expect(marketing.getByRole("listitem", { name: `Question about ${lead.name}` })).toBeVisible();
    expect(await horizontalOverflow(marketing), "inbox overflow").toBeLessThanOrEqual(0);
    await marketing.context().close();
  });
}

test("revops's setup pages fit a phone: the wide tables scroll inside themselves", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signInAs(page, "revops");
  for (const path of ["/settings/definitions", "/import", "/settings/connections", "/dashboard", "/report"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await horizontalOverflow(page), `${path} overflow`).toBeLessThanOrEqual(0);
  }
});

test("a rep accepts a lead on a phone from the sticky action bar", async ({ page }) => {
  const lead = await createRepLead("phone-accept");
  await page.setViewportSize(PHONE);
  await signInAs(page, "rep");
  await page.goto("/queue");

  // Tapping the lead in the list brings its details and decisions into view.
  await page.locator(`[data-lead-id="${lead.id}"]`).click();
  const selected = page.getByRole("region", { name: "Selected lead" });
  await expect(selected.getByRole("heading", { name: lead.name })).toBeInViewport();
  const bar = selected.getByRole("toolbar", { name: "Decide" });
  await expect(bar).toBeInViewport({ ratio: 1 });
  // In the lower half of the screen, where a thumb reaches it; scrolled back into the list, it stays
  // stuck to the bottom edge while the lead's section is in view.
  const box = (await bar.boundingBox())!;
  expect(box.y).toBeGreaterThan(PHONE.height / 2);
  await page.mouse.wheel(0, -200);
  await expect(bar).toBeInViewport({ ratio: 1 });

  await bar.getByRole("button", { name: /Accept/ }).click();
  const form = page.getByRole("form", { name: `Accept ${lead.name}` });
  // Acceptance is a deliberate act: the criteria are ticked one by one, here all of them.
  for (const box of await form.getByRole("checkbox").all()) await box.check();
  await form.getByRole("button", { name: /Accept lead/ }).click();
  await expect(page.getByRole("status").filter({ hasText: /\S/ }).first()).toContainText(`Accepted ${lead.name}.`);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

  const [row] = await queryE2e<{ acceptance_status: string }>(`SELECT acceptance_status FROM leads WHERE id = $1`, [lead.id]);
  expect(row?.acceptance_status).toBe("accepted");
});

test("a presenter walks three leads by keyboard with the decision bar in view each time", async ({ page }) => {
  const stamp = Date.now();
  await page.setViewportSize(LAPTOP);
  await signInAs(page, "manager");
  await page.goto("/review?period=all");
  await page.getByRole("link", { name: "Plan a meeting from this board" }).click();
  await page.getByLabel("Title").fill(`E2E projector ${stamp}`);
  await page.getByLabel("The most severe leads").check();
  await page.getByLabel("Number of leads").fill("3");
  await page.getByRole("button", { name: "Plan meeting" }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+$/);
  await page.getByRole("button", { name: "Start meeting" }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+\/present$/);

  // Full screen: no app sidebar, one heading naming the lead on screen.
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  const decision = page.getByRole("region", { name: "Decision" });
  const names: string[] = [];
  for (const [position, key, label] of [
    [1, "1", /Confirmed failure/],
    [2, "2", /Not a failure/],
    [3, "3", /Needs more data/],
  ] as const) {
    await expect(page.getByText(`Lead ${position} of 3`)).toBeVisible();
    const heading = page.getByRole("heading", { level: 1 });
    names.push(await heading.innerText());
    if (position > 1) {
      // Moving on starts the next lead clean: at the top, focus on its name, no message from the last one.
      await expect(heading).toBeFocused();
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
      await expect(page.getByText(/^Note added/)).toHaveCount(0);
    }
    await expect(decision).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole("region", { name: "Marketing notes" })).toBeInViewport();
    await expect(page.getByRole("region", { name: "Sales notes" })).toBeInViewport();
    await expect(page.getByRole("list", { name: "Diagnosis steps" })).toBeInViewport();

    // n opens a one-line note that Enter saves.
    await page.keyboard.press("n");
    const note = page.getByLabel("Add a sales note");
    await expect(note).toBeFocused();
    await note.fill(`Projector note ${position} ${stamp}`);
    await note.press("Enter");
    await expect(page.getByRole("region", { name: "Sales notes" })).toContainText(`Projector note ${position} ${stamp}`);
    await note.blur();

    // Scroll down to the timeline: the decision stays on screen.
    await page.mouse.wheel(0, 1500);
    await expect(decision).toBeInViewport({ ratio: 1 });
    await page.keyboard.press(key);
    await expect(decision.getByRole("button", { name: label })).toHaveAttribute("aria-pressed", "true");
    if (position < 3) await page.keyboard.press("ArrowRight");
  }
  expect(new Set(names).size, "three different leads").toBe(3);
  await expect(page.getByRole("region", { name: "Running tally" })).toContainText("3 of 3 decided");

  // ? lists every shortcut, with the submit convention.
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toContainText("Ctrl/⌘ + Enter");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
});
