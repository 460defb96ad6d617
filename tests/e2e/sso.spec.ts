// Single sign-on in a real browser, against a real OpenID Connect provider (oidc-provider, started
// here on loopback): the owner sets it up on the admin page, then a member signs in through the
// provider's own login page and lands signed in in the workspace. A refused answer meets a page
// that says why. The connection is removed at the end, so later specs sign in with passwords.
import { expect, test } from "@playwright/test";
import { startTestProvider, type TestProvider } from "../oidc/provider";
import { alerts, signIn, signOut } from "./helpers";

let idp: TestProvider;

test.beforeAll(async () => {
  // The app's address as playwright.config.ts sets it (NEXTAUTH_URL): the redirect URI it sends.
  const baseURL = `http://localhost:${process.env.E2E_PORT ?? 3100}`;
  idp = await startTestProvider({ redirectUris: [`${baseURL}/api/sso/callback`] });
});

test.afterAll(async () => {
  await idp?.close();
});

test("a member signs in through the company's identity provider and lands in the workspace", async ({ page }) => {
  await signIn(page, "admin@northwind.test");
  await page.goto("/w/northwind/admin/settings");
  await page.getByRole("link", { name: "Single sign-on" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Single sign-on" })).toBeVisible();
  await expect(page.getByTestId("sso-redirect-uri")).toHaveText(/\/api\/sso\/callback$/);

  // A typo in the issuer is caught on saving, in words.
  await page.getByLabel("Issuer URL").fill(`${idp.address}/typo`);
  await page.getByLabel("Client ID").fill(idp.clientId);
  await page.getByLabel("Client secret").fill(idp.clientSecret);
  await page.getByLabel("Email domains").fill("northwind.test");
  await page.getByRole("button", { name: "Save single sign-on" }).click();
  await expect(alerts(page)).toContainText("did not answer with a discovery document (HTTP 404)");

  await page.getByLabel("Issuer URL").fill(idp.issuer);
  await page.getByRole("button", { name: "Save single sign-on" }).click();
  await expect(page.getByText("Saved. The identity provider answered and its discovery document is valid.")).toBeVisible();
  // The secret is stored and never shown again.
  await page.reload();
  await expect(page.getByLabel("Client secret")).toHaveValue("");
  await expect(page.getByLabel("Client secret")).toHaveAttribute("placeholder", /Stored/);
  expect(await page.content()).not.toContain(idp.clientSecret);

  await signOut(page);
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with single sign-on" }).click();
  await page.getByLabel("Work email").fill("exec@northwind.test");
  await page.getByRole("button", { name: "Continue with single sign-on" }).click();

  // The provider's own login page (its development interactions accept any password).
  await expect(page).toHaveURL(new RegExp(`^${idp.address}/interaction/`));
  await expect(page.locator('input[name="login"]')).toHaveValue("exec@northwind.test");
  await page.locator('input[name="password"]').fill("the provider's own password");
  await page.getByRole("button", { name: "Sign-in" }).click();

  // The workspace's home, which shows an executive the portfolio.
  await expect(page).toHaveURL(/\/w\/northwind\/portfolio$/);
  await expect(page.getByRole("button", { name: "Account menu: Elena Park" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Portfolio" })).toBeVisible();
});

test("an address without single sign-on is told so, and a refused answer explains itself", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with single sign-on" }).click();
  await page.getByLabel("Work email").fill("someone@nowhere.test");
  await page.getByRole("button", { name: "Continue with single sign-on" }).click();
  await expect(alerts(page)).toHaveText(
    "Single sign-on is not set up for nowhere.test. Sign in with your password or an emailed link instead.",
  );

  // An answer arriving without this browser's sign-in (another browser's, or a forged one).
  const response = await page.goto("/api/sso/callback?code=forged&state=forged");
  expect(response?.url()).toMatch(/\/signin\/sso\?error=flow_missing$/);
  await expect(page.getByRole("heading", { level: 1, name: "Single sign-on did not work" })).toBeVisible();
  await expect(alerts(page)).toContainText("could not be matched to one started in this browser");
  // The page's words are its own: text in the address is not shown.
  await page.goto("/signin/sso?error=%3Cb%3EYour%20account%20is%20locked%3C%2Fb%3E");
  await expect(alerts(page)).toContainText("not valid OpenID Connect");
  await expect(page.getByText("Your account is locked")).toHaveCount(0);
});

test("the owner removes single sign-on", async ({ page }) => {
  await signIn(page, "admin@northwind.test");
  await page.goto("/w/northwind/admin/settings/sso");
  await page.getByRole("button", { name: "Remove single sign-on" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove", exact: true }).click();
  await expect(page.getByRole("button", { name: "Remove single sign-on" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel("Issuer URL")).toHaveValue("");
  await signOut(page);
  // Password sign-in of the domain's people is as before.
  await signIn(page, "exec@northwind.test");
});
