import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { ROLE_LABELS, type Role } from "@/lib/auth/permissions";
import { expect, signInAs, test, type DemoUser } from "../fixtures/auth";
import { addressOf, appPages, pagesFor } from "./routes";

// Every page, for every role that may open it, passes axe with no serious or critical finding. The page
// list comes from the app/ tree (see routes.ts); a failure lists each finding by page, rule and element.

const ROLES: [DemoUser, Role][] = [
  ["admin", "admin"],
  ["revops", "revops"],
  ["marketing", "marketing"],
  ["manager", "sales_manager"],
  ["rep", "sales_rep"],
];

async function findings(page: Page, address: string): Promise<string[]> {
  const response = await page.goto(address);
  expect(response?.status(), `${address} answers`).toBeLessThan(400);
  await page.waitForLoadState("networkidle");
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return result.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .flatMap((violation) =>
      violation.nodes
        .slice(0, 5)
        .map(
          (node) =>
            `${address} · ${violation.id} (${violation.impact}): ${node.target.join(" ")} · ${node.failureSummary?.split("\n")[1]?.trim() ?? violation.help}`,
        ),
    );
}

test.describe.configure({ timeout: 600_000 });

for (const [user, role] of ROLES) {
  test(`${ROLE_LABELS[role]}: every page the role may open passes axe`, async ({ page }) => {
    const pages = pagesFor(role);
    expect(pages.length).toBeGreaterThan(5);
    await signInAs(page, user);
    const found: string[] = [];
    for (const { route } of pages) found.push(...(await findings(page, await addressOf(route))));
    expect(found, `serious or critical axe findings for ${role}:\n${found.join("\n")}`).toEqual([]);
  });
}

test("pages open without a session pass axe", async ({ page }) => {
  const found: string[] = [];
  for (const { route } of appPages().filter((entry) => entry.permission === "public")) found.push(...(await findings(page, route)));
  expect(found, `serious or critical axe findings:\n${found.join("\n")}`).toEqual([]);
});
