// The analytics in a real browser: the executive narrows the portfolio to one tier and follows a
// heatmap row to its scorecard; a partner contact's scorecard shows only what the workspace
// shares with partners, and nothing of other partners; a manager's print page.
// Other spec files change the demo's answers (a Globex response, among others), so nothing here
// depends on a score; the sharing setting this file changes goes back to the defaults afterwards.
import { expect, test, type Page } from "@playwright/test";
import { openOwnScorecard, openScorecard, signIn, signOut } from "./helpers";

// The demo's partnerships (prisma/demo.ts): the strategic tier, and what a Globex contact must
// never see a trace of (the other organisations' names, which also start their partnerships').
const STRATEGIC = ["Acme Robotics OEM", "Globex Cloud Resale", "Initech Co-Sell", "Tyrell Analytics Embedded"];
const ALL_PARTNERSHIPS = 12;
const OTHER_PARTNERS = [
  "Initech",
  "Acme Robotics",
  "Vandelay",
  "Hooli",
  "Pied Piper",
  "Soylent",
  "Cyberdyne",
  "Tyrell",
  "Wonka",
  "Oscorp",
  "Massive Dynamic",
];

const heatmap = (page: Page) => page.getByRole("table", { name: "Partnership heatmap" });
const heatmapRows = (page: Page) => heatmap(page).locator("tbody tr");
const heatmapNames = async (page: Page) => (await heatmap(page).getByRole("rowheader").getByRole("link").allTextContents()).sort();

// RFC 4180: quoted fields may hold commas, quotes ("") and line breaks; lines end in CRLF.
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length) rows.push([...row, field]);
  return rows;
}

test("the executive filters the portfolio to one tier and opens a partnership from the heatmap", async ({ page, browser }) => {
  await signIn(page, "exec@northwind.test");
  await expect(page).toHaveURL(/\/w\/northwind\/portfolio$/);
  await expect(heatmapRows(page)).toHaveCount(ALL_PARTNERSHIPS);

  // A choice applies with Apply (or Enter), not as the select changes (tests/e2e/keyboard-phone.spec.ts).
  const tier = page.getByLabel("Tier", { exact: true });
  await tier.selectOption({ label: "Strategic" });
  await page.getByRole("search", { name: "Filter the portfolio" }).getByRole("button", { name: "Apply" }).click();
  // The filter lives in the URL, so the view can be shared.
  await expect(page).toHaveURL(/\/w\/northwind\/portfolio\?tier=STRATEGIC$/);
  await expect(heatmapRows(page)).toHaveCount(STRATEGIC.length);
  expect(await heatmapNames(page)).toEqual(STRATEGIC);
  await expect(tier).toHaveValue("STRATEGIC");

  // The shared link opens the same view for someone else.
  const shared = page.url();
  const colleague = await browser.newContext();
  try {
    const other = await colleague.newPage();
    await signIn(other, "manager@northwind.test");
    await other.goto(shared);
    await expect(other.getByLabel("Tier", { exact: true })).toHaveValue("STRATEGIC");
    await expect(heatmapRows(other)).toHaveCount(STRATEGIC.length);
    expect(await heatmapNames(other)).toEqual(STRATEGIC);
  } finally {
    await colleague.close();
  }

  // The export follows the filter: the scores of the strategic partnerships, and only theirs.
  const csvLink = page.getByRole("link", { name: "Download CSV" });
  await expect(csvLink).toHaveAttribute("href", "/w/northwind/portfolio/export?tier=STRATEGIC");
  const response = await page.request.get((await csvLink.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  const [header, ...records] = parseCsv((await response.text()).replace(/^\uFEFF/, ""));
  expect(header).toEqual([
    "partnership",
    "partner",
    "tier",
    "phase",
    "owner",
    "region",
    "industry",
    "cycle",
    "pillar",
    "side",
    "score",
    "responses",
    "note",
  ]);
  expect(records.length).toBeGreaterThan(0);
  const column = (name: string) => header!.indexOf(name);
  for (const record of records) {
    expect(record).toHaveLength(header!.length);
    expect(record[column("tier")]).toBe("Strategic");
  }
  expect([...new Set(records.map((r) => r[column("partnership")]))].sort()).toEqual(STRATEGIC);
  // Every exported partnership has its health index for at least one cycle (a cycle with too few
  // responses has the row with no score and a note saying why).
  for (const name of STRATEGIC) {
    expect(records.some((r) => r[column("partnership")] === name && r[column("pillar")] === "Health index")).toBe(true);
  }

  // Any point of a row opens that partnership's scorecard.
  await heatmapRows(page)
    .filter({ has: page.getByRole("link", { name: "Initech Co-Sell", exact: true }) })
    .click();
  await expect(page).toHaveURL(/\/w\/northwind\/partnerships\/[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Initech Co-Sell");
  await expect(page.getByRole("heading", { name: "Health index", exact: true })).toBeVisible();
});

test("a manager prints a scorecard", async ({ page }) => {
  await signIn(page, "manager@northwind.test");
  await openScorecard(page, "Globex Cloud Resale");
  await page.getByRole("link", { name: "Print", exact: true }).click();
  await expect(page).toHaveURL(/\/w\/northwind\/partnerships\/[^/]+\/print$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Globex Cloud Resale");
  await expect(page.getByRole("article", { name: "Scorecard report: Globex Cloud Resale" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Print / Save as PDF" })).toBeVisible();
});

// The parts of the sharing setting, by their labels under Admin → Settings.
type Part = "Combined scores" | "Trends over time" | "Comments" | "Each side's scores and the gaps" | "Statement breakdown";
const DEFAULT_SHARING: Record<Part, boolean> = {
  "Combined scores": true,
  "Trends over time": true,
  Comments: true,
  "Each side's scores and the gaps": false,
  "Statement breakdown": false,
};

// The other parts are disabled while "Combined scores" is off: it is switched on first, or off last.
async function setSharing(page: Page, shares: Partial<Record<Part, boolean>>) {
  await signIn(page, "admin@northwind.test");
  await page.goto("/w/northwind/admin/settings");
  await expect(page.getByRole("heading", { name: "What partner contacts see" })).toBeVisible();
  const scores = shares["Combined scores"];
  const order = Object.entries(shares).sort(([a], [b]) =>
    a === "Combined scores" ? (scores ? -1 : 1) : b === "Combined scores" ? (scores ? 1 : -1) : 0,
  ) as [Part, boolean][];
  // A click before the page has hydrated would be lost (or submit the form natively): try again.
  await expect(async () => {
    for (const [label, on] of order) await page.getByRole("checkbox", { name: label, exact: true }).setChecked(on);
    await page.getByRole("button", { name: "Save sharing" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 20_000 });
  // Stored, not just ticked.
  await page.reload();
  for (const [label, on] of order) {
    if (label === "Combined scores" || scores !== false) {
      await expect(page.getByRole("checkbox", { name: label, exact: true })).toBeChecked({ checked: on });
    }
  }
  await signOut(page);
}

async function expectNothingOfOtherPartners(page: Page) {
  const text = (await page.locator("body").innerText()) ?? "";
  for (const name of OTHER_PARTNERS) expect(text, `"${name}" on a Globex contact's page`).not.toContain(name);
}

const sections = (page: Page) => {
  const main = page.getByRole("main");
  const h2 = (name: string) => main.getByRole("heading", { level: 2, name, exact: true });
  return {
    health: h2("Health index"),
    responseRate: h2("Response rate"),
    trend: h2("Trend"),
    sides: h2("Host and partner"),
    statements: h2("Statements"),
    comments: h2("Comments"),
  };
};

let sharingChanged = false;

// Back to the defaults even when the test failed halfway, so the spec files after this one
// find the workspace as seeded.
test.afterAll(async ({ browser }) => {
  if (!sharingChanged) return;
  const context = await browser.newContext();
  try {
    await setSharing(await context.newPage(), DEFAULT_SHARING);
  } finally {
    await context.close();
  }
});

test("a partner contact's scorecard shows only what the sharing setting allows", async ({ page }) => {
  // Seven sign-ins and three sharing changes: on a loaded two-core machine it outgrew one minute.
  test.slow();
  // Another partner's scorecard, to try to open as the Globex contact.
  await signIn(page, "admin@northwind.test");
  await openScorecard(page, "Initech Co-Sell");
  const otherScorecard = new URL(page.url()).pathname;
  await signOut(page);

  // The default: combined scores, trends and comments; not each side's scores, not statements.
  await signIn(page, "partner@globex.test");
  await openOwnScorecard(page);
  let s = sections(page);
  await expect(page.getByTestId("sharing-note")).toHaveText(
    "Northwind Alliances shares the combined scores, trends over time and comments of this scorecard with you. " +
      "Each side's own scores and the gaps between them and the statement breakdown are not shared. " +
      "Nobody's individual answers are ever shown.",
  );
  await expect(s.health).toBeVisible();
  await expect(page.getByTestId("health-index")).toHaveText(/^\d+$/);
  await expect(s.responseRate).toBeVisible();
  await expect(s.trend).toBeVisible();
  await expect(s.comments).toBeVisible();
  await expect(s.sides).toHaveCount(0);
  await expect(s.statements).toHaveCount(0);
  await expectNothingOfOtherPartners(page);
  // Nor can the contact open another partner's scorecard or its print page, or export the portfolio.
  await page.goto(otherScorecard);
  await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
  await expectNothingOfOtherPartners(page);
  await page.goto(`${otherScorecard}/print`);
  await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
  await expectNothingOfOtherPartners(page);
  expect((await page.request.get("/w/northwind/portfolio/export")).status()).toBe(403);
  await signOut(page);

  // Comments off; each side's scores and the statements on.
  sharingChanged = true;
  await setSharing(page, { Comments: false, "Each side's scores and the gaps": true, "Statement breakdown": true });
  await signIn(page, "partner@globex.test");
  await openOwnScorecard(page);
  s = sections(page);
  await expect(s.comments).toHaveCount(0);
  await expect(s.sides).toBeVisible();
  await expect(page.getByRole("list", { name: "Perception gaps" })).toContainText(
    /You rate Communication \d+ points lower than Northwind Alliances does/,
  );
  await expect(s.statements).toBeVisible();
  await expect(s.health).toBeVisible();
  await expect(s.trend).toBeVisible();
  await expectNothingOfOtherPartners(page);
  await signOut(page);

  // No scores at all: the contact is told so, and sees neither figures nor the parts built on them.
  await setSharing(page, { "Combined scores": false });
  await signIn(page, "partner@globex.test");
  await openOwnScorecard(page);
  s = sections(page);
  await expect(page.getByTestId("sharing-note")).toHaveText(
    "Northwind Alliances does not share this scorecard's results with partner contacts. Nobody's individual answers are ever shown.",
  );
  await expect(page.getByTestId("health-index")).toHaveCount(0);
  for (const hidden of [s.health, s.trend, s.sides, s.statements, s.comments]) await expect(hidden).toHaveCount(0);
  // Their own side's response rate stays; the host side's is a result, and is not shared.
  await expect(page.getByTestId("scorecard-response-rate")).toContainText("Your team");
  await expect(page.getByTestId("scorecard-response-rate")).not.toContainText("Northwind");
  await expectNothingOfOtherPartners(page);
  await signOut(page);
});
