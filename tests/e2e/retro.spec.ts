// A value-exchange retrospective run live by both organisations: the Globex partnership's owner
// (Northwind's manager) facilitates in one browser while Globex's contact takes part in another,
// from hidden items through reveal, votes and "Start doing" to actions with owners and dates,
// which both then find on the partnership's scorecard. The demo leaves this quarter's retro for
// Globex unopened (prisma/demo-rhythm.ts); the earlier quarters' retros are closed.
import { expect, test, type Page } from "@playwright/test";
import { currentQuarterLabel, openOwnScorecard, openScorecard, signIn } from "./helpers";

const GLOBEX = "Globex Cloud Resale";

const retroPhase = (page: Page) => page.getByTestId("retro-phase");

async function openRetroTab(page: Page, as: "host" | "partner") {
  if (as === "partner") await openOwnScorecard(page, GLOBEX);
  else await openScorecard(page, GLOBEX);
  await page.getByRole("navigation", { name: "Partnership" }).getByRole("link", { name: "Retro" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Retro");
}

async function addItem(page: Page, list: "Going well" | "Stop doing" | "Start doing", text: string) {
  const column = page.getByRole("region", { name: list, exact: true });
  await column.getByLabel(`Add to ${list}`).fill(text);
  await column.getByRole("button", { name: "Add item" }).click();
  await expect(column.getByText(text, { exact: true })).toBeVisible();
}

const vote = (page: Page, text: string) => page.getByRole("button", { name: `Vote for ${text}` }).click();

// The facilitator's next step, confirmed; then both browsers see the new phase (they poll).
async function advance(facilitator: Page, other: Page, button: string, phase: RegExp) {
  await facilitator.getByRole("button", { name: button, exact: true }).click();
  await facilitator.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
  await expect(retroPhase(facilitator)).toHaveText(phase);
  await expect(retroPhase(other)).toHaveText(phase, { timeout: 15_000 });
}

test("a manager and a partner contact run a retro together through to actions on the scorecard", async ({ page: manager, browser }) => {
  test.setTimeout(180_000);
  const quarter = currentQuarterLabel();
  const partnerContext = await browser.newContext();
  try {
    const partner = await partnerContext.newPage();

    // The owner opens this quarter's retro with its ground rules.
    await signIn(manager, "manager@northwind.test");
    await openRetroTab(manager, "host");
    await manager.getByLabel("Ground rules").fill("Be candid, be kind, and talk about the work, not the people.");
    await manager.getByRole("button", { name: `Open the retro for ${quarter}` }).click();
    await expect(retroPhase(manager)).toHaveText(/Gathering items/);

    // The Globex contact joins from their side.
    await signIn(partner, "partner@globex.test");
    await openRetroTab(partner, "partner");
    await partner.getByRole("link", { name: `Retro ${quarter}` }).click();
    await expect(retroPhase(partner)).toHaveText(/Gathering items/);
    await expect(partner.getByText("Be candid, be kind")).toBeVisible();

    // Items stay hidden from the other side until the reveal.
    await addItem(manager, "Going well", "Weekly deal desk with Globex");
    await addItem(manager, "Going well", "Joint webinars");
    await addItem(manager, "Stop doing", "Surprise price changes");
    await addItem(partner, "Going well", "Quick answers from Northwind engineers");
    await addItem(partner, "Going well", "Shared pipeline dashboard");
    await addItem(partner, "Stop doing", "Late forecast requests");
    await expect(partner.getByText("Weekly deal desk with Globex")).toHaveCount(0);
    await expect(manager.getByText("Quick answers from Northwind engineers")).toHaveCount(0);

    await advance(manager, partner, "Reveal items", /^Voting$/);
    await expect(partner.getByText("Weekly deal desk with Globex")).toBeVisible();
    await expect(manager.getByText("Quick answers from Northwind engineers")).toBeVisible();

    // Three votes per list: the partner uses all three on "Going well".
    await vote(partner, "Weekly deal desk with Globex");
    await vote(partner, "Quick answers from Northwind engineers");
    await vote(partner, "Shared pipeline dashboard");
    await expect(partner.getByTestId("votes-left-GOING_WELL")).toHaveText(/0 of 3/);
    // A fourth vote on the list is not taken: it offers to move one of the three instead.
    await vote(partner, "Joint webinars");
    await partner.getByRole("button", { name: "Move my vote from Shared pipeline dashboard" }).click();
    await expect(partner.getByRole("button", { name: "Voted for Joint webinars: remove vote" })).toBeVisible();
    await expect(partner.getByRole("button", { name: "Vote for Shared pipeline dashboard" })).toBeVisible();
    await expect(partner.getByTestId("votes-left-GOING_WELL")).toHaveText(/0 of 3/);
    await vote(partner, "Surprise price changes");
    await vote(manager, "Weekly deal desk with Globex");
    await vote(manager, "Late forecast requests");

    await advance(manager, partner, "Close voting", /Proposing/);
    await addItem(manager, "Start doing", "Monthly joint roadmap call");
    await addItem(partner, "Start doing", "Shared escalation contacts");
    await addItem(partner, "Start doing", "Quarterly customer story");
    await advance(manager, partner, "Start voting", /Voting on Start doing/);
    await vote(partner, "Shared escalation contacts");
    await vote(partner, "Monthly joint roadmap call");
    await vote(manager, "Monthly joint roadmap call");
    // Only items with a vote become actions.
    await vote(manager, "Quarterly customer story");
    await advance(manager, partner, "Close voting on Start doing", /Assigning actions/);

    // Each top "Start doing" item is an action now; someone from either side takes each one.
    const nextMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const volunteer = async (page: Page, title: string) => {
      const row = page.getByRole("article", { name: title });
      await row.getByLabel("By when").fill(nextMonth);
      await row.getByRole("button", { name: "Volunteer" }).click();
      await expect(row).toContainText(/Owner:/);
    };
    await volunteer(partner, "Shared escalation contacts");
    await volunteer(manager, "Monthly joint roadmap call");
    await volunteer(manager, "Quarterly customer story");

    // A top "Start doing" item can also become an ask of the other side.
    const story = manager.getByRole("article", { name: "Quarterly customer story" });
    await story.getByRole("button", { name: "Make it an ask: Quarterly customer story" }).click();
    const askDialog = manager.getByRole("dialog", { name: "Make it an ask of the other side" });
    await askDialog.getByLabel("By when").fill(nextMonth);
    await askDialog.getByRole("button", { name: "Make it an ask" }).click();
    await expect(askDialog).toBeHidden();
    await expect(story).toContainText("Also an ask of the other side (open)");

    await advance(manager, partner, "Close the retro", /Closed/);
    const agreed = partner.getByRole("region", { name: "Agreed actions" });
    await expect(agreed.getByRole("row").filter({ hasText: "Shared escalation contacts" })).toContainText("Gina Okafor");
    await expect(agreed.getByRole("row").filter({ hasText: "Monthly joint roadmap call" })).toContainText("Morgan Reyes");

    // Both see the actions, with owners and dates, on the scorecard.
    await openScorecard(manager, GLOBEX);
    await openOwnScorecard(partner, GLOBEX);
    for (const page of [manager, partner]) {
      const actions = page.getByRole("region", { name: "Open actions" });
      await expect(actions.getByText("Shared escalation contacts")).toBeVisible();
      await expect(actions.getByText("Monthly joint roadmap call")).toBeVisible();
      await expect(actions.getByRole("row").filter({ hasText: "Shared escalation contacts" })).toContainText("Gina Okafor");
      await expect(actions.getByRole("row").filter({ hasText: "Monthly joint roadmap call" })).toContainText("Morgan Reyes");
    }

    // Globex's contact finds the retro's ask on the Exchange tab, waiting for an answer.
    await partner.getByRole("navigation", { name: "Partnership" }).getByRole("link", { name: "Exchange" }).click();
    const ask = partner
      .getByRole("listitem")
      .filter({ has: partner.getByRole("heading", { name: "Quarterly customer story", exact: true }) });
    await expect(ask).toContainText("Waiting for an answer");
  } finally {
    await partnerContext.close();
  }
});
