// Slack and Teams in a real browser: an admin connects Slack to a receiver on loopback (the browser
// tests' app runs with WEBHOOKS_ALLOW_PRIVATE=1), sees only the address's hint afterwards, sends a
// test message that arrives as Block Kit, and reads in words why a refused one was not sent.
// (The day's overdue-actions digest of the demo arrives too: the demo's jobs run every 2 s.)
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { navigate, signIn } from "./helpers";

const SLUG = "northwind";

test("an admin connects Slack, sends a test message, and reads why a refused one was not sent", async ({ page }) => {
  const received: Record<string, unknown>[] = [];
  let refuse = false;
  const receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push(JSON.parse(body) as Record<string, unknown>);
      res.writeHead(refuse ? 404 : 200, { "content-type": "text/plain" }).end(refuse ? "no_service" : "ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/services/T000/B000/secretXYZ9`;

  try {
    await signIn(page, "admin@northwind.test");
    await navigate(page, SLUG, "Integrations", "admin/integrations");
    await expect(page.getByRole("heading", { level: 1, name: "Integrations" })).toBeVisible();

    const slack = page.getByRole("region", { name: "Slack" });
    await slack.getByLabel("Slack incoming webhook address").fill(url);
    await slack.getByRole("button", { name: "Save" }).click();
    await expect(slack).toContainText(/Posting to 127\.0\.0\.1:\d+\/…XYZ9/);
    await expect(page.locator("body")).not.toContainText("secretXYZ9");
    await expect(slack).toContainText("Nothing sent yet.");

    await slack.getByRole("button", { name: "Send a test message" }).click();
    await expect(slack.getByRole("status")).toContainText("Sent: Slack accepted the test message (HTTP 200)");
    // The demo has overdue actions, so the day's digest may arrive beside it (the jobs run every 2 s).
    const tests = received.filter((r) => JSON.stringify(r).includes("Test message from Partnership Health"));
    expect(tests).toHaveLength(1);
    expect((tests[0]!.blocks as { type: string }[]).map((b) => b.type)).toEqual(["header", "section", "context", "actions"]);
    await expect(slack).toContainText("Last sent");

    refuse = true;
    await slack.getByRole("button", { name: "Send a test message" }).click();
    await expect(slack.getByRole("alert")).toContainText("Not sent: Slack answered 404: no_service");
    await expect(slack).toContainText(/Failed .*: Slack answered 404: no_service/);

    await slack.getByRole("button", { name: "Disconnect Slack" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Disconnect" }).click();
    await expect(slack).toContainText("Not connected.");
  } finally {
    await new Promise((resolve) => receiver.close(resolve));
  }
});
