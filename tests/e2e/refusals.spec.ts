// Doors a person cannot open, as the browser meets them: the not-found page with HTTP 404 where the
// person may not learn that the thing exists (another workspace's or another organisation's id
// reads exactly like a random one), the "no access" page with HTTP 403 where they may know it
// exists but not open it; never the error boundary, never a 200. Downloads answer the same way.
import { expect, test, type Page } from "@playwright/test";
import { signIn, signOut, signUpWorkspace } from "./helpers";

// A well-formed id that no row has.
const RANDOM_ID = "cm0000000000000000000000a";

const HEADING = { 404: "Not found", 403: "No access" } as const;

// Opens path and checks the status of the document itself and the page shown; returns the text of
// the page's main region, for comparing two refusals.
async function expectRefused(page: Page, path: string, status: 403 | 404) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(status);
  await expect(page.getByRole("heading", { level: 1, name: HEADING[status], exact: true })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(`^${HEADING[status]} ·`));
  await expect(page.getByRole("heading", { name: "This page could not be loaded" })).toHaveCount(0);
  await expect(page.getByText("Something went wrong")).toHaveCount(0);
  return page.getByRole("main").innerText();
}

// Two addresses that must be indistinguishable: same status, same page.
async function expectAlike(page: Page, foreign: string, random: string, status: 403 | 404) {
  const a = await expectRefused(page, foreign, status);
  const b = await expectRefused(page, random, status);
  expect(a).toBe(b);
}

async function expectDownloadRefused(page: Page, path: string, status: 403 | 404) {
  const response = await page.request.get(path, { maxRedirects: 0 });
  expect(response.status(), path).toBe(status);
  return response.text();
}

// The demo's partnerships by name, and one of Globex's closed retros, as the owner sees them.
async function demoPaths(page: Page) {
  await signIn(page, "admin@northwind.test");
  await page.goto("/w/northwind/partnerships");
  const path = async (name: string) => (await page.getByRole("main").getByRole("link", { name, exact: true }).getAttribute("href"))!;
  const paths = {
    globex: await path("Globex Cloud Resale"),
    initech: await path("Initech Co-Sell"),
    acme: await path("Acme Robotics OEM"),
    random: `/w/northwind/partnerships/${RANDOM_ID}`,
  };
  await page.goto(`${paths.globex}/retro`);
  const globexRetro = (await page
    .getByRole("main")
    .getByRole("link", { name: /^Retro \d{4}-/ })
    .first()
    .getAttribute("href"))!;
  await signOut(page);
  return { ...paths, globexRetro };
}

test("a partner contact meets 403 on the program's pages and 404 on other organisations' partnerships", async ({ page }) => {
  const p = await demoPaths(page);
  await signIn(page, "partner@globex.test");

  // Pages every member knows exist, which a partner contact may not open.
  for (const path of ["/w/northwind/portfolio", "/w/northwind/cycles", "/w/northwind/admin/members"]) {
    await expectRefused(page, path, 403);
  }
  expect(await expectDownloadRefused(page, "/w/northwind/portfolio/export", 403)).not.toContain("Initech");

  // Another organisation's partnership reads exactly like one that does not exist.
  await expectAlike(page, p.initech, p.random, 404);
  await expectAlike(page, `${p.initech}/retro`, `${p.random}/retro`, 404);
  await expectAlike(page, `${p.initech}/print`, `${p.random}/print`, 404);
  await expectAlike(page, `${p.globex}/retro/${RANDOM_ID}`, `${p.globex}/actions/${RANDOM_ID}`, 404);
  expect(await expectDownloadRefused(page, `${p.initech}/renewal/export`, 404)).toBe(
    await expectDownloadRefused(page, `${p.random}/renewal/export`, 404),
  );

  // The refusal keeps the workspace around it, with the way back.
  await page.getByRole("main").getByRole("link", { name: "Go to my workspace" }).click();
  await expect(page).toHaveURL(/\/w\/northwind\/surveys$/);
});

test("another organisation's retro and its summary download answer as a random id does", async ({ page }) => {
  const p = await demoPaths(page);
  await signIn(page, "marcus.holt@initech.test");
  await expectAlike(page, p.globexRetro, `${p.globex}/retro/${RANDOM_ID}`, 404);
  // Globex's retro under Initech's own address, too.
  await expectAlike(page, p.globexRetro.replace(p.globex, p.initech), `${p.initech}/retro/${RANDOM_ID}`, 404);
  const foreign = await expectDownloadRefused(page, `${p.globexRetro}/export`, 404);
  expect(foreign).toBe(await expectDownloadRefused(page, `${p.globex}/retro/${RANDOM_ID}/export`, 404));
  expect(foreign).not.toContain("Globex");
});

test("a manager meets 403 on the working papers of a partnership they do not work on", async ({ page }) => {
  const p = await demoPaths(page);
  // Acme Robotics OEM belongs to another manager; Morgan works on neither its team nor its retros.
  await signIn(page, "manager@northwind.test");
  for (const tab of ["retro", "actions", "goals", "renewal"]) await expectRefused(page, `${p.acme}/${tab}`, 403);
  // Any retro or action id under it, real or made up, meets the same page: nothing tells which exist.
  await expectRefused(page, `${p.acme}/retro/made-up-id`, 403);
  await expectRefused(page, `${p.acme}/actions/made-up-id`, 403);
  await expectDownloadRefused(page, `${p.acme}/renewal/export`, 403);
  // Its scorecard stays open to every manager.
  expect((await page.goto(p.acme))?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Acme Robotics OEM" })).toBeVisible();
  // Nothing at all at a random id, and workspace setup is for admins.
  await expectRefused(page, p.random, 404);
  await expectRefused(page, "/w/northwind/admin/settings", 403);
  await signOut(page);

  await signIn(page, "exec@northwind.test");
  await expectRefused(page, "/w/northwind/admin/members", 403);
});

test("a member of another workspace meets 404 for this one and for its ids", async ({ page }) => {
  const p = await demoPaths(page);
  const stamp = Date.now().toString(36);
  const slug = `elsewhere-${stamp}`;
  await signUpWorkspace(
    page,
    { name: "Eli Elsewhere", email: `eli-${stamp}@elsewhere.test`, password: "elsewhere-password-1" },
    { name: "Elsewhere Partners", slug },
  );
  await expectAlike(page, "/w/northwind/portfolio", `/w/nowhere-${stamp}/portfolio`, 404);
  await expectAlike(page, p.globex.replace("/w/northwind/", `/w/${slug}/`), `/w/${slug}/partnerships/${RANDOM_ID}`, 404);
  await expectDownloadRefused(page, "/w/northwind/portfolio/export", 404);
});

test("signed out, pages and downloads lead to sign-in", async ({ page }) => {
  const p = await demoPaths(page);
  for (const path of ["/w/northwind/portfolio/export", `${p.globexRetro}/export`, `${p.globex}/renewal/export`]) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    expect(new URL(response.headers()["location"]!, page.url()).pathname).toBe("/signin");
  }
  await page.goto(p.globex);
  await expect(page).toHaveURL(/\/signin/);
});

test("a retro board that loses access while open says so instead of failing on every click", async ({ page }) => {
  const p = await demoPaths(page);
  await signIn(page, "manager@northwind.test");
  await page.goto(p.globexRetro);
  await expect(page.getByRole("heading", { level: 1, name: /^Retro \d{4}-/ })).toBeVisible();
  // The board polls; from now on the server no longer finds the retro (as when access is lost),
  // which it answers for a retro id it does not know.
  const retroId = p.globexRetro.split("/").pop()!;
  await page.route(/\/api\/trpc\/[^?]*retro\.get/, (route) =>
    route.continue({ url: route.request().url().replaceAll(retroId, RANDOM_ID) }),
  );
  await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("heading", { name: /^Retro \d{4}-/ })).toHaveCount(0);
});
