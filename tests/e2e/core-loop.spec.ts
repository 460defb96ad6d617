// The core loop in a real browser, in order: a partner contact answers the open survey, the
// alliance manager sees it on the scorecard, the executive reads the portfolio.
import { expect, test } from "@playwright/test";
import { alerts, answerAll, currentQuarterLabel, navigate, signIn, signOut } from "./helpers";

test.describe.configure({ mode: "serial" });

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("partner@globex.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(alerts(page)).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/signin/);
});

test("the partner contact fills and submits the open survey", async ({ page }) => {
  await signIn(page, "partner@globex.test");
  await expect(page).toHaveURL(/\/w\/northwind\/surveys$/);
  await page.getByRole("link", { name: /^Answer survey about Globex Cloud Resale, / }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Globex Cloud Resale");

  // One page per pillar, four statements each.
  await expect(page.getByTestId("survey-step")).toHaveText(/^Pillar 1 of 4/);
  await expect(page.getByRole("radiogroup")).toHaveCount(4);
  // Submitting early names what is missing and sends nothing.
  await page.getByRole("button", { name: "Review", exact: true }).click();
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(alerts(page)).toContainText("Please answer every statement (16 left)");
  await page.getByRole("button", { name: "Go to Trust" }).click();

  // Communication (the last four) is where Globex feels unheard; "Don't know" once in Trust.
  await answerAll(page, (i) => (i >= 12 ? "Disagree" : i === 1 ? "Don't know" : "Agree"), {
    3: "Updates reach us late and feedback goes unanswered.",
  });
  await expect(page.getByText("16 of 16 answered")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Review your answers" })).toBeVisible();
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByRole("status").filter({ hasText: "are submitted" })).toBeVisible();

  await page.getByRole("link", { name: "Back to surveys" }).click();
  await expect(page.getByRole("heading", { name: "Submitted (1)" })).toBeVisible();
  await signOut(page);
});

test("the manager sees the new response on that partnership's scorecard", async ({ page }) => {
  await signIn(page, "manager@northwind.test");
  // The portfolio links Globex too (movers, gaps): wait for the partnership list first.
  await navigate(page, "northwind", "Partnerships", "partnerships");
  await page.getByRole("link", { name: "Globex Cloud Resale" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Globex Cloud Resale");
  // The partner's answer is the third from Globex this cycle: their side now shows, and the
  // perception gap on Communication is flagged in words.
  await expect(page.getByTestId("response-counts")).toHaveText("3 from your side, 3 from Globex");
  await expect(page.getByTestId("sides-title")).toHaveText(`Your team and Globex, ${currentQuarterLabel()}`);
  await expect(page.getByTestId("sides-communication")).not.toContainText("hidden");
  await expect(page.getByRole("list", { name: "Perception gaps" })).toContainText(
    /Globex rates Communication \d+ points lower than you do/,
  );
  await expect(page.getByRole("figure", { name: /Pillar scores and health index/ }).locator(".recharts-line")).toHaveCount(5);
  await signOut(page);
});

test("the executive sees the portfolio heatmap", async ({ page }) => {
  await signIn(page, "exec@northwind.test");
  await expect(page).toHaveURL(/\/w\/northwind\/portfolio$/);
  const heatmap = page.getByRole("table", { name: "Partnership heatmap" });
  await expect(heatmap.locator("tbody tr")).toHaveCount(12);
  await expect(page.getByRole("figure", { name: /Partnerships by band in each cycle/ })).toBeVisible();
  // Read-only: no workspace setup in the navigation, and no surveys to answer.
  await expect(page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Members" })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Surveys" })).toHaveCount(0);
  await heatmap.locator("tbody tr").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/w\/northwind\/partnerships\/[^/]+$/);
});
