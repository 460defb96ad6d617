// Lists you can work with, in a real browser: search the members, page through the partner
// contacts with the page in the address (reload and Back show the same page), an empty search that
// says so, and a partnership's host team edited from its Team tab.
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("an admin searches and pages through the members, and edits a host team", async ({ page }) => {
  await signIn(page, "admin@northwind.test");
  await page.goto("/w/northwind/admin/members");
  const counts = page.getByRole("navigation", { name: "Pages of people" });

  // Searching applies on Enter, and the search is in the address.
  await page.getByRole("searchbox", { name: "Search" }).fill("globex");
  await page.getByRole("searchbox", { name: "Search" }).press("Enter");
  await expect(page).toHaveURL(/[?&]q=globex/);
  await expect(page.getByRole("cell", { name: "partner@globex.test" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "manager@northwind.test" })).toHaveCount(0);

  // The partner contacts, twenty to a page.
  await page.goto("/w/northwind/admin/members");
  await page.getByRole("combobox", { name: "Role" }).selectOption({ label: "Partner contact" });
  // Choosing with the keyboard or the mouse applies nothing until Apply.
  await expect(page).not.toHaveURL(/role=/);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/role=PARTNER/);
  await expect(counts).toContainText(/1–20 of \d+ people/);
  const total = Number(/of (\d+) people/.exec((await counts.textContent()) ?? "")![1]);
  expect(total).toBeGreaterThan(40);
  const firstPageName = await page.getByRole("table").getByRole("row").nth(1).getByRole("cell").first().textContent();
  await counts.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(counts).toContainText(`21–40 of ${total} people`);
  await expect(page.getByRole("combobox", { name: "Role" })).toHaveValue("PARTNER");
  await page.reload();
  await expect(counts).toContainText(`21–40 of ${total} people`);
  await page.goBack();
  await expect(counts).toContainText(`1–20 of ${total} people`);
  await expect(page.getByRole("table").getByRole("row").nth(1).getByRole("cell").first()).toHaveText(firstPageName!);

  // Nothing found says so, with a way back.
  await page.getByRole("searchbox", { name: "Search" }).fill("nobody-by-this-name");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("heading", { name: "No members match" })).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "Clear filters" }).first().click();
  await expect(page).toHaveURL(/\/admin\/members$/);
  await expect(counts).toContainText(/1–20 of \d+ people/);
  await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue("");

  // The partnerships list shows each one's health; Globex's Team tab edits its host team.
  await page.goto("/w/northwind/partnerships");
  const globexRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Globex Cloud Resale", exact: true }) });
  await expect(globexRow).toContainText(/Healthy|Watch|At risk|No score yet|Not shown/);
  await globexRow.getByRole("link", { name: "Globex Cloud Resale", exact: true }).click();
  await page.getByRole("navigation", { name: "Partnership" }).getByRole("link", { name: "Team" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Globex Cloud Resale: host team");
  const picker = page.getByLabel("Add to the team");
  const option = picker.locator("option").nth(1);
  const label = (await option.textContent())!;
  const name = label.replace(/ \(.*\)$/, "");
  await picker.selectOption({ label });
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByText(`${name} is on the team`)).toBeVisible();
  const team = page.getByRole("list", { name: "Host team" });
  await expect(team).toContainText(name);
  await team.getByRole("button", { name: `Remove ${name} from the team` }).click();
  await expect(page.getByText(`${name} has left the team.`)).toBeVisible();
  await expect(page.getByRole("list", { name: "Host team" }).getByText(name, { exact: true })).toHaveCount(0);
});
