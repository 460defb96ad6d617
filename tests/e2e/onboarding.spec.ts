// A new program from nothing, in a real browser: sign up a workspace (confirmed by email), add a
// partner and its partnership, invite a partner contact who joins through the link, and run a cycle.
import { expect, test, type Page } from "@playwright/test";
import { alerts, navigate, signUpWorkspace } from "./helpers";

const stamp = Date.now().toString(36);
const owner = { name: "Riley Owner", email: `riley-${stamp}@contoso.test`, password: "contoso-password-1" };
const slug = `contoso-${stamp}`;

async function dialog(page: Page, open: string) {
  await page.getByRole("button", { name: open }).click();
  return page.getByRole("dialog");
}

test("a new workspace is set up and a partner contact joins through an invitation", async ({ page, browser }) => {
  await signUpWorkspace(page, owner, { name: "Contoso Partners", slug });
  await expect(page.getByRole("heading", { name: "No partnerships yet" })).toBeVisible();

  // The default framework is there: four pillars of four statements.
  await navigate(page, slug, "Framework", "framework");
  for (const pillar of ["Trust", "Commitment", "Coordination", "Communication"]) {
    await expect(page.getByRole("heading", { level: 2, name: pillar, exact: true })).toBeVisible();
  }

  await navigate(page, slug, "Partners", "admin/partners");
  let form = await dialog(page, "Add partner organisation");
  await form.getByLabel("Name").fill("Fabrikam");
  await form.getByRole("button", { name: /Add|Save|Create/ }).click();
  await expect(page.getByRole("cell", { name: "Fabrikam", exact: true })).toBeVisible();

  form = await dialog(page, "New partnership");
  await form.getByLabel("Partner organisation").selectOption({ label: "Fabrikam" });
  await form.getByLabel("Name").fill("Fabrikam Co-Sell");
  await form.getByLabel("Owner").selectOption({ label: owner.name });
  await form.getByRole("button", { name: "Create partnership" }).click();
  await expect(page.getByRole("link", { name: "Fabrikam Co-Sell" })).toBeVisible();

  await navigate(page, slug, "Members", "admin/members");
  await page.getByLabel("Email", { exact: true }).fill(`dana-${stamp}@fabrikam.test`);
  await page.getByRole("radio", { name: /Partner contact/ }).check();
  await page.getByLabel("Partner organisation", { exact: true }).selectOption({ label: "Fabrikam" });
  await page.getByRole("button", { name: "Create invitation" }).click();
  const link = await page.locator("input[readonly]").first().inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);

  await navigate(page, slug, "Cycles", "cycles");
  await page.getByLabel("Label").fill("Kick-off");
  await page.getByRole("button", { name: "Create draft cycle" }).click();
  await page.getByRole("button", { name: "Open Kick-off" }).click();
  await page.getByRole("dialog", { name: "Open Kick-off?" }).getByRole("button", { name: "Open and email" }).click();
  await expect(page.getByRole("row", { name: /Kick-off/ })).toContainText("Open");

  // The invitee, in a browser of their own.
  const invitee = await browser.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: "Join Contoso Partners" })).toBeVisible();
  await invitee.getByLabel("Your name").fill("Dana Fabrikam");
  // A password is optional; one that is given meets the rule.
  await invitee.getByLabel("Password (optional)").fill("short");
  await invitee.getByRole("button", { name: "Join Contoso Partners" }).click();
  // Beside the field, with the summary above the form pointing to it.
  await expect(invitee.getByText("Use at least 10 characters, or leave it empty.")).toBeVisible();
  await expect(alerts(invitee)).toHaveText("One entry needs a change; see the message beside it.");
  await invitee.getByLabel("Password (optional)").fill("fabrikam-password-1");
  await invitee.getByRole("button", { name: "Join Contoso Partners" }).click();
  await expect(invitee).toHaveURL(new RegExp(`/w/${slug}/surveys$`));
  await expect(invitee.getByRole("link", { name: "Answer survey about Fabrikam Co-Sell, Kick-off" })).toBeVisible();
  // A partner contact's navigation has no portfolio and no setup.
  await expect(invitee.getByRole("navigation", { name: "Workspace" }).getByRole("link")).toHaveText([
    "Our partnership",
    "My actions",
    "Surveys",
  ]);

  // The link worked once.
  await invitee.goto(link);
  await expect(invitee.getByText("This invitation has already been used.")).toBeVisible();
  await invitee.close();
});
