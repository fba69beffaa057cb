import type { Page } from "@playwright/test";
import { queryE2e } from "../fixtures/database";
import { createRepLead } from "../fixtures/leads";
import { expect, signInAs, test } from "../fixtures/auth";

// A rep works their queue from the keyboard: accepts a lead logging a call and a next action, rejects one
// with a structured reason and detail, asks marketing about a third; marketing answers and the lead comes
// back to the rep. Each test makes the rep's leads it decides, so no other spec's decisions can use them up.

/** Moves the queue's selection with j/k until the lead is selected. */
async function selectWithKeyboard(page: Page, leadId: number) {
  const options = page.getByRole("listbox", { name: "Leads in the queue" }).getByRole("option");
  const ids = await options.evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute("data-lead-id"))));
  const target = ids.indexOf(leadId);
  expect(target, `lead ${leadId} is in the queue`).toBeGreaterThanOrEqual(0);
  const selectedId = Number(await page.locator('[role="option"][aria-selected="true"]').getAttribute("data-lead-id"));
  const current = ids.indexOf(selectedId);
  const key = target > current ? "j" : "k";
  for (let step = 0; step < Math.abs(target - current); step++) await page.keyboard.press(key);
  await expect(page.locator('[role="option"][aria-selected="true"]')).toHaveAttribute("data-lead-id", String(leadId));
}

const selectedLead = (page: Page) => page.getByRole("region", { name: "Selected lead" });
const status = (page: Page) => page.getByRole("status").filter({ hasText: /\S/ }).first();

test("a rep accepts, rejects and asks from the keyboard; marketing's answer returns the lead", async ({ page, signIn, browser }) => {
  const accepted = await createRepLead("keyboard-accept");
  const rejected = await createRepLead("keyboard-reject");
  const asked = await createRepLead("keyboard-ask");

  await signIn("rep");
  await page.goto("/queue");
  await expect(page.getByRole("heading", { name: "My queue" })).toBeVisible();
  await expect(page.getByRole("note", { name: "Keyboard shortcuts" })).toContainText("accept");
  await page.getByRole("listbox", { name: "Leads in the queue" }).focus();

  // Accept, logging a call and the next action.
  await selectWithKeyboard(page, accepted.id);
  await expect(selectedLead(page).getByRole("heading", { name: accepted.name })).toBeVisible();
  await page.keyboard.press("a");
  const acceptForm = page.getByRole("form", { name: `Accept ${accepted.name}` });
  await expect(acceptForm.getByRole("button", { name: /Accept lead/ })).toBeFocused();
  await acceptForm.getByRole("radio", { name: "Not yet" }).press("ArrowRight");
  await expect(acceptForm.getByRole("radio", { name: "Call" })).toBeChecked();
  await acceptForm.getByLabel("What was said (optional)").fill("Wants a demo for the ops team");
  await acceptForm.getByLabel("Next action").fill("Send the proposal");
  await acceptForm.getByRole("button", { name: "Tomorrow 9:00" }).press("Enter");
  await acceptForm.getByLabel("Next action").press("Enter");
  await expect(status(page)).toContainText(`Accepted ${accepted.name}. Logged a call. Next: Send the proposal.`);
  await expect(page.locator(`[data-lead-id="${accepted.id}"]`)).toHaveCount(0);

  // Reject with a structured reason: the empty detail is refused, then the nudge turns into a 1.
  await selectWithKeyboard(page, rejected.id);
  await page.keyboard.press("r");
  const rejectForm = page.getByRole("form", { name: `Reject ${rejected.name}` });
  await expect(rejectForm.getByRole("radio").first()).toBeFocused();
  await page.keyboard.press("1");
  await expect(rejectForm.getByRole("radio", { name: /Not in our ideal customer profile/ })).toBeChecked();
  await expect(rejectForm.getByRole("textbox", { name: /Detail/ })).toBeFocused();
  await expect(rejectForm.getByText("0.5 of 1 · Partial")).toBeVisible();
  // In a text area Enter writes a new line; Ctrl+Enter sends (the app's one submit convention).
  await page.keyboard.press("Control+Enter");
  await expect(rejectForm.getByText(/This reason needs a detail/)).toBeVisible();
  await page.keyboard.type("Six employees; our ideal customer profile starts at 50");
  await expect(rejectForm.getByText("1 of 1 · Specific")).toBeVisible();
  await page.keyboard.press("Control+Enter");
  await expect(status(page)).toContainText(`Rejected ${rejected.name}. Reason quality 1 of 1 (specific).`);

  // Ask marketing about the third.
  await selectWithKeyboard(page, asked.id);
  await page.keyboard.press("i");
  await expect(page.getByLabel("Question for marketing")).toBeFocused();
  await page.keyboard.type("Which webinar did they attend, and did they stay for pricing?");
  await page.keyboard.press("Control+Enter");
  await expect(status(page)).toContainText(`Asked marketing about ${asked.name}`);

  const [acceptedRow] = await queryE2e<{ acceptance_status: string; next_action: string; events: string[] }>(
    `SELECT acceptance_status, next_action, ARRAY(SELECT type || coalesce(':' || channel, '') FROM handoff_events e WHERE e.lead_id = l.id AND e.actor_id IS NOT NULL AND e.occurred_at > now() - interval '1 hour' ORDER BY e.id)::text[] AS events FROM leads l WHERE id = $1`,
    [accepted.id],
  );
  expect(acceptedRow).toEqual({
    acceptance_status: "accepted",
    next_action: "Send the proposal",
    events: ["accepted", "contacted:call", "next_action_set"],
  });
  const [rejectedRow] = await queryE2e<{ acceptance_status: string; rejection_reason_code: string; rejection_detail: string }>(
    `SELECT acceptance_status, rejection_reason_code, rejection_detail FROM leads WHERE id = $1`,
    [rejected.id],
  );
  expect(rejectedRow).toEqual({
    acceptance_status: "rejected",
    rejection_reason_code: "not_icp",
    rejection_detail: "Six employees; our ideal customer profile starts at 50",
  });

  // Marketing answers in their inbox (a second browser context, signed in as marketing).
  const marketingContext = await browser.newContext();
  const marketing = await marketingContext.newPage();
  await signInAs(marketing, "marketing");
  await marketing.goto("/inbox");
  const question = marketing.getByRole("listitem", { name: `Question about ${asked.name}` });
  await expect(question).toContainText("Which webinar did they attend, and did they stay for pricing?");
  await question.getByLabel("Your answer").fill("The RevOps webinar on 12 Nov; they stayed for the pricing Q&A.");
  await question.getByLabel("Your answer").press("Control+Enter");
  await expect(question.getByRole("status")).toContainText(`Answered the question on ${asked.name}. It is back in Riley Chen's queue.`);
  await marketingContext.close();

  // Back with the rep: awaiting a decision again, with the answer shown.
  await page.goto(`/queue?lead=${asked.id}`);
  await expect(page.locator(`[data-lead-id="${asked.id}"]`)).toContainText("Marketing answered");
  await expect(selectedLead(page)).toContainText("The RevOps webinar on 12 Nov; they stayed for the pricing Q&A.");
  await expect(selectedLead(page).getByRole("button", { name: /Accept/ })).toBeVisible();
});

test("accepting takes two keystrokes: a, then Enter", async ({ page, signIn }) => {
  const lead = await createRepLead("two-keystrokes");
  await signIn("rep");
  await page.goto(`/queue?lead=${lead!.id}`);
  await expect(page.locator('[role="option"][aria-selected="true"]')).toHaveAttribute("data-lead-id", String(lead!.id));
  // The selection is server-rendered, so it shows before the keyboard handler is attached: press "a"
  // again only while the accept form has not opened (a user's first key after load can meet the same gap).
  const acceptForm = page.getByRole("form", { name: `Accept ${lead!.name}` });
  await expect(async () => {
    await page.keyboard.press("a");
    await expect(acceptForm.getByRole("button", { name: /Accept lead/ })).toBeFocused({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await page.keyboard.press("Enter");
  await expect(status(page)).toContainText(`Accepted ${lead!.name}.`);
  const [row] = await queryE2e<{ acceptance_status: string; criteria: Record<string, boolean> }>(
    `SELECT l.acceptance_status, e.details->'criteria' AS criteria FROM leads l JOIN handoff_events e ON e.lead_id = l.id AND e.type = 'accepted' WHERE l.id = $1`,
    [lead!.id],
  );
  expect(row?.acceptance_status).toBe("accepted");
  expect(Object.values(row?.criteria ?? {}).length).toBeGreaterThan(0);
});
