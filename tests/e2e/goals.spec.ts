// Goals with measures, as a manager and an executive would use them: a goal on Tyrell's
// partnership measured in dollars, a check-in of the measured value with the progress computed
// beside it, an edit of the target that shows in the goal's history, and the executive's page of
// goals behind schedule across partnerships. Tyrell's goals are touched by no other browser test.
import { expect, test } from "@playwright/test";
import { signIn, signOut } from "./helpers";

const PARTNERSHIP = "Tyrell Analytics Embedded";
const TITLE = "Grow Tyrell's co-sold pipeline";
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

test("a goal measured in dollars: check in a value, see progress, edit the target with history, and find it behind on the executive's page", async ({
  page,
}) => {
  await signIn(page, "manager@northwind.test");
  await page.goto("/w/northwind/partnerships");
  await page.getByRole("link", { name: PARTNERSHIP }).click();
  await page.getByRole("navigation", { name: "Partnership" }).getByRole("link", { name: "Goals" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Goals");

  // Make it: started 300 days ago, due in 60, so a fifth of the way is far behind.
  const create = page.locator("form").filter({ has: page.getByRole("button", { name: "Add goal" }) });
  await create.getByLabel("Goal", { exact: true }).fill(TITLE);
  await create.getByLabel("Measure", { exact: true }).fill("Joint pipeline");
  await create.getByLabel("Unit", { exact: true }).fill("$");
  await create.getByLabel("Target", { exact: true }).fill("2,000,000");
  await create.getByLabel("Start date", { exact: true }).fill(isoDay(-300));
  await create.getByLabel("Due date", { exact: true }).fill(isoDay(60));
  await create.getByRole("button", { name: "Add goal" }).click();
  await expect(page.getByText(`Added the goal “${TITLE}”.`)).toBeVisible();

  const goal = page.getByRole("region", { name: TITLE });
  await expect(goal).toContainText("Joint pipeline: target $2.0M");

  // Check in the measured value; the share is computed from it.
  const checkIn = goal.getByRole("form", { name: new RegExp(`^Check in “${TITLE}” for `) });
  await checkIn.getByLabel("Measured value ($)").fill("400000");
  await checkIn.getByRole("button", { name: /^Check in for / }).click();
  await expect(goal.getByText(/^Checked in for /)).toBeVisible();
  await expect(goal).toContainText("$0.4M of $2.0M, 20%");
  await expect(goal).toContainText(/Behind schedule:.*20% done/);

  // Edit the target; the history says who changed it from what to what.
  await goal.getByText("Edit this goal").click();
  const edit = goal.getByRole("form", { name: `Edit “${TITLE}”` });
  await edit.getByLabel("Target", { exact: true }).fill("2500000");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(goal).toContainText("Joint pipeline: target $2.5M");
  await expect(goal).toContainText("$0.4M of $2.5M, 16%");
  await goal.getByText(/^History \(1 change\)/).click();
  await expect(goal).toContainText("Morgan Reyes:");
  await expect(goal).toContainText("Target: $2.0M → $2.5M");

  // The executive finds it among the goals behind schedule across partnerships.
  await signOut(page);
  await signIn(page, "exec@northwind.test");
  await page.getByRole("link", { name: "Goals", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Goals");
  const row = page.getByRole("row").filter({ hasText: TITLE });
  await expect(row).toContainText(PARTNERSHIP);
  await expect(row).toContainText("$0.4M of $2.5M (16%)");
  await expect(row).toContainText("Behind: 16% done");
  await page.getByRole("link", { name: "All, including decided" }).click();
  await expect(page).toHaveURL(/\/goals\?show=all$/);
  await expect(page.getByRole("row").filter({ hasText: TITLE })).toHaveCount(1);
});
