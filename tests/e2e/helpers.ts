import { expect, type Page } from "@playwright/test";
import { linkIn, waitForMail } from "./mailbox";

export const DEMO_PASSWORD = "northwind-demo";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/w\/northwind\//);
}

export async function signOut(page: Page) {
  await page.context().clearCookies();
}

// Our alerts, not Next.js's route announcer (which also has role="alert").
export const alerts = (page: Page) => page.locator('[role="alert"]:not(#__next-route-announcer__)');

// The demo's open cycle is the current quarter (prisma/demo.ts).
export function currentQuarterLabel(now = new Date()) {
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
}

// Statement i (counted across the whole survey) answered with answer(i), pillar page by pillar
// page from the one on screen, ending on the review. comments: pillar index -> text.
export async function answerAll(
  page: Page,
  answer: (i: number) => string,
  comments: Record<number, string> = {},
  pillars = 4,
  perPillar = 4,
) {
  for (let p = 0; p < pillars; p++) {
    await expect(page.getByTestId("survey-step")).toHaveText(new RegExp(`^Pillar ${p + 1} of ${pillars}`));
    const groups = page.getByRole("radiogroup");
    await expect(groups).toHaveCount(perPillar);
    for (let j = 0; j < perPillar; j++) {
      await groups
        .nth(j)
        .getByRole("radio", { name: answer(p * perPillar + j), exact: true })
        .click();
    }
    const comment = comments[p];
    if (comment) await page.getByLabel(/Anything to add about/).fill(comment);
    await page.getByRole("button", { name: p < pillars - 1 ? "Next" : "Review answers", exact: true }).click();
  }
}

export const saveStatus = (page: Page) => page.getByTestId("save-status");

// "3 from your side, 2 from Globex" on a scorecard, as numbers.
export async function responseCounts(page: Page, partnerName: string) {
  const text = (await page.getByTestId("response-counts").textContent()) ?? "";
  const match = new RegExp(`(\\d+) from your side, (\\d+) from ${partnerName}`).exec(text);
  if (!match) throw new Error(`Unexpected response counts: "${text}"`);
  return { host: Number(match[1]), partner: Number(match[2]) };
}

export async function openSurvey(page: Page, partnershipName: string) {
  await page.goto("/w/northwind/surveys");
  await page.getByRole("link", { name: new RegExp(`^Answer survey about ${partnershipName}, `) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(partnershipName);
}

export async function openScorecard(page: Page, partnershipName: string) {
  await page.goto("/w/northwind/partnerships");
  await page.getByRole("link", { name: partnershipName }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(partnershipName);
}

// The Globex contact's own scorecard, signed in: a contact with one partnership goes straight to
// its scorecard from "Our partnership"; with more, they pick it.
export async function openOwnScorecard(page: Page, partnershipName = "Globex Cloud Resale") {
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Our partnership", exact: true }).click();
  const title = page.getByRole("heading", { level: 1 });
  await expect(title).toHaveText(new RegExp(`^(${partnershipName}|Our partnerships)$`));
  if ((await title.textContent()) !== partnershipName) {
    await page.getByRole("main").getByRole("link", { name: partnershipName, exact: true }).click();
    await expect(title).toHaveText(partnershipName);
  }
  await expect(page).toHaveURL(/\/w\/northwind\/partnerships\/[^/]+$/);
}

// The radio group of each statement on the pillar page on screen, checked as given.
export async function expectAnswers(page: Page, answers: string[]) {
  const groups = page.getByRole("radiogroup");
  await expect(groups).toHaveCount(answers.length);
  for (const [i, answer] of answers.entries()) {
    await expect(groups.nth(i).getByRole("radio", { name: answer, exact: true })).toBeChecked();
  }
}

// Signs up a new person with a new workspace, as a person does: the form, the confirmation email
// (read from the test mailbox), its link's button; then waits for the (empty) portfolio.
export async function signUpWorkspace(
  page: Page,
  who: { name: string; email: string; password: string },
  workspace: { name: string; slug: string },
) {
  const since = Date.now();
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(who.name);
  await page.getByLabel("Work email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByLabel("Workspace name").fill(workspace.name);
  await page.getByLabel("Workspace address").fill(workspace.slug);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByText("Check your email to finish creating your workspace.")).toBeVisible();
  const mail = await waitForMail(who.email, /^Confirm your email/, since);
  await page.goto(linkIn(mail, "/signup/confirm"));
  await page.getByRole("button", { name: `Create ${workspace.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${workspace.slug}/portfolio$`));
}

// Follows a link of the workspace navigation and waits until its page is there: a click made
// while the page is still refreshing after a change can otherwise be lost.
export async function navigate(page: Page, slug: string, name: string, path: string) {
  await expect(async () => {
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/w/${slug}/${path}$`), { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
}
