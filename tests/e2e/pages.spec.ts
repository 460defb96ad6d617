// Every main page, for every role that opens it: no serious or critical accessibility finding
// (axe-core, WCAG 2.2 A and AA rules), and nothing pans sideways on a phone 390 px wide.
import { expect, test, type Page } from "@playwright/test";
import { signIn, signOut } from "./helpers";
import { axeFindings, overflow } from "./page-checks";

// axe is injected as a script, which the app's Content-Security-Policy (nonces only) refuses.
test.use({ bypassCSP: true });

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
