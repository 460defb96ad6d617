// Forms speak in sentences: a problem shows beside its field (described by it, marked invalid),
// focus goes to the first field that needs a change, and the summary at the top never says
// "Invalid input" or names a field's path. Dates in the past for new work are refused with the
// date and what to do; Enter adds a retro item. On the Hooli partnership (the manager's),
// whose actions, goals and retros no other browser test touches.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

const PARTNERSHIP = "Hooli Marketplace Listing";
const DEVELOPER = /Invalid input|expected|received|title:|dueDate|progress:/;

async function openTab(page: Page, tab: "Actions" | "Goals" | "Retro") {
  await page.goto("/w/northwind/partnerships");
  await page.getByRole("link", { name: PARTNERSHIP }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PARTNERSHIP);
  await page.getByRole("navigation", { name: "Partnership" }).getByRole("link", { name: tab }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(tab);
}

// The field's own message: the element its aria-describedby points at.
async function messageOf(page: Page, label: string) {
  const field = page.getByLabel(label, { exact: true });
  await expect(field).toHaveAttribute("aria-invalid", "true");
  const id = await field.getAttribute("aria-describedby");
  expect(id).toBeTruthy();
  return page.locator(`[id="${id}"]`);
}

// The summary at the top of the form that holds the field.
const summaryOf = (page: Page, label: string) =>
  page
    .locator("form")
    .filter({ has: page.getByLabel(label, { exact: true }) })
    .getByRole("alert")
    .first();

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const shortDay = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${iso}T00:00:00Z`),
  );

test.beforeEach(async ({ page }) => {
  await signIn(page, "manager@northwind.test");
});

test("an empty action says so beside its title, and focus goes there", async ({ page }) => {
  await openTab(page, "Actions");
  const title = page.getByLabel("What will be done", { exact: true });
  await title.fill("   ");
  await page.getByRole("button", { name: "Add action" }).click();

  await expect(await messageOf(page, "What will be done")).toHaveText("Say what will be done.");
  await expect(title).toBeFocused();
  const summary = summaryOf(page, "What will be done");
  await expect(summary).toHaveText("One entry needs a change; see the message beside it.");
  await expect(summary).not.toContainText(DEVELOPER);
});

test("a due date in the past is refused with the date and what to do; today is accepted", async ({ page }) => {
  await openTab(page, "Actions");
  const past = isoDay(-40);
  await page.getByLabel("What will be done", { exact: true }).fill("Send the co-marketing plan");
  await page.getByLabel("By when", { exact: true }).fill(past);
  await page.getByRole("button", { name: "Add action" }).click();

  await expect(await messageOf(page, "By when")).toHaveText(`The due date ${shortDay(past)} is in the past; pick today or later.`);
  await expect(page.getByLabel("By when", { exact: true })).toBeFocused();
  await expect(page.getByRole("link", { name: "Send the co-marketing plan" })).toHaveCount(0);

  await page.getByLabel("By when", { exact: true }).fill(isoDay(7));
  await page.getByRole("button", { name: "Add action" }).click();
  await expect(page.getByText("Added “Send the co-marketing plan”.")).toBeVisible();
});

test("a goal's problems show one per field, and the first takes focus", async ({ page }) => {
  await openTab(page, "Goals");
  const past = isoDay(-40);
  await page.getByLabel("Due date", { exact: true }).fill(past);
  await page.getByRole("button", { name: "Add goal" }).click();

  await expect(await messageOf(page, "Goal")).toHaveText("Say what the goal is.");
  await expect(page.getByLabel("Goal", { exact: true })).toBeFocused();
  const summary = summaryOf(page, "Goal");
  await expect(summary).toHaveText(/^\d entries need a change; see the messages beside them\.$/);
  await expect(summary).not.toContainText(DEVELOPER);

  // Once the text is there, the remaining refusal is the date's, beside the date.
  await page.getByLabel("Goal", { exact: true }).fill("Grow the joint pipeline");
  for (const label of ["Measure", "Target"]) {
    const field = page.getByLabel(label, { exact: true });
    if (await field.count()) await field.fill("40");
  }
  await page.getByRole("button", { name: "Add goal" }).click();
  await expect(await messageOf(page, "Due date")).toHaveText(`The due date ${shortDay(past)} is in the past; pick today or later.`);
  await expect(page.getByLabel("Due date", { exact: true })).toBeFocused();
});

test("Enter adds a retro item; Shift+Enter starts a new line; an empty one is refused beside the field", async ({ page }) => {
  await openTab(page, "Retro");
  await page.getByRole("button", { name: /^Open the retro for / }).click();
  await expect(page.getByTestId("retro-phase")).toHaveText(/Gathering items/);

  const column = page.getByRole("region", { name: "Going well", exact: true });
  const field = column.getByLabel("Add to Going well");
  await field.press("Enter");
  await expect(await messageOf(page, "Add to Going well")).toHaveText("Write the item first.");

  await field.fill("Shared roadmap reviews");
  await field.press("Shift+Enter");
  await field.pressSequentially("every month");
  await field.press("Enter");
  await expect(column.getByText(/Shared roadmap reviews\s+every month/)).toBeVisible();
  await expect(field).toHaveValue("");
  await expect(column.getByTestId("item-count-GOING_WELL")).toHaveText(/^1 item added so far/);
});
