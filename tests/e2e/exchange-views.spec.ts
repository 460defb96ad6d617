// The give/get balance where people read health, in a real browser: Northwind's manager asks
// Globex for something, Globex's contact accepts it, the manager confirms delivery (through the
// API the Exchange tab calls, so this spec stands on its own), and the scorecard's sentence moves
// for both sides; the executive sees the partnership's reciprocity in the heatmap and among the
// least balanced. Other specs may add asks of their own, so the figures are read as they move.
import { expect, test, type Page } from "@playwright/test";
import { openOwnScorecard, openScorecard, signIn } from "./helpers";
import { axeFindings } from "./page-checks";

// axe is injected as a script, which the app's Content-Security-Policy (nonces only) refuses.
test.use({ bypassCSP: true });

const GLOBEX = "Globex Cloud Resale";

async function rpc(page: Page, path: string, input: Record<string, unknown>) {
  const origin = new URL(page.url()).origin;
  const res = await page.request.post(`/api/trpc/${path}`, {
    headers: { origin, "content-type": "application/json" },
    data: { json: input },
  });
  expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
  return ((await res.json()) as { result: { data: { json: Record<string, unknown> } } }).result.data.json;
}

// "Globex fulfilled 3 of your 4 asks this year; ..." -> [3, 4]; no asks yet -> [0, 0].
async function fulfilledOfMine(page: Page, theirName: string) {
  const text = (await page.getByTestId("exchange-sentence").textContent()) ?? "";
  const m = new RegExp(`^${theirName} fulfilled (\\d+) of your (\\d+) asks?`).exec(text);
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}

test("an ask delivered moves the balance on the scorecard for both sides and shows in the portfolio", async ({ page, browser }) => {
  await signIn(page, "manager@northwind.test");
  await openScorecard(page, GLOBEX);
  const partnershipId = page.url().split("/").pop()!;
  await expect(page.getByTestId("scorecard-exchange")).toBeVisible();
  const [fulfilled, asked] = await fulfilledOfMine(page, "Globex");

  const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const item = await rpc(page, "exchange.create", {
    workspaceSlug: "northwind",
    partnershipId,
    kind: "ASK",
    title: "Three warm intros to Nordic retailers",
    detail: "So our Q1 pipeline has named accounts.",
    counterpart: "Channel lead",
    dueDate: due,
  });
  const partnerContext = await browser.newContext();
  const partner = await partnerContext.newPage();
  try {
    await signIn(partner, "partner@globex.test");
    await rpc(partner, "exchange.accept", { workspaceSlug: "northwind", itemId: item.id, note: "" });
    await rpc(page, "exchange.deliver", { workspaceSlug: "northwind", itemId: item.id, rating: 5, note: "Two of three booked" });

    await page.reload();
    expect(await fulfilledOfMine(page, "Globex")).toEqual([fulfilled! + 1, asked! + 1]);
    const section = page.getByTestId("scorecard-exchange");
    await expect(section.getByTestId("exchange-index")).toHaveText(/^\d+$/);
    await expect(section.getByRole("figure", { name: /^Value given by each side and the reciprocity index per cycle/ })).toBeVisible();
    await section.getByRole("button", { name: "Asks fulfilled" }).click();
    await expect(section.getByRole("figure", { name: /^Asks fulfilled by each side/ })).toBeVisible();
    await section.getByRole("button", { name: "Show the figures as a table" }).click();
    await expect(section.getByRole("table").getByRole("columnheader", { name: "Reciprocity index" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Open the exchange" })).toHaveAttribute(
      "href",
      `/w/northwind/partnerships/${partnershipId}/exchange`,
    );
    expect(await axeFindings(page, "the scorecard with its exchange")).toEqual([]);

    // Globex's contact reads the same balance from their side: they fulfilled it.
    await openOwnScorecard(partner);
    await expect(partner.getByTestId("exchange-sentence")).toContainText(/you fulfilled \d+ of their \d+/);
    await expect(partner.getByTestId("scorecard-exchange")).not.toContainText("Initech");
  } finally {
    await partnerContext.close();
  }

  // The executive's portfolio: the year's reciprocity beside health, and the least balanced.
  const exec = await browser.newContext();
  const execPage = await exec.newPage();
  try {
    await signIn(execPage, "exec@northwind.test");
    await expect(execPage).toHaveURL(/\/w\/northwind\/portfolio$/);
    const year = new Date().getUTCFullYear();
    const table = execPage.getByRole("table", { name: "Partnership heatmap" });
    await expect(table.getByRole("columnheader", { name: `Reciprocity ${year}` })).toBeVisible();
    const row = table.locator("tbody tr").filter({ has: execPage.getByRole("link", { name: GLOBEX, exact: true }) });
    await expect(row.getByTestId("reciprocity-cell")).toContainText(new RegExp(`\\d+.*reciprocity index ${year}`));
    const least = execPage.getByRole("list", { name: "Least balanced partnerships" });
    await expect(least.getByRole("link", { name: GLOBEX, exact: true })).toBeVisible();
    expect(await axeFindings(execPage, "the portfolio with reciprocity")).toEqual([]);
  } finally {
    await exec.close();
  }
});
