// API tokens in a real browser, and the README's curl example against the demo: an admin makes a
// read token, sees it once, and the README's own `curl` line (run by curl, with the token and this
// server's address) lists the demo's partnerships; the token's last use shows; once revoked, the
// same line is refused.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { navigate, signIn } from "./helpers";

const SLUG = "northwind";

// The README's example call, as written there (`curl ... http://localhost:3000/api/v1/partnerships`).
function readmeCurl(baseURL: string): string {
  const readme = fs.readFileSync("README.md", "utf8");
  const line = /^curl -H "Authorization: Bearer \$TOKEN" http:\/\/localhost:3000\/api\/v1\/partnerships$/m.exec(readme)?.[0];
  if (!line) throw new Error("The README's REST API section has no curl example for /api/v1/partnerships.");
  return line.replace("http://localhost:3000", baseURL);
}

// Runs the line in a shell with TOKEN set, as a person would after copying the token: the answer's
// status and body.
function run(line: string, token: string) {
  const out = execFileSync("sh", ["-c", `${line} -s -w '\\n%{http_code}'`], { env: { ...process.env, TOKEN: token }, encoding: "utf8" });
  const at = out.lastIndexOf("\n");
  return { status: Number(out.slice(at + 1)), body: JSON.parse(out.slice(0, at)) as Record<string, unknown> };
}

test("an admin makes an API token, sees it once, and the README's curl example works with it", async ({ page, baseURL }) => {
  const curl = readmeCurl(baseURL!);
  await signIn(page, "admin@northwind.test");
  await navigate(page, SLUG, "API tokens", "admin/api-tokens");
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();

  await page.getByLabel("Name").fill("Board report");
  await page.getByRole("radio", { name: /^Read Reads/ }).check();
  await page.getByLabel("Acts as").selectOption({ label: "Executive" });
  await page.getByRole("button", { name: "Make token" }).click();

  const shown = page.getByLabel("API token", { exact: true });
  await expect(shown).toHaveValue(/^ph_[A-Za-z0-9_-]{43}$/);
  const token = await shown.inputValue();
  await expect(page.getByText("it is shown only this once")).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "Board report" });
  await expect(row).toContainText("Read, as Executive");
  await expect(row).toContainText("Never");

  const answer = run(curl, token);
  expect(answer.status).toBe(200);
  const names = (answer.body.items as { name: string }[]).map((p) => p.name);
  expect(names).toContain("Globex Cloud Resale");

  // Shown once: after a reload only its first characters are listed, now with its last use.
  await page.reload();
  await expect(page.getByLabel("API token", { exact: true })).toHaveCount(0);
  await expect(page.getByText(token)).toHaveCount(0);
  await expect(row).toContainText(token.slice(0, 9));
  await expect(row).not.toContainText("Never");

  await row.getByRole("button", { name: "Revoke the API token Board report" }).click();
  await page.getByRole("button", { name: "Revoke token" }).click();
  await expect(row).toContainText("Revoked");
  const refused = run(curl, token);
  expect(refused.status).toBe(401);
  expect(refused.body.code).toBe("UNAUTHORIZED");
});
