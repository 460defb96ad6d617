// Phones and keyboards (issue 14, parts 3 and 4): the survey answered by keyboard alone from its
// skip link, its answer scale as one column in order at 390 px, the portfolio's filters by
// keyboard, focus after a retro vote and after a dialog closes, the heatmap as cards on a phone,
// and tap targets of at least 24 by 24 CSS pixels (WCAG 2.5.8) on the portfolio and the survey.
// Its people and partnerships are used by no other browser test: Noah Fischer (Pied Piper's
// fourth contact, who never answers in the demo, prisma/demo.ts) and Priya Shah's Cyberdyne
// partnership, whose retro the demo leaves unopened.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { currentQuarterLabel, openScorecard, openSurvey, signIn } from "./helpers";

const PHONE = { width: 390, height: 844 };
const SCALE = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree", "Don't know"];
const PILLARS = ["Trust", "Commitment", "Coordination", "Communication"];

// Presses Tab until `target` has focus: what someone with a keyboard does to reach a control.
async function tabTo(page: Page, target: Locator, max = 15) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

const pageOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

// Every visible control's box (a radio's label, which is what takes the tap) narrower or shorter
// than 24 CSS px. Visually hidden ones (a skip link until focused, 1 px boxes) are not targets.
function smallTargets(page: Page) {
  return page.evaluate(() => {
    const controls =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="radio"], [role="checkbox"], [tabindex="0"]';
    const small: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(controls)) {
      const box = (el.closest("label") ?? el).getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1 || getComputedStyle(el).visibility === "hidden") continue;
      if (box.width < 24 || box.height < 24) {
        const name = (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40);
        small.push(`${el.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}x${Math.round(box.height)}`);
      }
    }
    return small;
  });
}

// Controls a keyboard reaches that a screen reader is told are not there, and charts (figures)
// with no name to stand in for the picture.
function hiddenFromScreenReaders(page: Page) {
  return page.evaluate(() => {
    const focusable =
      'a[href], button:not([disabled]), input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    const problems: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(
      `[aria-hidden="true"] :is(${focusable}), [aria-hidden="true"]:is(${focusable})`,
    )) {
      problems.push(`focusable ${el.tagName.toLowerCase()} inside aria-hidden: "${(el.textContent ?? "").trim().slice(0, 40)}"`);
    }
    for (const svg of document.querySelectorAll("svg.recharts-surface")) {
      const figure = svg.closest("figure");
      if (!figure?.getAttribute("aria-label")) problems.push("a chart without a named figure around it");
    }
    return problems;
  });
}

test("a partner answers the survey by keyboard alone, from the skip link to the confirmation, on a phone", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(PHONE);
  await signIn(page, "noah.fischer@piedpiper.test");
  await openSurvey(page, "Pied Piper Technology Alliance");
  await expect(page.getByTestId("survey-step")).toHaveText("Pillar 1 of 4: Trust");

  // The answer scale is one column, in its order: the same left edge, each option below the last.
  const first = page.getByRole("radiogroup").first();
  const options = first.getByRole("radio");
  expect(await options.evaluateAll((els) => els.map((el) => el.getAttribute("aria-label")))).toEqual(SCALE);
  const boxes = await options.evaluateAll((els) => els.map((el) => el.closest("label")!.getBoundingClientRect().toJSON() as DOMRect));
  for (let i = 1; i < boxes.length; i++) {
    expect(Math.abs(boxes[i]!.x - boxes[0]!.x)).toBeLessThanOrEqual(1);
    expect(boxes[i]!.y).toBeGreaterThanOrEqual(boxes[i - 1]!.y + boxes[i - 1]!.height - 1);
  }
  expect(await pageOverflow(page)).toBe(0);
  expect(await smallTargets(page)).toEqual([]);
  expect(await hiddenFromScreenReaders(page)).toEqual([]);

  // From the top of a freshly loaded page, the first Tab reaches the skip link; following it
  // lands on the first question's first answer.
  await page.reload();
  await expect(page.getByTestId("survey-step")).toHaveText("Pillar 1 of 4: Trust");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to the first question" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("radiogroup").first().getByRole("radio", { name: "Strongly disagree", exact: true })).toBeFocused();

  // Each pillar: Space picks the answer in focus, the arrow keys move along the scale (up and down
  // in a column, as on screen), Tab goes on to the next statement; Enter on Next turns the page,
  // whose heading takes focus, and Tab from it reaches the first answer again.
  for (const [p, pillar] of PILLARS.entries()) {
    await expect(page.getByTestId("survey-step")).toHaveText(`Pillar ${p + 1} of 4: ${pillar}`);
    if (p > 0) {
      await expect(page.getByRole("heading", { level: 2, name: pillar })).toBeFocused();
      await page.keyboard.press("Tab");
    }
    const groups = page.getByRole("radiogroup");
    await expect(groups).toHaveCount(4);
    for (let j = 0; j < 4; j++) {
      const option = (name: string) => groups.nth(j).getByRole("radio", { name, exact: true });
      await expect(option("Strongly disagree")).toBeFocused();
      await page.keyboard.press("Space");
      await expect(option("Strongly disagree")).toBeChecked();
      // One key at a time, as a person reads where each one lands.
      for (let k = 1; k <= (j % 4) + 1; k++) {
        await page.keyboard.press("ArrowDown");
        await expect(option(SCALE[k]!)).toBeFocused();
      }
      const answer = SCALE[(j % 4) + 1]!;
      if (!(await option(answer).isChecked())) await page.keyboard.press("Space");
      await expect(option(answer)).toBeChecked();
      if (j < 3) await page.keyboard.press("Tab");
    }
    await tabTo(page, page.getByRole("button", { name: p < 3 ? "Next" : "Review answers", exact: true }));
    await page.keyboard.press("Enter");
  }

  await expect(page.getByRole("heading", { level: 2, name: /review/i })).toBeFocused();
  await tabTo(page, page.getByRole("button", { name: "Submit answers" }), 40);
  await page.keyboard.press("Enter");
  // Focus moves to the confirmation, which says what happened.
  const confirmation = page.getByTestId("survey-submitted");
  await expect(confirmation).toBeFocused();
  await expect(confirmation).toContainText("your answers for Pied Piper Technology Alliance");
});

test("the portfolio's filters by keyboard: an arrow key in a select changes nothing until Enter or Apply, and focus stays", async ({
  page,
}) => {
  await signIn(page, "exec@northwind.test");
  await expect(page).toHaveURL(/\/w\/northwind\/portfolio$/);
  const result = page.getByTestId("filter-result");
  await expect(result).toHaveText("12 partnerships");
  expect(await hiddenFromScreenReaders(page)).toEqual([]);

  const tier = page.getByLabel("Tier", { exact: true });
  await tier.focus();
  await page.keyboard.press("ArrowDown");
  await expect(tier).toHaveValue("STRATEGIC");
  // Nothing navigates on the arrow key, and focus is still in the select.
  await page.waitForTimeout(1_000);
  await expect(page).toHaveURL(/\/w\/northwind\/portfolio$/);
  await expect(tier).toBeFocused();

  // Enter applies it, and the select keeps focus and its value.
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/w\/northwind\/portfolio\?tier=STRATEGIC$/);
  await expect(result).toHaveText(/^\d+ partnerships? match$/);
  await expect(tier).toBeFocused();
  await expect(tier).toHaveValue("STRATEGIC");

  // Or Apply: choose with the arrow keys, Tab to Apply, Enter.
  const band = page.getByLabel("Band", { exact: true });
  await band.focus();
  await page.keyboard.press("ArrowDown");
  await expect(band).toHaveValue("HEALTHY");
  await expect(page).toHaveURL(/\?tier=STRATEGIC$/);
  const apply = page.getByRole("search", { name: "Filter the portfolio" }).getByRole("button", { name: "Apply" });
  await tabTo(page, apply);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\?tier=STRATEGIC&band=HEALTHY$/);
  await expect(apply).toBeFocused();

  // Clearing moves focus to the first filter rather than losing it with the Clear button.
  await tabTo(page, page.getByRole("button", { name: "Clear filters" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/w\/northwind\/portfolio$/);
  await expect(tier).toBeFocused();
  await expect(tier).toHaveValue("");
  await expect(result).toHaveText("12 partnerships");
});

test("the portfolio on a phone: the heatmap as cards with every pillar, no sideways pan, tap targets of 24 px", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signIn(page, "exec@northwind.test");
  await expect(page).toHaveURL(/\/w\/northwind\/portfolio$/);
  await expect(page.getByRole("table", { name: "Partnership heatmap" })).toBeHidden();
  const cards = page.getByRole("list", { name: "Partnership heatmap" }).getByRole("listitem");
  await expect(cards).toHaveCount(12);
  // A scored partnership's card shows its health and each pillar, labelled, within the screen.
  const scored = cards.filter({ hasText: "Globex Cloud Resale" });
  for (const label of ["Health", ...PILLARS]) {
    const term = scored.getByRole("term").filter({ hasText: label });
    await expect(term).toBeVisible();
    const box = (await term.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  }
  await expect(scored.getByRole("definition")).toHaveCount(5);
  // The table's sorting is there too, as links.
  const sort = page.getByRole("navigation", { name: "Sort the heatmap" });
  await sort.getByRole("link", { name: "Trust" }).click();
  await expect(page).toHaveURL(/sort=pillar%3A|sort=pillar:/);
  await expect(sort.getByRole("link", { name: /^Trust/ })).toHaveAttribute("aria-current", "true");

  expect(await pageOverflow(page)).toBe(0);
  expect(await smallTargets(page)).toEqual([]);
});

test("the scorecard's charts have a text alternative and nothing focusable is hidden from screen readers", async ({ page }) => {
  await signIn(page, "manager@northwind.test");
  await openScorecard(page, "Globex Cloud Resale");
  await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
  expect(await hiddenFromScreenReaders(page)).toEqual([]);
});

test("focus after a retro vote stays on the item's button, the votes left are announced, and a dialog's close keeps focus", async ({
  page,
}) => {
  const quarter = currentQuarterLabel();
  await signIn(page, "priya.shah@northwind.test");
  await openScorecard(page, "Cyberdyne Services Partnership");
  await page.getByRole("navigation", { name: "Partnership" }).getByRole("link", { name: "Retro" }).click();
  await page.getByRole("button", { name: `Open the retro for ${quarter}` }).click();
  const phase = page.getByTestId("retro-phase");
  await expect(phase).toHaveText(/Gathering items/);
  const goingWell = page.getByRole("region", { name: "Going well", exact: true });
  for (const text of ["Shared support rota", "Joint quarterly planning"]) {
    await goingWell.getByLabel("Add to Going well").fill(text);
    await goingWell.getByRole("button", { name: "Add item" }).click();
    await expect(goingWell.getByText(text, { exact: true })).toBeVisible();
  }

  // The dialog's trigger is replaced once the phase moves on: focus stays in the page, not on its body.
  await page.getByRole("button", { name: "Reveal items", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
  await expect(phase).toHaveText(/^Voting$/);
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => document.activeElement !== null && document.activeElement !== document.body)).toBe(true);

  const voteButton = page.getByRole("button", { name: "Vote for Shared support rota" });
  await voteButton.focus();
  await page.keyboard.press("Enter");
  const voted = page.getByRole("button", { name: "Voted for Shared support rota: remove vote" });
  await expect(voted).toBeFocused();
  const votesLeft = page.getByTestId("votes-left-GOING_WELL");
  await expect(votesLeft).toHaveAttribute("role", "status");
  await expect(votesLeft).toHaveText(/2 of 3 votes left/);
  // And once more, back: still the same button in focus.
  await page.keyboard.press("Enter");
  await expect(voteButton).toBeFocused();
  await expect(votesLeft).toHaveText(/3 of 3 votes left/);
});
