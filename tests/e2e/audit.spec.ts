// The audit log in a real browser: an admin changes a setting, finds the change in the audit log
// by filtering to it (who, what, when), downloads the filtered log as CSV, and finds that download
// in the log too.
import fs from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { navigate, signIn } from "./helpers";

const SLUG = "northwind";

async function setThreshold(page: Page, value: string) {
  await page.getByLabel("Responses needed per side").fill(value);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
}

async function filter(page: Page, event: string, text: string) {
  await page.getByLabel("Event").selectOption({ label: event });
  await page.getByLabel("Contains").fill(text);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]action=/);
}

// "30 Nov 2026", as the log writes a day (UTC).
const today = () =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date());

test("an admin finds their settings change in the audit log and downloads it as CSV", async ({ page }) => {
  await signIn(page, "admin@northwind.test");
  await navigate(page, SLUG, "Settings", "admin/settings");
  // Changed and put back at once, so the demo stays as the other browser tests expect it.
  await setThreshold(page, "4");
  await setThreshold(page, "3");

  await navigate(page, SLUG, "Audit log", "admin/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  // The demo's history is there before any filter.
  await expect(page.getByRole("row").filter({ hasText: "Cycles open on day: 1 → 15" })).toBeVisible();

  await filter(page, "Settings changed", "3 → 4");
  const rows = page.getByRole("table").getByRole("row").filter({ hasText: "Settings changed" });
  await expect(rows).toHaveCount(1);
  const row = rows.first();
  await expect(row).toContainText("Avery Lindqvist");
  await expect(row).toContainText("admin@northwind.test");
  await expect(row).toContainText("Responses needed per side: 3 → 4");
  await expect(row.locator("time")).toContainText(today());
  await row.getByText("Details").click();
  await expect(row).toContainText("[3,4]");

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^northwind-audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (await fs.readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toBe("time (UTC),event,event code,by,by email,about,about email,what,email,address,account event,details");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain("Settings changed,settings.updated,Avery Lindqvist,admin@northwind.test,,,Responses needed per side: 3 → 4,");

  // The download is in the log too, with what was downloaded.
  await filter(page, "Export downloaded", "Audit log");
  const downloaded = page.getByRole("table").getByRole("row").filter({ hasText: "Export downloaded" });
  await expect(downloaded.first()).toContainText("Audit log (CSV), filtered by action Settings changed, text 3 → 4");
  await expect(downloaded.first()).toContainText("Avery Lindqvist");
});

test("the audit log is for owners and admins only", async ({ page }) => {
  await signIn(page, "manager@northwind.test");
  await expect(page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Audit log" })).toHaveCount(0);
  const response = await page.goto(`/w/${SLUG}/admin/audit`);
  expect(response?.status()).toBe(403);
  const csv = await page.request.get(`/w/${SLUG}/admin/audit/export`);
  expect(csv.status()).toBe(403);
});
