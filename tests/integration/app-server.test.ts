// The app server on a real loopback socket: the address the app sees is the socket's peer, not
// whatever X-Forwarded-For a client writes, unless the peer is a trusted proxy. Loopback has a
// whole /8, so clients here bind to 127.0.0.2 (the attacker), 127.0.0.3 (the owner) and
// 127.0.0.4 (a proxy). The handler signs in exactly as next-auth's credentials provider does
// (server/auth.ts): authenticate() with clientAddress() of the request's headers.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, TEST_PASSWORD } from "../../prisma/factories";
import { env } from "../../server/env";
import { createAppServer } from "../../server/http/app-server";
import { clientAddress } from "../../server/http/client-address";
import { authenticate, WRONG_CREDENTIALS } from "../../server/services/authenticate";
import { db, appDb } from "./helpers";

const ATTACKER = "127.0.0.2";
const OWNER = "127.0.0.3";
const PROXY = "127.0.0.4";

async function readJson(req: http.IncomingMessage): Promise<Record<string, string>> {
  let text = "";
  for await (const chunk of req) text += chunk;
  return text ? (JSON.parse(text) as Record<string, string>) : {};
}

// What the app sees: the address, and the outcome of a sign-in when the request carries one.
const app = async (req: http.IncomingMessage, res: http.ServerResponse) => {
  const address = clientAddress(req.headers);
  const body = await readJson(req);
  let outcome = "no sign-in";
  if (body.email) {
    outcome = await authenticate(appDb(), { email: body.email, password: body.password ?? "" }, address).then(
      () => "signed in",
      (error: Error) => error.message,
    );
  }
  res.writeHead(200, { "Content-Type": "application/json" });
  res.end(JSON.stringify({ address, outcome, forwardedHost: req.headers["x-forwarded-host"] ?? null }));
};

let server: http.Server;
let port: number;

beforeAll(async () => {
  server = createAppServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function send(from: string, headers: Record<string, string> = {}, body?: object) {
  return new Promise<{ address: string | null; outcome: string; forwardedHost: string | null }>((resolve, reject) => {
    const payload = body ? JSON.stringify(body) : "";
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/",
        localAddress: from,
        headers: { ...headers, "content-type": "application/json" },
      },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () => resolve(JSON.parse(text)));
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

describe("the app server (server/http/app-server.ts, behind server/cli/serve.ts)", () => {
  it("tells the app the socket's peer, whatever X-Forwarded-For the client writes", async () => {
    expect((await send(ATTACKER)).address).toBe(ATTACKER);
    expect((await send(ATTACKER, { "x-forwarded-for": OWNER })).address).toBe(ATTACKER);
    expect((await send(ATTACKER, { "x-forwarded-for": `203.0.113.5, ${OWNER}` })).address).toBe(ATTACKER);
    expect((await send(ATTACKER, { "x-forwarded-for": "garbage" })).address).toBe(ATTACKER);
  });

  it("drops a forged X-Forwarded-Host from a peer that is no trusted proxy", async () => {
    expect((await send(ATTACKER, { "x-forwarded-host": "evil.test" })).forwardedHost).toBeNull();
  });

  it("an attacker forging X-Forwarded-For neither escapes its own delays nor locks the owner out", async () => {
    const user = await createUser(db());
    const wrong = (forged: string) => send(ATTACKER, { "x-forwarded-for": forged }, { email: user.email, password: "wrong-password" });
    // Each guess claims another address, the owner's among them; all count against the attacker's
    // socket: three free failures, then the waits begin (1 s, 2 s, ... from the last failure).
    const forged = [OWNER, "203.0.113.1", "203.0.113.2", OWNER, "203.0.113.3", OWNER, "203.0.113.4", OWNER];
    const outcomes: string[] = [];
    for (const f of forged) {
      const { outcome } = await wrong(f);
      outcomes.push(outcome);
      if (outcome !== WRONG_CREDENTIALS) break;
    }
    expect(outcomes.slice(0, 4)).toEqual([WRONG_CREDENTIALS, WRONG_CREDENTIALS, WRONG_CREDENTIALS, WRONG_CREDENTIALS]);
    expect(outcomes.at(-1)).toMatch(/^Too many failed sign-in attempts from here\. Try again in /);
    // Even the right password waits, from the attacker's socket...
    expect((await send(ATTACKER, { "x-forwarded-for": OWNER }, { email: user.email, password: TEST_PASSWORD })).outcome).toMatch(
      /^Too many failed sign-in attempts/,
    );
    // ...while the owner, at their own address, signs in at once.
    expect(await send(OWNER, {}, { email: user.email, password: TEST_PASSWORD })).toMatchObject({ address: OWNER, outcome: "signed in" });
    const failures = await db().accountAuditEvent.findMany({ where: { userId: user.id, action: "signin.failed" } });
    expect(new Set(failures.map((f) => f.address))).toEqual(new Set([ATTACKER]));
  });

  describe("with TRUSTED_PROXIES", () => {
    const saved = env.TRUSTED_PROXIES;
    let proxied: http.Server;
    let proxiedPort: number;
    beforeAll(async () => {
      env.TRUSTED_PROXIES = `${PROXY}, 10.0.0.0/8`;
      proxied = createAppServer(app);
      await new Promise<void>((resolve) => proxied.listen(0, "127.0.0.1", resolve));
      proxiedPort = (proxied.address() as AddressInfo).port;
    });
    afterAll(async () => {
      env.TRUSTED_PROXIES = saved;
      await new Promise<void>((resolve) => proxied.close(() => resolve()));
    });

    const via = (from: string, headers: Record<string, string>) =>
      new Promise<{ address: string | null; forwardedHost: string | null }>((resolve, reject) => {
        const req = http.request(
          { host: "127.0.0.1", port: proxiedPort, method: "POST", path: "/", localAddress: from, headers },
          (res) => {
            let text = "";
            res.on("data", (c: Buffer) => (text += c.toString()));
            res.on("end", () => resolve(JSON.parse(text)));
          },
        );
        req.on("error", reject);
        req.end();
      });

    it("believes the client address a trusted proxy reports, through a second trusted hop too", async () => {
      expect((await via(PROXY, { "x-forwarded-for": "198.51.100.23" })).address).toBe("198.51.100.23");
      // client -> edge 10.0.0.7 -> proxy 127.0.0.4 -> app
      expect((await via(PROXY, { "x-forwarded-for": "1.1.1.1, 198.51.100.23, 10.0.0.7" })).address).toBe("198.51.100.23");
      expect((await via(PROXY, { "x-forwarded-host": "health.example.com" })).forwardedHost).toBe("health.example.com");
    });

    it("still ignores the same header from anyone else", async () => {
      expect((await via(ATTACKER, { "x-forwarded-for": "198.51.100.23" })).address).toBe(ATTACKER);
      expect((await via(ATTACKER, { "x-forwarded-for": `198.51.100.23, ${PROXY}` })).address).toBe(ATTACKER);
      expect((await via(ATTACKER, { "x-forwarded-host": "health.example.com" })).forwardedHost).toBeNull();
    });
  });
});
