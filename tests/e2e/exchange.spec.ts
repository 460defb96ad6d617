// Value exchange between the two organisations, in two browsers: Northwind's manager makes an ask
// of Globex (after the form coached a vague first try), Globex's contact hears of it, accepts it,
// the manager confirms it delivered and rates it, and both see the give/get balance move on the
// Exchange tab. Other specs share the demo workspace, so the ask's title is unique and the
// balance is read before and after rather than assumed.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { openScorecard, signIn } from "./helpers";
import { axeFindings, overflow } from "./page-checks";

const GLOBEX = "Globex Cloud Resale";

// axe is injected as a script, which the app's Content-Security-Policy (nonces only) refuses.
test.use({ bypassCSP: true });

// The page checks (pages.spec.ts) on the tab as only this test leaves it: items in every state
// and a move's form open, at desktop and phone widths.
async function checkPage(page: Page, label: string) {
  const findings: string[] = [];
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
    for (const f of await axeFindings(page, `${label} at ${width} px`))
      findings.push(`${f.page}: ${f.impact} ${f.rule} at ${f.targets.join(" | ")}`);
    if (width === 390) {
      const o = await overflow(page);
      if (o.pans > 0) findings.push(`${label}: pans ${o.pans} px sideways; ${o.culprits.join(", ")}`);
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  expect(findings).toEqual([]);
}

async function openExchangeTab(page: Page) {
  await page.getByRole("navigation", { name: "Partnership" }).getByRole("link", { name: "Exchange" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Exchange · ${GLOBEX}`);
}

// This year's balance from the viewer's side, in the forms the server says it
// (server/services/exchange/words.ts): "<other> fulfilled A of your B asks this year; you
// fulfilled C of their D.", with "<other> asked nothing of you." or "You asked nothing of <other>
// this year; ..." when one side asked nothing, and "No asks yet this year." when neither did.
async function yearBalance(page: Page) {
  return balanceIn(await page.getByRole("region", { name: /^Balance This year/ }).innerText());
}

function balanceIn(text: string) {
  const none = { fulfilledForMe: 0, myAsks: 0, fulfilledByMe: 0, theirAsks: 0 };
  if (text.includes("No asks yet this year.")) return none;
  const mineOnly = /fulfilled (\d+) of your (\d+) asks? this year; .+ asked nothing of you\./.exec(text);
  if (mineOnly) return { ...none, fulfilledForMe: Number(mineOnly[1]), myAsks: Number(mineOnly[2]) };
  const theirsOnly = /You asked nothing of .+ this year; you fulfilled (\d+) of their (\d+) asks?\./.exec(text);
  if (theirsOnly) return { ...none, fulfilledByMe: Number(theirsOnly[1]), theirAsks: Number(theirsOnly[2]) };
  const m = /fulfilled (\d+) of your (\d+) asks? this year; you fulfilled (\d+) of their (\d+)\./.exec(text);
  expect(m, `the balance sentence in: ${text}`).not.toBeNull();
  const [theirs, mine, ours, their] = m!.slice(1).map(Number) as [number, number, number, number];
  return { fulfilledForMe: theirs, myAsks: mine, fulfilledByMe: ours, theirAsks: their };
}

const itemNamed = (page: Page, title: string): Locator =>
  page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title, exact: true }) });

test("a manager and a partner contact exchange an ask through to delivered and rated, and both see the balance move", async ({
  page: manager,
  browser,
}) => {
  test.setTimeout(180_000);
  const title = `Three warm intros to Nordic retailers ${Date.now().toString(36)}`;
  const partnerContext = await browser.newContext();
  try {
    const partner = await partnerContext.newPage();

    await signIn(manager, "manager@northwind.test");
    await openScorecard(manager, GLOBEX);
    await openExchangeTab(manager);
    const managerBefore = await yearBalance(manager);

    // A vague ask is coached first: the hints and an example, and a second, deliberate click to send.
    const form = manager.getByRole("form", { name: "Make an ask" });
    await form.getByLabel("What exactly you ask for").fill("Help");
    await expect(form.getByText("To make this a clear ask:")).toBeVisible();
    await expect(form.getByText(/Name the person or role on the other side/)).toBeVisible();
    await expect(form.getByText(/^A clear one: Ask Dana Lee/)).toBeVisible();
    await form.getByRole("button", { name: "Send the ask" }).click();
    await expect(form.getByText(/This ask is vague/)).toBeVisible();
    await expect(form.getByRole("button", { name: "Send anyway" })).toBeVisible();
    await expect(itemNamed(manager, "Help")).toHaveCount(0);

    // Made clear, it goes at the first click: of a Globex contact, by a date, with why it matters.
    await form.getByLabel("What exactly you ask for").fill(title);
    await form.getByLabel("Of whom at Globex", { exact: false }).selectOption({ index: 1 });
    await form.getByLabel("Role or person, as you would say it").fill("Channel lead");
    const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel("By when").fill(due);
    await form.getByLabel("Why it matters").fill("So our Q1 pipeline has named accounts.");
    await expect(form.getByText("To make this a clear ask:")).toHaveCount(0);
    await form.getByRole("button", { name: "Send the ask" }).click();
    await expect(form.getByText(`Sent the ask “${title}”`)).toBeVisible();
    const asked = itemNamed(manager, title);
    await expect(asked).toContainText("Waiting for an answer");
    // The maker may withdraw it, not accept it.
    await expect(asked.getByRole("button", { name: "Withdraw" })).toBeVisible();
    await expect(asked.getByRole("button", { name: "Accept", exact: true })).toHaveCount(0);

    // Globex's contact hears of it and follows the notification to the Exchange tab.
    await signIn(partner, "partner@globex.test");
    await partner.goto("/w/northwind/notifications");
    const notice = partner.getByRole("list", { name: "Notifications" }).getByRole("listitem").filter({ hasText: title });
    await expect(notice).toContainText("made an ask");
    await notice.getByRole("link").first().click();
    await expect(partner).toHaveURL(/\/partnerships\/[^/]+\/exchange$/);
    await expect(partner.getByRole("heading", { level: 1 })).toHaveText(`Exchange · ${GLOBEX}`);
    const partnerBefore = await yearBalance(partner);

    const received = itemNamed(partner, title);
    await expect(received).toContainText("Channel lead");
    await received.getByRole("button", { name: "Accept", exact: true }).click();
    await received.getByLabel("Note (optional)").fill("On it: two this month.");
    await received.getByRole("button", { name: "Accept the ask" }).click();
    await expect(partner.getByText("Accepted the ask.")).toBeVisible();
    await expect(itemNamed(partner, title)).toContainText("Accepted");
    await expect(itemNamed(partner, title)).toContainText("On it: two this month.");

    // The manager confirms delivery and rates its value; the rating is a keyboard radio group.
    await manager.reload();
    const accepted = itemNamed(manager, title);
    await expect(accepted).toContainText("Accepted");
    await accepted.getByRole("button", { name: "Confirm delivered", exact: true }).click();
    await accepted.getByRole("button", { name: "Confirm delivered and rate" }).click();
    await expect(accepted.getByText("Rate the value from 1 to 5.")).toBeVisible();
    await checkPage(manager, "the Exchange tab with the delivery form open");
    await accepted.getByRole("radio", { name: "4 · Very useful" }).check();
    await accepted.getByLabel("Note on the value (optional)").fill("Two became meetings.");
    await accepted.getByRole("button", { name: "Confirm delivered and rate" }).click();
    await expect(manager.getByText("Confirmed delivered, with your rating.")).toBeVisible();
    await expect(itemNamed(manager, title)).toContainText("rated 4 of 5");

    // Both see the balance move by this one ask, each from their own side.
    const managerAfter = await yearBalance(manager);
    expect(managerAfter.myAsks).toBe(managerBefore.myAsks + 1);
    expect(managerAfter.fulfilledForMe).toBe(managerBefore.fulfilledForMe + 1);
    await partner.reload();
    await expect(itemNamed(partner, title)).toContainText("Delivered");
    const partnerAfter = await yearBalance(partner);
    expect(partnerAfter.theirAsks).toBe(partnerBefore.theirAsks);
    expect(partnerAfter.fulfilledByMe).toBe(partnerBefore.fulfilledByMe + 1);
    expect(partnerAfter.theirAsks).toBe(managerAfter.myAsks);
    expect(partnerAfter.fulfilledByMe).toBe(managerAfter.fulfilledForMe);

    // The scorecard says the same year's balance, each from their own side.
    await openScorecard(manager, GLOBEX);
    expect(balanceIn(await manager.getByTestId("exchange-sentence").innerText())).toEqual(managerAfter);
    await partner.goto(partner.url().replace(/\/exchange$/, ""));
    expect(balanceIn(await partner.getByTestId("exchange-sentence").innerText())).toEqual(partnerAfter);
    await partner.goBack();

    // The partner contact cannot rate or withdraw what is delivered: no moves are left on it.
    const moves = /^(Accept|Decline|Ask to clarify|Answer the question|Withdraw|Confirm delivered|Mark lapsed|Turn into an action)$/;
    await expect(itemNamed(partner, title).getByRole("button", { name: moves })).toHaveCount(0);
  } finally {
    await partnerContext.close();
  }
});
