// Answering a survey in a real browser: autosave across reloads and devices, one response from
// a double click or a retried submit, two tabs that never overwrite each other, and muting
// reminders. Each test uses its own partner contact who has not answered the open cycle in the
// demo data (prisma/demo.ts: the fourth and fifth contacts of an organisation never have), so
// the tests do not depend on each other or on core-loop.spec.ts.
import { expect, test, type Page } from "@playwright/test";
import {
  alerts,
  answerAll,
  currentQuarterLabel,
  expectAnswers,
  openScorecard,
  openSurvey,
  responseCounts,
  saveStatus,
  signIn,
  signOut,
} from "./helpers";

const TRUST = ["Strongly agree", "Agree", "Neither agree nor disagree", "Disagree"];
const COMMITMENT = ["Don't know", "Strongly disagree", "Strongly agree", "Agree"];
const COMMITMENT_COMMENT = "Budget talks stall every quarter.";

async function answerPillar(page: Page, answers: string[]) {
  const groups = page.getByRole("radiogroup");
  for (const [i, answer] of answers.entries()) await groups.nth(i).getByRole("radio", { name: answer, exact: true }).click();
}

test("a partner answers half the survey, reloads, and finds every answer", async ({ page, browser }) => {
  await signIn(page, "tariq.haddad@initech.test");
  await openSurvey(page, "Initech Co-Sell");
  await expect(page.getByTestId("survey-step")).toHaveText("Pillar 1 of 4: Trust");
  await answerPillar(page, TRUST);
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(page.getByTestId("survey-step")).toHaveText("Pillar 2 of 4: Commitment");
  await answerPillar(page, COMMITMENT);
  await page.getByLabel(/Anything to add about commitment/).fill(COMMITMENT_COMMENT);
  await expect(page.getByTestId("answered-count")).toHaveText("8 of 16 answered");
  await expect(page.getByRole("progressbar", { name: "Statements answered" })).toHaveAttribute("aria-valuenow", "8");
  await expect(saveStatus(page)).toHaveText("All changes saved");

  await page.reload();
  // Back on the pillar page they were on, with every answer and the comment.
  await expect(page.getByTestId("survey-step")).toHaveText("Pillar 2 of 4: Commitment");
  await expect(page.getByTestId("answered-count")).toHaveText("8 of 16 answered");
  await expect(saveStatus(page)).toHaveText("All changes saved");
  await expectAnswers(page, COMMITMENT);
  await expect(page.getByLabel(/Anything to add about commitment/)).toHaveValue(COMMITMENT_COMMENT);
  await page.getByRole("button", { name: "Back", exact: true }).click();
  await expect(page.getByTestId("survey-step")).toHaveText("Pillar 1 of 4: Trust");
  await expectAnswers(page, TRUST);

  // An answer given just before the page goes away is not lost either; this one by keyboard
  // alone: the arrow keys move along the scale, Space picks the option in focus.
  await page.getByRole("button", { name: /^Coordination/ }).click();
  const option = (name: string) => page.getByRole("radiogroup").first().getByRole("radio", { name, exact: true });
  await option("Strongly disagree").focus();
  for (const name of ["Disagree", "Neither agree nor disagree", "Agree"]) {
    await page.keyboard.press("ArrowRight");
    await expect(option(name)).toBeFocused();
  }
  await page.keyboard.press("Space");
  await expect(option("Agree")).toBeChecked();
  await page.reload();
  await expect(page.getByTestId("survey-step")).toHaveText("Pillar 3 of 4: Coordination");
  await expect(page.getByTestId("answered-count")).toHaveText("9 of 16 answered");
  await expect(page.getByRole("radiogroup").first().getByRole("radio", { name: "Agree", exact: true })).toBeChecked();
  await expect(saveStatus(page)).toHaveText("All changes saved");

  // Signing in on another device resumes from the server's draft, at the first unfinished pillar.
  const device = await browser.newContext();
  const other = await device.newPage();
  await signIn(other, "tariq.haddad@initech.test");
  await openSurvey(other, "Initech Co-Sell");
  await expect(other.getByRole("status").filter({ hasText: "continuing where you left off" })).toBeVisible();
  await expect(other.getByTestId("survey-step")).toHaveText("Pillar 3 of 4: Coordination");
  await expect(other.getByTestId("answered-count")).toHaveText("9 of 16 answered");
  await other.getByRole("button", { name: "Review", exact: true }).click();
  const commitment = other.getByRole("region", { name: "Commitment" });
  await expect(commitment.getByRole("definition")).toHaveText(COMMITMENT);
  await expect(commitment).toContainText(COMMITMENT_COMMENT);
  await expect(other.getByRole("region", { name: "Communication" }).getByRole("definition")).toHaveText(Array(4).fill("Not answered"));
  await device.close();
});

test("a partner submits with a double click, and exactly one response exists", async ({ page }) => {
  await signIn(page, "manager@northwind.test");
  await openScorecard(page, "Hooli Marketplace Listing");
  await expect(page.getByText(`${currentQuarterLabel()} (in progress)`)).toBeVisible();
  const before = await responseCounts(page, "Hooli");
  await signOut(page);

  await signIn(page, "grace.liu@hooli.test");
  await openSurvey(page, "Hooli Marketplace Listing");
  await answerAll(page, (i) => (i % 3 === 0 ? "Strongly agree" : "Agree"));
  await page.getByRole("button", { name: "Submit answers" }).dblclick();
  await expect(page.getByRole("status").filter({ hasText: "are submitted" })).toBeVisible();
  await page.getByRole("link", { name: "Back to surveys" }).click();
  await expect(page.getByRole("heading", { name: "To answer (0)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Submitted (1)" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Change answers" })).toHaveCount(1);
  await signOut(page);

  await signIn(page, "manager@northwind.test");
  await openScorecard(page, "Hooli Marketplace Listing");
  expect(await responseCounts(page, "Hooli")).toEqual({ host: before.host, partner: before.partner + 1 });
});

test("a submit whose reply is lost is sent again and still leaves one response", async ({ page }) => {
  await signIn(page, "manager@northwind.test");
  await openScorecard(page, "Vandelay Logistics Integration");
  const before = await responseCounts(page, "Vandelay");
  await signOut(page);

  await signIn(page, "yuki.sato@vandelay.test");
  await openSurvey(page, "Vandelay Logistics Integration");
  await answerAll(page, () => "Agree");
  // The server stores the response, but the browser never hears back.
  let lost = false;
  await page.route("**/api/trpc/response.submit**", async (route) => {
    if (lost) return route.continue();
    lost = true;
    await route.fetch();
    await route.abort("connectionreset");
  });
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(alerts(page)).toContainText("Could not reach the server");
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByRole("status").filter({ hasText: /are (submitted|updated)/ })).toBeVisible();
  await page.getByRole("link", { name: "Back to surveys" }).click();
  await expect(page.getByRole("heading", { name: "Submitted (1)" })).toBeVisible();
  await signOut(page);

  await signIn(page, "manager@northwind.test");
  await openScorecard(page, "Vandelay Logistics Integration");
  expect(await responseCounts(page, "Vandelay")).toEqual({ host: before.host, partner: before.partner + 1 });
});

test("two tabs editing one survey are told, and keep what each typed", async ({ page }) => {
  await signIn(page, "hannah.levi@initech.test");
  await openSurvey(page, "Initech Co-Sell");
  const second = await page.context().newPage();
  await second.goto(page.url());
  await expect(second.getByTestId("survey-step")).toHaveText("Pillar 1 of 4: Trust");

  const statement = (p: Page, i: number, answer: string) =>
    p.getByRole("radiogroup").nth(i).getByRole("radio", { name: answer, exact: true });
  await statement(page, 0, "Agree").click();
  await expect(saveStatus(page)).toHaveText("All changes saved");

  // The second tab never saw that answer: its save is refused, and it says so.
  await statement(second, 1, "Disagree").click();
  await expect(alerts(second)).toContainText("This survey was changed in another tab or on another device.");
  await expect(saveStatus(second)).toHaveText("Not saved: changed elsewhere");
  await second.getByRole("button", { name: "Load the latest and keep my changes" }).click();
  await expect(saveStatus(second)).toHaveText("All changes saved");
  await expect(statement(second, 0, "Agree")).toBeChecked();
  await expect(statement(second, 1, "Disagree")).toBeChecked();

  // Now the first tab is the stale one.
  await statement(page, 2, "Strongly agree").click();
  await expect(alerts(page)).toContainText("This survey was changed in another tab or on another device.");
  await page.getByRole("button", { name: "Load the latest and keep my changes" }).click();
  await expect(saveStatus(page)).toHaveText("All changes saved");
  await page.reload();
  await expect(page.getByTestId("answered-count")).toHaveText("3 of 16 answered");
  await expect(statement(page, 0, "Agree")).toBeChecked();
  await expect(statement(page, 1, "Disagree")).toBeChecked();
  await expect(statement(page, 2, "Strongly agree")).toBeChecked();
  await expect(page.getByRole("radiogroup").nth(3).getByRole("radio", { checked: true })).toHaveCount(0);
});

test("a partner stops reminders for the cycle and turns them back on", async ({ page }) => {
  await signIn(page, "fatima.zahra@vandelay.test");
  await openSurvey(page, "Vandelay Logistics Integration");
  await page.getByRole("button", { name: "Stop reminders for this cycle" }).click();
  await expect(page.getByRole("status").filter({ hasText: "no reminder emails" })).toBeVisible();
  await page.reload();
  await page.getByRole("button", { name: "Turn reminders back on" }).click();
  await expect(page.getByRole("button", { name: "Stop reminders for this cycle" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: "Stop reminders for this cycle" })).toBeVisible();
});
