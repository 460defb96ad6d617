// Cycles that cannot go wrong, as the demo's admin meets them: a second cycle cannot be opened
// while one is, the confirmation says why before anything is sent, a cycle made by mistake is
// deleted, and the new-cycle form's error goes once the field is corrected.
import { expect, test } from "@playwright/test";
import { currentQuarterLabel, navigate, signIn } from "./helpers";

test("one open cycle at a time; a mistaken draft is deleted; a corrected form drops its error", async ({ page }) => {
  const open = currentQuarterLabel();
  await signIn(page, "admin@northwind.test");
  await navigate(page, "northwind", "Cycles", "cycles");

  // A label already taken: the error shows, then clears as soon as the label is edited.
  const label = page.getByLabel("Label");
  await label.fill(open);
  await page.getByRole("button", { name: "Create draft cycle" }).click();
  const taken = page.getByText(`A cycle labelled "${open}" already exists.`);
  await expect(taken).toBeVisible();
  await label.fill("Made by mistake");
  await expect(taken).toHaveCount(0);
  await page.getByRole("button", { name: "Create draft cycle" }).click();
  const row = page.getByRole("row", { name: /Made by mistake/ });
  await expect(row).toContainText("Draft");

  // Opening it is refused before anything is sent, in words, while the current quarter is open.
  await row.getByRole("button", { name: "Open Made by mistake" }).click();
  const confirm = page.getByRole("dialog", { name: "Open Made by mistake?" });
  await expect(confirm).toContainText(`${open} is open. Close it before opening Made by mistake`);
  await expect(confirm.getByRole("button", { name: "Open and email" })).toBeDisabled();
  await confirm.getByRole("button", { name: "Cancel" }).click();

  // Deleted, it leaves no row behind.
  await row.getByRole("button", { name: "Delete Made by mistake" }).click();
  const remove = page.getByRole("dialog", { name: "Delete Made by mistake?" });
  await expect(remove).toContainText("no answer is lost");
  await remove.getByRole("button", { name: "Delete cycle" }).click();
  await expect(page.getByRole("row", { name: /Made by mistake/ })).toHaveCount(0);
  await expect(page.getByRole("row", { name: new RegExp(open) })).toContainText("Open");
  // The open quarter has answers, so it offers no undo or delete.
  await expect(page.getByRole("button", { name: `Delete ${open}` })).toHaveCount(0);
  await expect(page.getByRole("button", { name: `Undo opening ${open}` })).toHaveCount(0);
});
