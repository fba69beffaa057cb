import { expect, test } from "../fixtures/auth";
import { ensurePlantedReportPeriod, REPORT_PERIOD } from "../fixtures/report-data";

// The report at desktop and phone widths: its content fits its column, and a full-page screenshot kept with the
// run's results for a person to look at.

test.beforeAll(ensurePlantedReportPeriod);

for (const viewport of [{ name: "desktop", width: 1440, height: 900 }, { name: "phone", width: 390, height: 844 }]) {
  test(`the report's content fits its column on a ${viewport.name} screen`, async ({ page, signIn }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await signIn("marketing");
    await page.goto(`/report?from=${REPORT_PERIOD.from}&to=${REPORT_PERIOD.to}`);
    await expect(page.getByRole("heading", { name: "Handoff report", level: 1 })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath(`report-${viewport.name}.png`), fullPage: true });
    // The report's own column (the app shell's phone layout is the screens issue's, not the report's).
    const overflow = await page.locator("main").evaluate((main) => main.scrollWidth - main.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  });
}
