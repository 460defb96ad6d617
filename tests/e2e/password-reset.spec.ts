// Getting back in without the password, in a real browser, with the emails read from the test
// mailbox (a real SMTP server on loopback): a forgotten password reset end to end, and an emailed
// sign-in link.
import { expect, test } from "@playwright/test";
import { alerts, signUpWorkspace } from "./helpers";
import { linkIn, waitForMail } from "./mailbox";

const stamp = Date.now().toString(36);

test("a forgotten password is reset from the emailed link: other sessions end, the old password stops, the new one signs in", async ({
  page,
  browser,
}) => {
  const who = { name: "Robin Reset", email: `robin-${stamp}@reset.test`, password: "original-password-1" };
  const slug = `reset-${stamp}`;
  const newPassword = "brand-new-password-1";
  // Signed in on one device (this page) ...
  await signUpWorkspace(page, who, { name: "Reset Partners", slug });

  // ... and forgotten on another.
  const otherDevice = await browser.newContext();
  const person = await otherDevice.newPage();
  await person.goto("/signin");
  await person.getByLabel("Email").fill(who.email);
  await person.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(person.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  // The address typed on the sign-in page came along.
  await expect(person.getByLabel("Email")).toHaveValue(who.email);

  // The same words for an address without an account ...
  const unknown = `nobody-${stamp}@reset.test`;
  await person.getByLabel("Email").fill(unknown);
  await person.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(person.getByRole("status")).toContainText(`If ${unknown} has an account, we have sent it a link to choose a new password.`);
  await person.getByRole("button", { name: "Use another address" }).click();

  // ... and for the account.
  const since = Date.now();
  await person.getByLabel("Email").fill(who.email);
  await person.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(person.getByRole("status")).toContainText(
    `If ${who.email} has an account, we have sent it a link to choose a new password.`,
  );
  const mail = await waitForMail(who.email, /^Choose a new password/, since);
  const link = linkIn(mail, "/signin/reset");

  // Opening the link (a mail scanner would too) uses nothing; the form does.
  expect((await person.request.get(link)).status()).toBe(200);
  await person.goto(link);
  await expect(person.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await expect(person.getByText(`For ${who.email}.`)).toBeVisible();
  await person.getByLabel("New password", { exact: true }).fill("too-short");
  await person.getByRole("button", { name: "Save password and sign in" }).click();
  await expect(person.getByText("Use at least 10 characters.")).toBeVisible();
  await person.getByLabel("New password", { exact: true }).fill(newPassword);
  await person.getByLabel("New password again").fill(newPassword);
  await person.getByRole("button", { name: "Save password and sign in" }).click();
  // Signed in afresh, in their workspace.
  await expect(person).toHaveURL(new RegExp(`/w/${slug}/`));

  // The first device's session ended with the reset: its cookie now leads to sign-in.
  await page.goto(`/w/${slug}/portfolio`);
  await expect(page).toHaveURL(/\/signin/);

  // The link worked once.
  await person.goto(link);
  await expect(person.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();
  await expect(alerts(person)).toContainText("This password reset link has already been used");
  await expect(person.getByRole("link", { name: "Ask for a new link" })).toHaveAttribute(
    "href",
    `/signin/forgot?email=${encodeURIComponent(who.email)}`,
  );
  await otherDevice.close();

  // The old password no longer signs in; the new one does.
  await page.goto("/signin");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(alerts(page)).toHaveText("Wrong email or password.");
  await page.getByLabel("Password").fill(newPassword);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/`));
});

test("an emailed sign-in link signs in with one click, once, and goes where the sign-in was headed", async ({ page }) => {
  const email = "exec@northwind.test";
  await page.goto("/signin?callbackUrl=%2Fw%2Fnorthwind%2Fportfolio");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByLabel("Password")).toHaveCount(0);
  const since = Date.now();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("status")).toContainText(`If ${email} has an account, we have sent it a sign-in link.`);

  const mail = await waitForMail(email, /sign-in link/, since);
  const link = linkIn(mail, "/signin/link");
  // A mail scanner fetching the link first does not use it up.
  expect((await page.request.get(link)).status()).toBe(200);
  await page.goto(link);
  await page.getByRole("button", { name: `Sign in as ${email}` }).click();
  await expect(page).toHaveURL(/\/w\/northwind\/portfolio$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await page.context().clearCookies();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This sign-in link cannot be used" })).toBeVisible();
  await expect(alerts(page)).toContainText("This sign-in link has already been used.");
  // A way to ask again, for the same address.
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await expect(page.getByRole("button", { name: "Email me a sign-in link" })).toBeVisible();
});
