import { expect, test } from "../fixtures/auth";
import type { Locator } from "@playwright/test";
import { LAPTOP_AND_PHONE, SCREENSHOT_DIR } from "../fixtures/screenshots";

/** The form itself at a laptop's and a phone's width, for people to look at (only with BATON_SCREENSHOT_DIR). */
async function shootForm(form: Locator, name: string) {
  if (!SCREENSHOT_DIR) return;
  for (const size of LAPTOP_AND_PHONE) {
    await form.page().setViewportSize(size);
    await form.screenshot({ path: `${SCREENSHOT_DIR}/${name}-${size.width}.png` });
  }
}

// The definitions editors (lead types, rejection reasons, objections) share one frame and one code field:
// a new entry takes a code, an existing one shows its code fixed, and cancelling leaves the list as it was.

test("revops opens a new rejection reason and an existing lead type: code typed once, then fixed", async ({ page, signIn }) => {
  await signIn("revops");
  await page.goto("/settings/definitions");

  await page.getByRole("button", { name: "Add reason" }).click();
  const newReason = page.getByRole("form", { name: "New rejection reason" });
  await expect(newReason.getByLabel("Code")).toBeEditable();
  await expect(newReason.getByLabel("Label")).toBeVisible();
  await expect(newReason.getByLabel("Order")).toBeVisible();
  await shootForm(newReason, "definitions-new-reason");
  await newReason.getByRole("button", { name: "Cancel" }).click();
  await expect(newReason).toHaveCount(0);

  await page.getByRole("button", { name: /^Edit Demo request$/ }).click();
  const leadType = page.getByRole("form", { name: "Edit Demo request" });
  await expect(leadType.getByText("Fixed: imports and the API refer to it.")).toBeVisible();
  await expect(leadType.getByRole("textbox", { name: /^Key/ })).toHaveCount(0);
  await shootForm(leadType, "definitions-edit-lead-type");
  await leadType.getByRole("button", { name: "Cancel" }).click();
});
