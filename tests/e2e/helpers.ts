import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "northwind-demo";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/w\/northwind\//);
}

export async function signOut(page: Page) {
  await page.context().clearCookies();
}

// Our alerts, not Next.js's route announcer (which also has role="alert").
export const alerts = (page: Page) => page.locator('[role="alert"]:not(#__next-route-announcer__)');

// The demo's open cycle is the current quarter (prisma/demo.ts).
export function currentQuarterLabel(now = new Date()) {
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
}
