// The doors, as a browser and an attacker meet them on the real server (server/cli/serve.ts in
// front of the built app): security headers with a per-request script nonce on every response and
// pages that still render, hydrate and work under that policy; redirect targets that never leave
// the site; mutations from another origin refused; tRPC batches and bodies bounded; and the
// client address taken from the socket, not from a forged X-Forwarded-For.
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, navigate, signIn } from "./helpers";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE = `http://localhost:${PORT}`;
// The playwright config lists this loopback address in TRUSTED_PROXIES: requests sent from it play
// the part of a TLS-terminating proxy in front of the app.
const TRUSTED_PROXY = "127.0.0.3";
const CROSS_ORIGIN_MESSAGE =
  "This request came from another website, so it was refused and nothing changed. Open the app itself and try again there.";

// Everything the browser says about the policy, and every script error, on every page of a test.
async function watchPolicy(page: Page) {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.on("console", (message) => {
    // The not-found page answers 404 on purpose; Chromium logs that as a failed load.
    if (/Failed to load resource: the server responded with a status of 404/.test(message.text())) return;
    if (message.type() === "error" || /Content.Security.Policy|Permissions.Policy|Refused to/i.test(message.text())) {
      problems.push(`${page.url()}: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
  return problems;
}

function expectSecurityHeaders(response: { headers(): Record<string, string> } | null | undefined, what: string, { page = true } = {}) {
  const headers = response?.headers() ?? {};
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("object-src 'none'");
  expect(csp, what).toContain("base-uri 'self'");
  expect(csp, what).toContain("form-action 'self'");
  expect(csp, what).not.toContain("unsafe-eval");
  if (page) expect(csp, what).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'(;|$)/);
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["permissions-policy"], what).toContain("camera=()");
  expect(headers["permissions-policy"], what).toContain("microphone=()");
  expect(headers["permissions-policy"], what).toContain("geolocation=()");
  // Served over plain HTTP here, and the client is no trusted proxy: no HSTS.
  expect(headers["strict-transport-security"], what).toBeUndefined();
  return csp;
}

// A request from Node's own HTTP client, so the source address and every header are ours to choose.
function raw(options: { path: string; method?: string; headers?: Record<string, string>; body?: string; from?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: PORT,
        path: options.path,
        method: options.method ?? "GET",
        localAddress: options.from,
        headers: { host: `localhost:${PORT}`, ...options.headers },
      },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

test.describe("security headers and the script nonce", () => {
  test("every page, download, static file and API answer carries them; the nonce is new each time and on every script", async ({
    page,
  }) => {
    const first = await page.request.get("/signin");
    const csp = expectSecurityHeaders(first, "/signin");
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(3);
    for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`);
    const second = expectSecurityHeaders(await page.request.get("/signin"), "/signin again");
    expect(/'nonce-([^']+)'/.exec(second)![1]).not.toBe(nonce);

    expectSecurityHeaders(await page.request.get("/no-such-page"), "a 404 page");
    const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)![1]!;
    expectSecurityHeaders(await page.request.get(asset), "a static script");
    expectSecurityHeaders(await page.request.get("/api/auth/session"), "next-auth's session", { page: false });
    const trpc = await page.request.get("/api/trpc/workspace.mine");
    expectSecurityHeaders(trpc, "a tRPC answer", { page: false });
    expect(trpc.headers()["content-security-policy"]).toContain("script-src 'none'");

    await signIn(page, "admin@northwind.test");
    expectSecurityHeaders(await page.request.get("/w/northwind/portfolio/export"), "a CSV download");
  });

  test("HSTS and upgrade-insecure-requests only when a trusted proxy says the browser used HTTPS", async () => {
    const viaProxy = await raw({
      path: "/signin",
      from: TRUSTED_PROXY,
      headers: { "x-forwarded-proto": "https", "x-forwarded-for": "198.51.100.30" },
    });
    expect(viaProxy.headers["strict-transport-security"]).toBe("max-age=31536000");
    expect(viaProxy.headers["content-security-policy"]).toContain("upgrade-insecure-requests");
    // The same claim from anyone else is ignored.
    const forged = await raw({ path: "/signin", headers: { "x-forwarded-proto": "https" } });
    expect(forged.headers["strict-transport-security"]).toBeUndefined();
    expect(forged.headers["content-security-policy"]).not.toContain("upgrade-insecure-requests");
  });

  test("pages render, hydrate and work signed out and signed in, without one policy violation", async ({ page }) => {
    test.slow();
    const problems = await watchPolicy(page);
    for (const path of ["/signin", "/signup", "/no-such-page"]) {
      const response = await page.goto(path);
      expectSecurityHeaders(response, path);
    }
    // Client-side code at work: the form signs in through next-auth's fetch, then navigates.
    await signIn(page, "admin@northwind.test");
    await page.goto("/w/northwind/portfolio");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator(".recharts-surface").first()).toBeVisible();
    await navigate(page, "northwind", "Partnerships", "partnerships");
    await page.getByRole("main").getByRole("link", { name: "Globex Cloud Resale", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Globex Cloud Resale");
    await expect(page.locator(".recharts-surface").first()).toBeVisible();
    for (const path of [
      "/w/northwind/surveys",
      "/w/northwind/cycles",
      "/w/northwind/framework",
      "/w/northwind/admin/members",
      "/workspaces",
    ]) {
      expectSecurityHeaders(await page.goto(path), path);
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    }
    // A Radix menu (client state, portals, inline positioning styles), then next-auth's sign-out
    // POST and its redirect callback, back to the sign-in page of this site.
    await page.goto("/w/northwind/portfolio");
    await page.getByRole("button", { name: /^Account menu: / }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(`${BASE}/signin`);
    expect(problems).toEqual([]);
  });
});

test.describe("redirect targets", () => {
  // Each form of the issue, as it would sit in a link's address.
  const HOSTILE = [
    "/%5Cevil.test",
    "/\\evil.test",
    "/%09/evil.test",
    "//evil.test",
    "https://evil.test",
    "/%2F%2Fevil.test",
    "javascript:alert(1)",
  ];
  const inLink = (target: string) => `/signin?callbackUrl=${target.startsWith("/%") ? target : encodeURIComponent(target)}`;

  test("the sign-in page's server redirect keeps a signed-in browser on the site", async ({ page }) => {
    test.slow();
    await signIn(page, "manager@northwind.test");
    for (const target of HOSTILE) {
      const response = await page.request.get(inLink(target), { maxRedirects: 0 });
      expect(response.status(), target).toBe(307);
      expect(response.headers().location, target).toBe("/");
      await page.goto(inLink(target));
      expect(new URL(page.url()).origin, target).toBe(BASE);
    }
    // A path of the app is kept.
    const kept = await page.request.get(`/signin?callbackUrl=${encodeURIComponent("/w/northwind/surveys")}`, { maxRedirects: 0 });
    expect(kept.headers().location).toBe("/w/northwind/surveys");
  });

  test("the sign-in form sends nobody off the site after signing in", async ({ page }) => {
    for (const target of ["/%5Cevil.test", "/%09/evil.test", "//evil.test"]) {
      await page.context().clearCookies();
      await page.goto(inLink(target));
      await page.getByLabel("Email").fill("manager@northwind.test");
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page).toHaveURL(/\/w\/northwind\//);
      expect(new URL(page.url()).origin, target).toBe(BASE);
    }
  });

  test("next-auth's own callback answers with a URL of the site, whatever callbackUrl it was given", async ({ page }) => {
    for (const callbackUrl of ["https://evil.test/x", "//evil.test", "/\\evil.test", "/%09/evil.test"]) {
      const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
      const response = await page.request.post("/api/auth/callback/credentials", {
        form: { email: "manager@northwind.test", password: DEMO_PASSWORD, csrfToken, callbackUrl, json: "true" },
      });
      expect(response.status(), callbackUrl).toBe(200);
      const { url } = (await response.json()) as { url: string };
      expect(url, callbackUrl).toBe(`${BASE}/`);
    }
  });
});

test.describe("mutations from another origin", () => {
  test("a page of another origin cannot make the signed-in browser change anything", async ({ page }) => {
    // A hostile page on another port of the same host: another origin but the same site, where
    // the session cookie's SameSite=Lax is no defence; the origin check is.
    const hostile = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<!doctype html><title>Win a prize</title><p>Hello</p>");
    });
    await new Promise<void>((resolve) => hostile.listen(0, "127.0.0.1", resolve));
    try {
      await signIn(page, "admin@northwind.test");
      await page.goto(`http://localhost:${(hostile.address() as AddressInfo).port}/`);
      const answer = page.waitForResponse((r) => r.url().startsWith(`${BASE}/api/trpc/workspace.create`));
      await page.evaluate(async (base) => {
        // A "simple" request, as a hostile page or form sends it: no preflight stops it.
        await fetch(`${base}/api/trpc/workspace.create`, {
          method: "POST",
          mode: "no-cors",
          credentials: "include",
          headers: { "content-type": "text/plain" },
          body: JSON.stringify({ json: { name: "Hijacked", slug: "hijacked-by-csrf" } }),
        });
      }, BASE);
      const refused = await answer;
      expect(refused.status()).toBe(403);
    } finally {
      hostile.close();
    }
    expect((await page.goto("/w/hijacked-by-csrf"))?.status()).toBe(404);
    // The same browser on the site itself is served.
    await page.goto("/w/northwind/portfolio");
    const own = await page.evaluate(async () => (await fetch("/api/trpc/workspace.mine")).status);
    expect(own).toBe(200);
  });

  test("tRPC and next-auth refuse a POST whose Origin is another site, with the reason", async ({ page }) => {
    const trpc = await page.request.post("/api/trpc/workspace.signUp", {
      headers: { origin: "https://evil.test", "content-type": "application/json" },
      data: { json: {} },
    });
    expect(trpc.status()).toBe(403);
    expect(((await trpc.json()) as { error: { json: { message: string } } }).error.json.message).toBe(CROSS_ORIGIN_MESSAGE);
    const signOut = await page.request.post("/api/auth/signout", { headers: { origin: "https://evil.test" }, form: { csrfToken: "x" } });
    expect(signOut.status()).toBe(403);
    expect(await signOut.json()).toEqual({ error: { code: "FORBIDDEN", message: CROSS_ORIGIN_MESSAGE } });
    const page403 = await page.request.post("/signin", { headers: { origin: "https://evil.test" }, form: { a: "b" } });
    expect(page403.status()).toBe(403);
  });
});

test.describe("tRPC batches and bodies", () => {
  const batch = (n: number) => {
    const paths = Array.from({ length: n }, () => "workspace.mine").join(",");
    const input = encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { json: null }]))));
    return `/api/trpc/${paths}?batch=1&input=${input}`;
  };

  test("a batch of 50 reads is refused with 400 before any runs; 10 are served", async ({ page }) => {
    await signIn(page, "exec@northwind.test");
    const fifty = await page.request.get(batch(50));
    expect(fifty.status()).toBe(400);
    expect(((await fifty.json()) as { error: { json: { message: string } } }).error.json.message).toBe(
      "A request may hold at most 10 calls; this one held 50. Nothing was run: send them in smaller batches.",
    );
    const ten = await page.request.get(batch(10));
    expect(ten.status()).toBe(200);
    expect((await ten.json()) as unknown[]).toHaveLength(10);
  });

  test("a 5 MB body is refused with 413 from its Content-Length, before it is read", async () => {
    // Only the headers are sent, announcing 5 MB: the answer must come without a byte of the body.
    // (Sending the body too races the server closing the socket after its answer: EPIPE.)
    const started = Date.now();
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(PORT, "127.0.0.1");
      let received = "";
      socket.on("data", (data: Buffer) => {
        received += data.toString();
        if (/\r\n\r\n[\s\S]*\}\s*$/.test(received)) socket.end();
      });
      socket.on("close", () => resolve(received));
      socket.on("error", (error) => (received ? resolve(received) : reject(error)));
      socket.setTimeout(10_000, () => socket.destroy());
      socket.write(
        `POST /api/trpc/response.submit HTTP/1.1\r\nHost: localhost:${PORT}\r\nContent-Type: application/json\r\nContent-Length: ${5 * 1024 * 1024}\r\n\r\n`,
      );
    });
    expect(answer.split("\r\n")[0]).toBe("HTTP/1.1 413 Payload Too Large");
    expect(answer).toContain("This request is larger than the 1 MB the server accepts, so it was refused and nothing was saved.");
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test("a streamed body without Content-Length is cut off soon after the limit, not read to its end", async () => {
    // A chunked upload of up to 64 MB, written at a steady pace on a raw socket, stopping as soon
    // as an answer comes.
    const total = 64 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const result = await new Promise<{ statusLine: string; written: number }>((resolve, reject) => {
      const socket = net.connect(PORT, "127.0.0.1");
      let written = 0;
      let received = "";
      socket.on("data", (data: Buffer) => (received += data.toString()));
      socket.on("close", () => resolve({ statusLine: received.split("\r\n")[0] ?? "", written }));
      socket.on("error", (error) => (received ? undefined : reject(error)));
      socket.write(
        `POST /api/trpc/response.submit HTTP/1.1\r\nHost: localhost:${PORT}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
      );
      void (async () => {
        while (!received && written < total && !socket.destroyed) {
          written += chunk.length;
          const flowing = socket.write(`${chunk.length.toString(16)}\r\n${chunk.toString()}\r\n`);
          await new Promise((r) => (flowing ? setTimeout(r, 10) : socket.once("drain", r)));
        }
      })();
    });
    expect(result.statusLine).toBe("HTTP/1.1 413 Payload Too Large");
    // The app read its 1 MB and answered; the connection closed long before the 64 MB.
    expect(result.written).toBeGreaterThan(1024 * 1024);
    expect(result.written).toBeLessThan(16 * 1024 * 1024);
  });
});

test.describe("the client address", () => {
  test("guesses from one address forging X-Forwarded-For are delayed there and never lock the owner out elsewhere", async ({ page }) => {
    const email = "exec@northwind.test";
    const ATTACKER = "127.0.0.2";
    // The attacker (from 127.0.0.2) guesses, each time claiming to be the owner's 127.0.0.1.
    const guess = async () => {
      const csrf = await raw({ path: "/api/auth/csrf", from: ATTACKER });
      const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
      const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
      const body = new URLSearchParams({ email, password: "not-the-password", csrfToken, json: "true" }).toString();
      const answer = await raw({
        path: "/api/auth/callback/credentials",
        method: "POST",
        from: ATTACKER,
        headers: { cookie, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "127.0.0.1" },
        body,
      });
      return new URL((JSON.parse(answer.text) as { url: string }).url).searchParams.get("error");
    };
    const errors: (string | null)[] = [];
    for (let i = 0; i < 8; i++) {
      errors.push(await guess());
      if (errors.at(-1) !== "Wrong email or password.") break;
    }
    expect(errors.slice(0, 4)).toEqual(Array(4).fill("Wrong email or password."));
    expect(errors.at(-1)).toMatch(/^Too many failed sign-in attempts from here\. Try again in /);
    // The owner, at 127.0.0.1, signs in at once.
    await signIn(page, email);
  });

  test("a trusted proxy's X-Forwarded-For is believed: the address it reports is throttled, not the proxy", async () => {
    const email = "partner@globex.test";
    const guess = async (client: string) => {
      const csrf = await raw({ path: "/api/auth/csrf", from: TRUSTED_PROXY, headers: { "x-forwarded-for": client } });
      const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
      const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
      const answer = await raw({
        path: "/api/auth/callback/credentials",
        method: "POST",
        from: TRUSTED_PROXY,
        headers: { cookie, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": client },
        body: new URLSearchParams({ email, password: "not-the-password", csrfToken, json: "true" }).toString(),
      });
      return new URL((JSON.parse(answer.text) as { url: string }).url).searchParams.get("error");
    };
    const errors: (string | null)[] = [];
    for (let i = 0; i < 8; i++) {
      errors.push(await guess("198.51.100.40"));
      if (errors.at(-1) !== "Wrong email or password.") break;
    }
    expect(errors.at(-1)).toMatch(/^Too many failed sign-in attempts from here/);
    // Another client behind the same proxy is a different address: not delayed.
    expect(await guess("198.51.100.41")).toBe("Wrong email or password.");
  });
});
