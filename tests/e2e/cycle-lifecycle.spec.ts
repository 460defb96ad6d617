// A whole survey cycle as a newcomer would watch it, in a workspace of its own: the partner
// contact joins through the invitation read in the outbox, the cycle opens and its notices
// arrive in the outbox, the partner answers with a reload in the middle, the response rate
// moves, the cycle closes and the scorecard shows the result. (The app runs its background
// jobs every 2 seconds in these tests.)
import { expect, test, type Page } from "@playwright/test";
import { navigate, saveStatus, signUpWorkspace } from "./helpers";

const stamp = Date.now().toString(36);
const owner = { name: "Morgan Litware", email: `morgan-${stamp}@adventure.test`, password: "adventure-password-1" };
const contact = { name: "Kai Litware", email: `kai-${stamp}@litware.test`, password: "litware-password-1" };
const slug = `adventure-${stamp}`;

async function answerPillar(page: Page, answer: string) {
  const groups = page.getByRole("radiogroup");
  await expect(groups).toHaveCount(4);
  for (let i = 0; i < 4; i++) await groups.nth(i).getByRole("radio", { name: answer, exact: true }).click();
}

test("a cycle runs from invitation to scorecard", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signUpWorkspace(page, owner, { name: "Adventure Works Partners", slug });

  // This test runs its own cycle by hand: the schedule is switched off in the settings.
  await navigate(page, slug, "Settings", "admin/settings");
  await page.getByLabel("Run cycles on a schedule").uncheck();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();

  await navigate(page, slug, "Partners", "admin/partners");
  await page.getByRole("button", { name: "Add partner organisation" }).click();
  await page.getByRole("dialog").getByLabel("Name").fill("Litware");
  await page.getByRole("dialog").getByRole("button", { name: "Add organisation" }).click();
  await page.getByRole("button", { name: "New partnership" }).click();
  const form = page.getByRole("dialog");
  await form.getByLabel("Partner organisation").selectOption({ label: "Litware" });
  await form.getByLabel("Name").fill("Litware Alliance");
  await form.getByLabel("Owner").selectOption({ label: owner.name });
  await form.getByRole("button", { name: "Create partnership" }).click();
  await expect(page.getByRole("link", { name: "Litware Alliance" })).toBeVisible();

  // The invitation, followed from the outbox rather than the copy-link box.
  await navigate(page, slug, "Members", "admin/members");
  await page.getByLabel("Email", { exact: true }).fill(contact.email);
  await page.getByRole("radio", { name: /Partner contact/ }).check();
  await page.getByLabel("Partner organisation", { exact: true }).selectOption({ label: "Litware" });
  await page.getByRole("button", { name: "Create invitation" }).click();
  await navigate(page, slug, "Outbox", "admin/outbox");
  const invitation = page.getByRole("row").filter({ hasText: contact.email }).filter({ hasText: "Invitation" });
  await invitation.locator("summary").click();
  const link = await invitation.getByRole("link", { name: /\/invite\// }).getAttribute("href");
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);

  const partnerContext = await browser.newContext();
  const partner = await partnerContext.newPage();
  await partner.goto(link!);
  await partner.getByLabel("Your name").fill(contact.name);
  await partner.getByLabel("Password (optional)").fill(contact.password);
  await partner.getByRole("button", { name: "Join Adventure Works Partners" }).click();
  await expect(partner).toHaveURL(new RegExp(`/w/${slug}/surveys$`));
  await expect(partner.getByRole("heading", { name: "No surveys for you right now" })).toBeVisible();

  // The owner opens a cycle; its notices reach the outbox.
  await navigate(page, slug, "Cycles", "cycles");
  await page.getByLabel("Label").fill("Pilot");
  await page.getByRole("button", { name: "Create draft cycle" }).click();
  await page.getByRole("button", { name: "Open Pilot" }).click();
  // It says first whom opening emails: the owner and the partner contact who just joined.
  const confirm = page.getByRole("dialog", { name: "Open Pilot?" });
  await expect(confirm).toContainText("2 people asked about 1 partnership will each be emailed");
  await confirm.getByRole("button", { name: "Open and email" }).click();
  await expect(page.getByRole("row", { name: /Pilot/ })).toContainText("Open");
  await navigate(page, slug, "Outbox", "admin/outbox");
  await expect(async () => {
    await page.goto(`/w/${slug}/admin/outbox`);
    await expect(page.getByRole("row").filter({ hasText: contact.email }).filter({ hasText: "Survey open" })).toBeVisible({
      timeout: 1000,
    });
  }).toPass({ timeout: 30_000 });

  await navigate(page, slug, "Cycles", "cycles");
  await page.getByRole("link", { name: "Pilot" }).click();
  await expect(page.getByTestId("response-rates")).toContainText("0 of 2 people asked have answered");

  // The partner answers half, reloads, and finishes.
  await partner.reload();
  await partner.getByRole("link", { name: "Answer survey about Litware Alliance, Pilot" }).click();
  await answerPillar(partner, "Agree");
  await partner.getByRole("button", { name: "Next", exact: true }).click();
  await answerPillar(partner, "Strongly agree");
  await expect(saveStatus(partner)).toHaveText("All changes saved");
  await partner.reload();
  await expect(partner.getByTestId("answered-count")).toHaveText("8 of 16 answered");
  await expect(partner.getByTestId("survey-step")).toHaveText(/^Pillar 2 of 4/);
  await partner.getByRole("button", { name: "Next", exact: true }).click();
  await answerPillar(partner, "Disagree");
  await partner.getByRole("button", { name: "Next", exact: true }).click();
  await answerPillar(partner, "Agree");
  await partner.getByRole("button", { name: "Review answers", exact: true }).click();
  await partner.getByRole("button", { name: "Submit answers" }).click();
  await expect(partner.getByRole("status").filter({ hasText: "are submitted" })).toBeVisible();

  // The rate moves while the cycle is open.
  await page.reload();
  await expect(page.getByTestId("response-rates")).toContainText("1 of 2 people asked have answered");

  // Closing the cycle. One response is one person's answers: the scorecard shows none of its
  // figures (the workspace's threshold is 3), only why.
  await page.getByRole("button", { name: "Close Pilot" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Close cycle" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Closed");
  await page.getByRole("link", { name: "Litware Alliance" }).click();
  await expect(page.getByTestId("withheld-note")).toContainText("Too few responses (1 of 2) in Pilot");
  await expect(page.getByTestId("health-index")).toHaveCount(0);
  await expect(page.getByText("Pilot (in progress)")).toHaveCount(0);
  await partnerContext.close();
});
