// A partner contact answers from the survey email alone: the personal link, read from the email
// the app sent over SMTP (the loopback mail catcher), opens the survey's first question with no
// password and no page in between, and the survey is submitted. With nothing but the link's
// cookie, the portfolio and the scorecard ask for a full sign-in. A browser signed in as someone
// else answers as the link's person and keeps its own session.
import { expect, test, type Page } from "@playwright/test";
import { answerAll, currentQuarterLabel, saveStatus, signIn } from "./helpers";
import { waitForMail } from "./mailbox";

// The demo's open quarter has reminded everyone who has not answered; these two have not (the
// fourth contact of each organisation never answers in the demo).
const WONKA = { email: "diego.alvarez@wonka.test", name: "Diego Alvarez", partnership: "Wonka Retail Channel" };
const TYRELL = { email: "ana.kovac@tyrell.test", name: "Ana Kovac", partnership: "Tyrell Analytics Embedded" };

async function personalLink(to: string) {
  const mail = await waitForMail(to, (m) => /\/s\/[A-Za-z0-9_-]{43}/.test(m.text));
  expect(mail.subject).toContain(currentQuarterLabel());
  expect(mail.text).toMatch(/This link is personal: it opens your surveys without a password/);
  return /https?:\/\/\S+\/s\/[A-Za-z0-9_-]{43}/.exec(mail.text)![0];
}

// Follows the link as the email's reader does, and checks that exactly one redirect leads to the
// survey's first question: no password, no page in between.
async function follow(page: Page, link: string, partnership: string) {
  const response = await page.goto(link);
  expect(response!.status()).toBe(200);
  const hop = response!.request().redirectedFrom();
  expect(hop?.url()).toBe(link);
  expect(hop?.redirectedFrom()).toBeNull();
  await expect(page).toHaveURL(/\/survey\/[^/]+\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(partnership);
  await expect(page.getByTestId("survey-step")).toHaveText(/^Pillar 1 of 4/);
  await expect(page.getByLabel(/password/i)).toHaveCount(0);
}

test("a partner contact answers from the survey email's personal link, and nothing else opens with it", async ({ browser }) => {
  test.setTimeout(150_000);
  const link = await personalLink(WONKA.email);
  const context = await browser.newContext();
  const page = await context.newPage();
  await follow(page, link, WONKA.partnership);
  await expect(page.getByTestId("link-person")).toHaveText(`Answering as ${WONKA.name}`);
  const surveyUrl = new URL(page.url());
  const [, , linkId, partnershipId] = surveyUrl.pathname.split("/");

  await answerAll(page, (i) => (i % 3 === 0 ? "Strongly agree" : "Agree"), { 1: "Weekly calls keep us aligned." });
  await expect(saveStatus(page)).toHaveText("All changes saved");
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByRole("status").filter({ hasText: `your answers for ${WONKA.partnership}` })).toContainText("are submitted");

  // The browser holds the link's cookie and nothing else: httpOnly, SameSite=Lax, for the link's
  // own pages only.
  const cookies = await context.cookies();
  expect(cookies).toEqual([
    expect.objectContaining({ name: "ph-survey-link", path: `/survey/${linkId}`, httpOnly: true, sameSite: "Lax" }),
  ]);

  // Every other page asks for a full sign-in: the portfolio, the scorecard, the workspace's own
  // survey page.
  for (const path of ["/w/northwind/portfolio", `/w/northwind/partnerships/${partnershipId}`, "/w/northwind/surveys"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/signin/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  }
  // And so does the link's own endpoint, for anything but the survey: a scorecard read answers 401.
  const input = encodeURIComponent(JSON.stringify({ json: { workspaceSlug: "northwind", partnershipId } }));
  const scorecard = await page.request.get(`/survey/${linkId}/trpc/partnership.scorecard?input=${input}`);
  expect(scorecard.status()).toBe(401);
  // Another partnership through the link's pages: sign in.
  await page.goto(`/survey/${linkId}/c0123456789abcdefghijklmn`);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);

  // Followed again, the link leads to the cycle's list, where the answers can still change.
  await page.goto(link);
  await expect(page).toHaveURL(new RegExp(`/survey/${linkId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Your ${currentQuarterLabel()} surveys`);
  await expect(page.getByRole("link", { name: "Change answers" })).toBeVisible();

  // A forged link opens nothing, and says so with a 404.
  const forged = await page.goto(`/s/${"x".repeat(43)}`);
  expect(forged!.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Survey link not recognised" })).toBeVisible();
  await expect(page.getByTestId("link-refusal")).toContainText("This survey link is not valid.");
  await expect(page.getByRole("main").getByRole("link", { name: "Sign in" })).toBeVisible();
  await context.close();
});

test("a browser signed in as someone else answers as the link's person, and keeps its own session", async ({ browser }) => {
  test.setTimeout(120_000);
  const link = await personalLink(TYRELL.email);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "exec@northwind.test");
  await follow(page, link, TYRELL.partnership);
  await expect(page.getByTestId("link-person")).toHaveText(`Answering as ${TYRELL.name}`);
  await expect(page.getByRole("status").filter({ hasText: "This browser is also signed in as Elena Park" })).toBeVisible();
  await page.getByRole("radiogroup").first().getByRole("radio", { name: "Agree", exact: true }).click();
  await expect(saveStatus(page)).toHaveText("All changes saved");

  // The executive's own session is untouched: the portfolio is theirs, without a survey of Tyrell's.
  await page.goto("/w/northwind/portfolio");
  await expect(page).toHaveURL(/\/w\/northwind\/portfolio/);
  await expect(page.getByRole("button", { name: /Account menu: Elena Park/ })).toBeVisible();
  await context.close();
});
