// Every main page, for every role that opens it: no serious or critical accessibility finding
// (axe-core, WCAG 2.2 A and AA rules), and nothing pans sideways on a phone 390 px wide.
import { expect, test, type Page } from "@playwright/test";
import axe from "axe-core";
import { signIn, signOut } from "./helpers";

const axeSource: string = axe.source;

// axe is injected as a script, which the app's Content-Security-Policy (nonces only) refuses.
test.use({ bypassCSP: true });

interface Finding {
  page: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

async function axeFindings(page: Page, label: string): Promise<Finding[]> {
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    return axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
      // Off by default as experimental: a control's spoken name must contain its visible text
      // (WCAG 2.5.3), so a person using voice control can say what they see.
      rules: { "label-content-name-mismatch": { enabled: true } },
      resultTypes: ["violations"],
    });
  });
  type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };
  return (results.violations as Violation[])
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      page: label,
      rule: v.id,
      impact: v.impact!,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
    }));
}

// How far the page pans sideways, and the elements that stick out past the window's right edge.
async function overflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const pans = document.documentElement.scrollWidth - width;
    const culprits: string[] = [];
    if (pans > 0) {
      for (const el of Array.from(document.querySelectorAll("body *"))) {
        const r = el.getBoundingClientRect();
        if (r.right > width + 1 && r.width > 0) {
          // Only the outermost: an element inside a scrolling region does not pan the page.
          let scrolls = false;
          for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
            const o = getComputedStyle(p).overflowX;
            if (o === "auto" || o === "scroll" || o === "hidden") scrolls = true;
          }
          if (!scrolls)
            culprits.push(
              `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${String(el.className).split(" ").slice(0, 3).join(".")} (${Math.round(r.right)}px)`,
            );
        }
      }
    }
    return { pans, culprits: culprits.slice(0, 6) };
  });
}

async function demoPaths(page: Page) {
  await signIn(page, "admin@northwind.test");
  await page.goto("/w/northwind/partnerships");
  const path = async (name: string) => (await page.getByRole("main").getByRole("link", { name, exact: true }).getAttribute("href"))!;
  const globex = await path("Globex Cloud Resale");
  const acme = await path("Acme Robotics OEM");
  await page.goto(`${globex}/retro`);
  const retro = (await page
    .getByRole("main")
    .getByRole("link", { name: /^Retro \d{4}-/ })
    .first()
    .getAttribute("href"))!;
  await page.goto("/w/northwind/cycles");
  const cycle = (await page
    .getByRole("main")
    .getByRole("link", { name: /^\d{4}-Q\d$/ })
    .first()
    .getAttribute("href"))!;
  await signOut(page);
  return { globex, acme, retro, cycle };
}

type Paths = Awaited<ReturnType<typeof demoPaths>>;

const ROLES: { email: string | null; pages: (p: Paths) => string[] }[] = [
  { email: null, pages: () => ["/signin", "/signup", "/signin/forgot", "/api-docs"] },
  {
    email: "admin@northwind.test",
    pages: (p) => [
      "/w/northwind/portfolio",
      "/w/northwind/partnerships",
      p.globex,
      `${p.globex}/actions`,
      `${p.globex}/goals`,
      `${p.globex}/exchange`,
      `${p.globex}/retro`,
      p.retro,
      `${p.globex}/team`,
      `${p.acme}/renewal`,
      `${p.globex}/print`,
      "/w/northwind/actions",
      "/w/northwind/goals",
      "/w/northwind/cycles",
      p.cycle,
      "/w/northwind/framework",
      "/w/northwind/notifications",
      "/w/northwind/admin/members",
      "/w/northwind/admin/partners",
      "/w/northwind/admin/settings",
      "/w/northwind/admin/settings/sso",
      "/w/northwind/admin/audit",
      "/w/northwind/admin/import",
      "/w/northwind/admin/api-tokens",
      "/w/northwind/admin/outbox",
      "/w/northwind/admin/integrations",
      "/w/northwind/admin/webhooks",
      "/account",
      "/workspaces",
    ],
  },
  {
    email: "manager@northwind.test",
    pages: (p) => ["/w/northwind/surveys", "/w/northwind/partnerships", p.globex, "/w/northwind/actions", "/w/northwind/goals"],
  },
  { email: "exec@northwind.test", pages: (p) => ["/w/northwind/portfolio", p.globex, "/w/northwind/goals"] },
  {
    email: "partner@globex.test",
    pages: (p) => ["/w/northwind/surveys", p.globex, `${p.globex}/actions`, `${p.globex}/goals`, `${p.globex}/exchange`],
  },
];

let paths: Paths;
test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  paths = await demoPaths(page);
  await page.close();
});

for (const role of ROLES) {
  test(`${role.email ?? "signed out"}: every main page without a serious or critical axe finding, and none pans sideways at 390 px`, async ({
    page,
  }) => {
    test.setTimeout(600_000);
    const findings: string[] = [];
    if (role.email) await signIn(page, role.email);
    for (const path of role.pages(paths)) {
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
        await page.goto(path);
        await page.waitForLoadState("networkidle");
        const label = `${path} at ${width} px`;
        for (const f of await axeFindings(page, label))
          findings.push(`${f.page}: ${f.impact} ${f.rule} (${f.help}) at ${f.targets.join(" | ")}`);
        if (width === 390) {
          const o = await overflow(page);
          if (o.pans > 0) findings.push(`${label}: pans ${o.pans} px sideways; ${o.culprits.join(", ")}`);
        }
      }
    }
    expect(findings).toEqual([]);
  });
}
