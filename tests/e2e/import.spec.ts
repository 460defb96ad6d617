// An admin imports the sample files shipped in docs/samples: the partner organisations, then the
// people, with a wrong column chosen on the way and fixed from the preview; then sees the new
// partners and the pending invitations.
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// Playwright runs from the repository root (playwright.config.ts).
const sample = (name: string) => path.resolve("docs/samples", name);

test("an admin imports the sample files, fixes a wrong column in the preview, and sees the partners and invitations", async ({ page }) => {
  await signIn(page, "admin@northwind.test");
  await page.goto("/w/northwind/admin/import");
  await expect(page.getByRole("heading", { name: "Import", exact: true })).toBeVisible();

  // Partner organisations: every column is matched by its header.
  await page.getByLabel("What the file holds").selectOption("partnerOrgs");
  await page.getByLabel("File", { exact: true }).setInputFiles(sample("partner-organisations.csv"));
  await expect(page.getByText("partner-organisations.csv: 5 rows (CSV, UTF-8, commas)")).toBeVisible();
  await expect(page.getByLabel("name (required)")).toHaveValue("name");
  await page.getByRole("button", { name: "Preview the import" }).click();
  const figures = page.getByLabel("What the import will do");
  await expect(figures.getByText("to create")).toBeVisible();
  await expect(page.getByText("row 5: new Société Lumière")).toBeVisible();
  await page.getByRole("button", { name: "Import 5 rows" }).click();
  await expect(page.getByText("Imported partner organisations: 5 created, 0 updated, 0 left unchanged.")).toBeVisible();

  // People, with the role read from the wrong column: the preview says so, row by row.
  await page.getByLabel("What the file holds").selectOption("people");
  await page.getByLabel("File", { exact: true }).setInputFiles(sample("people.csv"));
  await expect(page.getByText("people.csv: 4 rows")).toBeVisible();
  await page.getByLabel("role (required)").selectOption("name");
  await page.getByLabel("name", { exact: true }).selectOption("");
  await page.getByRole("button", { name: "Preview the import" }).click();
  await expect(
    page.getByText("row 2: 'Cave Johnson' is not a role; use Admin, Alliance manager, Executive or Partner contact."),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Import 0 rows" })).toBeDisabled();

  // Fixed in the mapping, the preview is clean and nobody has been invited yet.
  await page.getByRole("button", { name: "Change the mapping" }).click();
  await page.getByLabel("role (required)").selectOption("role");
  await page.getByLabel("name", { exact: true }).selectOption("name");
  await page.getByRole("button", { name: "Preview the import" }).click();
  await expect(page.getByText("row 2: new cave@aperture.example — invited as Partner contact (Aperture Labs)")).toBeVisible();
  await expect(page.getByRole("region", { name: "Errors and warnings" })).toHaveCount(0);
  await page.getByRole("button", { name: "Import 4 rows" }).click();
  await expect(page.getByText("Imported people: 4 created, 0 updated, 0 left unchanged.")).toBeVisible();

  // The invitations are pending on the members page, and the partners are on theirs.
  await page.getByRole("link", { name: "See the pending invitations" }).click();
  await expect(page.getByText("cave@aperture.example")).toBeVisible();
  await expect(page.getByText("amelie@lumiere.example")).toBeVisible();
  await page.goto("/w/northwind/admin/partners");
  await expect(page.getByRole("cell", { name: "Société Lumière" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Aperture Labs" })).toBeVisible();

  // Importing the same file again changes nothing.
  await page.goto("/w/northwind/admin/import");
  await page.getByLabel("What the file holds").selectOption("people");
  await page.getByLabel("File", { exact: true }).setInputFiles(sample("people.csv"));
  await page.getByRole("button", { name: "Preview the import" }).click();
  await expect(page.getByText("Nothing to import: every row matches what is already here.")).toBeVisible();
});
