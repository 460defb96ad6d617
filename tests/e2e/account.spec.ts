// The account page in a real browser, and sessions that end at once: a name and password changed
// through the page (the other browser signed out by the change), a session cookie copied before
// sign-out or "sign out everywhere" that no longer opens a page afterwards. Uses demo people no
// other spec signs in as (Tomás Berg, Jordan Blake), since it changes their password.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { alerts, DEMO_PASSWORD, signIn } from "./helpers";

const SESSION_COOKIE = "next-auth.session-token";

async function signedInContext(browser: Browser, email: string, password = DEMO_PASSWORD) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  return { context, page };
}

async function sessionCookie(context: BrowserContext) {
  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
  expect(cookie, "the session cookie after sign-in").toBeTruthy();
  return cookie!;
}

// A browser of its own holding only a copy of the cookie: does it open the portfolio?
async function replay(browser: Browser, cookie: Awaited<ReturnType<typeof sessionCookie>>) {
  const context = await browser.newContext();
  await context.addCookies([cookie]);
  const page = await context.newPage();
  await page.goto("/w/northwind/portfolio");
  const url = page.url();
  await context.close();
  return new URL(url).pathname;
}

async function openAccount(page: Page, name: string) {
  await page.getByRole("button", { name: `Account menu: ${name}` }).click();
  await page.getByRole("menuitem", { name: "Your account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
}

test("name and password changed on the account page; the change signs the other browser out", async ({ browser }) => {
  // Two browsers and a dozen pages: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  const laptop = await signedInContext(browser, "tomas.berg@northwind.test");
  const phone = await signedInContext(browser, "tomas.berg@northwind.test");
  const page = laptop.page;

  await openAccount(page, "Tomás Berg");
  const sessions = page.getByTestId("session-row");
  await expect(sessions).toHaveCount(2);
  await expect(sessions.first()).toContainText("This browser");
  await expect(page.getByRole("list", { name: "Your workspaces" })).toContainText("Northwind Alliances");
  await expect(page.getByRole("list", { name: "Your workspaces" })).toContainText("Alliance manager");

  await page.getByLabel("Your name").fill("Tomás Berg-Lind");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Signed in as Tomás Berg-Lind")).toBeVisible();

  await page.getByLabel("Current password", { exact: true }).last().fill("not-the-password");
  await page.getByLabel("New password", { exact: true }).fill("tomas-new-password-1");
  await page.getByLabel("Repeat the new password").fill("tomas-new-password-1");
  await page.getByRole("button", { name: "Change password" }).click();
  // Said beside the current password, which takes focus; the summary above says where to look.
  await expect(alerts(page)).toHaveText("One entry needs a change; see the message beside it.");
  await expect(page.getByText("That is not your current password.")).toBeVisible();
  await expect(page.getByLabel("Current password", { exact: true }).last()).toBeFocused();

  await page.getByLabel("Current password", { exact: true }).last().fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed. 1 other browser was signed out; this one stays signed in.")).toBeVisible();
  await expect(sessions).toHaveCount(1);

  // The phone's next page is the sign-in page; this browser carries on.
  await phone.page.goto("/w/northwind/portfolio");
  await expect(phone.page).toHaveURL(/\/signin/);
  await page.goto("/w/northwind/portfolio");
  await expect(page).toHaveURL(/\/w\/northwind\/portfolio$/);
  await expect(page.getByRole("button", { name: "Account menu: Tomás Berg-Lind" })).toBeVisible();

  // The activity lists what happened.
  await page.goto("/account");
  const activity = page.getByRole("list", { name: "Account activity" });
  await expect(activity).toContainText("Password changed");
  await expect(activity).toContainText("Current password wrong");
  await expect(activity).toContainText("Name changed to Tomás Berg-Lind");

  // The old password no longer signs in; the new one does.
  await phone.page.getByLabel("Email").fill("tomas.berg@northwind.test");
  await phone.page.getByLabel("Password").fill(DEMO_PASSWORD);
  await phone.page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(alerts(phone.page)).toContainText("Wrong email or password.");
  await phone.page.getByLabel("Password").fill("tomas-new-password-1");
  await phone.page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(phone.page).toHaveURL(/\/w\/northwind\//);

  await laptop.context.close();
  await phone.context.close();
});

test("a session cookie copied before sign-out no longer opens a page after it", async ({ browser }) => {
  const { context, page } = await signedInContext(browser, "ops@northwind.test");
  const copy = await sessionCookie(context);
  expect(await replay(browser, copy)).toBe("/w/northwind/portfolio");

  await page.getByRole("button", { name: "Account menu: Jordan Blake" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  expect(await replay(browser, copy)).toBe("/signin");
  await context.close();
});

test("sign out everywhere from a second browser ends the first one's session, and its copied cookie", async ({ browser }) => {
  const first = await signedInContext(browser, "ops@northwind.test");
  const copy = await sessionCookie(first.context);
  const second = await signedInContext(browser, "ops@northwind.test");

  await openAccount(second.page, "Jordan Blake");
  await second.page.getByRole("button", { name: "Sign out everywhere" }).click();
  await second.page.getByRole("button", { name: "Yes, sign out everywhere" }).click();
  await expect(second.page).toHaveURL(/\/signin/);

  await first.page.reload();
  await expect(first.page).toHaveURL(/\/signin/);
  expect(await replay(browser, copy)).toBe("/signin");

  await first.context.close();
  await second.context.close();
});
