// A webhook receiver on loopback for tests: verifies every request with the Standard Webhooks
// reference library (its Webhook.verify) against the endpoint's secret(s), and answers with the
// status the test sets, so a test can make it fail and recover.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { onTestFinished } from "vitest";
import { Webhook } from "standardwebhooks";

export interface Received {
  at: number;
  id: string;
  headers: Record<string, string>;
  body: string;
  // What Webhook.verify returned for each secret given, or the error it threw.
  verified: Array<{ ok: true; payload: unknown } | { ok: false; error: string }>;
}

export async function startReceiver() {
  const received: Received[] = [];
  const control = { status: 200, secrets: [] as string[] };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      const verified = control.secrets.map((secret) => {
        try {
          return { ok: true as const, payload: new Webhook(secret).verify(body, headers) };
        } catch (error) {
          return { ok: false as const, error: (error as Error).message };
        }
      });
      received.push({ at: Date.now(), id: headers["webhook-id"] ?? "", headers, body, verified });
      res.writeHead(control.status, { "content-type": "text/plain" });
      res.end(control.status < 300 ? "thanks" : "receiver is down");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks`, received, control };
}
