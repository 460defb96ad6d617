// Webhooks in a real browser: an admin adds an endpoint aimed at a receiver on loopback (the
// browser tests run with WEBHOOKS_ALLOW_PRIVATE=1), sees its signing secret once, sends a test
// event, and finds it delivered in the endpoint's log; the receiver checks its signature with the
// `standardwebhooks` library, and "Redeliver" sends the same message again.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { navigate, signIn } from "./helpers";

const SLUG = "northwind";

interface Received {
  id: string;
  body: string;
  headers: Record<string, string>;
}

test("an admin adds an endpoint, sees its secret once, sends a test event and finds it delivered", async ({ page }) => {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      received.push({ id: headers["webhook-id"] ?? "", body: Buffer.concat(chunks).toString("utf8"), headers });
      res.writeHead(200, { "content-type": "text/plain" }).end("received");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;

  try {
    await signIn(page, "admin@northwind.test");
    await navigate(page, SLUG, "Webhooks", "admin/webhooks");
    await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();

    await page.getByLabel("Endpoint URL").fill(url);
    await page.getByLabel("Description").fill("Loopback receiver");
    await page.getByRole("checkbox", { name: /Cycle opened/ }).check();
    await page.getByRole("checkbox", { name: /Alert raised/ }).check();
    await page.getByRole("button", { name: "Add endpoint" }).click();

    const shown = page.getByLabel("Signing secret", { exact: true });
    await expect(shown).toHaveValue(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const secret = await shown.inputValue();
    await expect(page.getByText("it is shown only this once")).toBeVisible();
    const endpoint = page.getByRole("listitem").filter({ hasText: url });
    await expect(endpoint).toContainText("Cycle opened, Alert raised");

    // Shown once: after a reload it is nowhere on the page.
    await page.reload();
    await expect(page.getByLabel("Signing secret", { exact: true })).toHaveCount(0);
    await expect(page.getByText(secret)).toHaveCount(0);

    await endpoint.getByRole("button", { name: "Send test event" }).click();
    await expect(endpoint.getByText("Test event queued")).toBeVisible();
    await endpoint.getByRole("link", { name: "Delivery log" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Delivery log" })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: "webhook.ping" });
    await expect(row).toContainText("Delivered", { timeout: 30_000 });
    await expect(row).toContainText("HTTP 200");

    expect(received).toHaveLength(1);
    const event = new Webhook(secret).verify(received[0]!.body, received[0]!.headers) as { type: string; workspace: { slug: string } };
    expect(event).toMatchObject({ type: "webhook.ping", workspace: { slug: SLUG } });

    // Redeliver: the same message again, signed afresh.
    await row.getByRole("button", { name: "Redeliver" }).click();
    await expect.poll(() => received.length, { timeout: 30_000 }).toBe(2);
    expect(received[1]!.id).toBe(received[0]!.id);
    expect(() => new Webhook(secret).verify(received[1]!.body, received[1]!.headers)).not.toThrow();
    await expect(row).toContainText("2 attempts", { timeout: 30_000 });
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
