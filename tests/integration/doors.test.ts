// The doors of the HTTP API, called in-process through the route handlers themselves: another
// origin's mutations, oversized batches and bodies are refused with a clear message before
// anything is read or run; next-auth's own redirect target is only ever a path of the app.
// (The same doors through the real server and browser: tests/e2e/doors.spec.ts.)
import { NextRequest } from "next/server";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import * as authRoute from "../../app/api/auth/[...nextauth]/route";
import * as trpcRoute from "../../app/api/trpc/[trpc]/route";
import { authOptions } from "../../server/auth";
import { apiRoute } from "../../server/http/api-route";
import { AUTH_MAX_BODY_BYTES, TRPC_MAX_BATCH, TRPC_MAX_BODY_BYTES } from "../../server/http/limits";
import { batchSize } from "../../server/trpc/http-door";
import { db } from "./helpers";

const BASE = "http://app.test:3000";
const SAME = { host: "app.test:3000", origin: BASE, "x-forwarded-for": "198.51.100.7" };
const noContext = { params: Promise.resolve({ trpc: "" }) };

// A body that streams `total` bytes in 64 KB chunks, without Content-Length, counting what the
// server pulls from it.
function meteredBody(total: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  const meter = { pulled: 0 };
  // highWaterMark 0: nothing is pulled ahead of a read, so `pulled` is exactly what was read.
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (meter.pulled >= total) return controller.close();
        meter.pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, meter };
}

const post = (path: string, init: { headers?: Record<string, string>; body?: BodyInit | ReadableStream<Uint8Array> | null }) =>
  new NextRequest(`${BASE}${path}`, {
    method: "POST",
    headers: { ...SAME, "content-type": "application/json", ...init.headers },
    body: init.body ?? null,
    ...(init.body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as ConstructorParameters<typeof NextRequest>[1]);

// A refusal as the app's tRPC client reads it.
async function trpcError(response: Response) {
  const json = (await response.json()) as { error: { json: { message: string; data: { code: string; httpStatus: number } } } };
  return superjson.deserialize<{ message: string; data: { code: string; httpStatus: number } }>(json.error);
}

describe("/api/trpc", () => {
  it("refuses a batch of more than TRPC_MAX_BATCH calls with 400, by GET and by POST, before any runs", async () => {
    const paths = Array.from({ length: 50 }, () => "portfolio.overview").join(",");
    const inputs = JSON.stringify(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [i, { json: { workspaceSlug: "x" } }])));
    const get = await trpcRoute.GET(
      new NextRequest(`${BASE}/api/trpc/${paths}?batch=1&input=${encodeURIComponent(inputs)}`, { headers: SAME }),
      noContext,
    );
    expect(get.status).toBe(400);
    const error = await trpcError(get);
    expect(error.message).toBe(
      `A request may hold at most ${TRPC_MAX_BATCH} calls; this one held 50. Nothing was run: send them in smaller batches.`,
    );
    expect(error.data).toMatchObject({ code: "BAD_REQUEST", httpStatus: 400 });

    const { stream, meter } = meteredBody(10 * 1024);
    const viaPost = await trpcRoute.POST(post(`/api/trpc/${paths.replaceAll(",", "%2C")}?batch=1`, { body: stream }), noContext);
    expect(viaPost.status).toBe(400);
    expect((await trpcError(viaPost)).message).toMatch(/this one held 50/);
    expect(meter.pulled).toBe(0);
  });

  it("counts the calls of a batch as tRPC does", () => {
    const url = (path: string) => new URL(`${BASE}${path}`);
    expect(batchSize(url("/api/trpc/a.b,c.d?batch=1"))).toBe(2);
    expect(batchSize(url("/api/trpc/a.b%2Cc.d%2Ce.f?batch=1"))).toBe(3);
    expect(batchSize(url("/api/trpc/a.b,c.d"))).toBe(1);
    expect(batchSize(url(`/api/trpc/${Array(TRPC_MAX_BATCH).fill("a.b").join(",")}?batch=1`))).toBe(TRPC_MAX_BATCH);
    expect(batchSize(url("/api/trpc/%E0%A4%A?batch=1"))).toBeNull();
  });

  it("refuses a declared body over the limit with 413 without reading a byte of it", async () => {
    const { stream, meter } = meteredBody(5 * 1024 * 1024);
    const response = await trpcRoute.POST(
      post("/api/trpc/response.submit", { body: stream, headers: { "content-length": String(5 * 1024 * 1024) } }),
      noContext,
    );
    expect(response.status).toBe(413);
    expect(response.headers.get("connection")).toBe("close");
    const error = await trpcError(response);
    expect(error.message).toBe("This request is larger than the 1 MB the server accepts, so it was refused and nothing was saved.");
    expect(error.data).toMatchObject({ code: "PAYLOAD_TOO_LARGE", httpStatus: 413 });
    expect(meter.pulled).toBe(0);
  });

  it("refuses a streamed (chunked) body at the first chunk past the limit, never reading the rest", async () => {
    const { stream, meter } = meteredBody(5 * 1024 * 1024);
    const response = await trpcRoute.POST(post("/api/trpc/response.submit", { body: stream }), noContext);
    expect(response.status).toBe(413);
    // Up to the first chunk past the limit, and not one more.
    expect(meter.pulled).toBeGreaterThan(TRPC_MAX_BODY_BYTES);
    expect(meter.pulled).toBeLessThanOrEqual(TRPC_MAX_BODY_BYTES + 64 * 1024);
  });

  it("refuses a mutation from another origin with 403, before reading its body or running it", async () => {
    const before = await db().workspace.count();
    const { stream, meter } = meteredBody(1024);
    const response = await trpcRoute.POST(
      post("/api/trpc/workspace.signUp", { body: stream, headers: { origin: "https://evil.test" } }),
      noContext,
    );
    expect(response.status).toBe(403);
    const error = await trpcError(response);
    expect(error.message).toBe(
      "This request came from another website, so it was refused and nothing changed. Open the app itself and try again there.",
    );
    expect(error.data).toMatchObject({ code: "FORBIDDEN", httpStatus: 403 });
    expect(meter.pulled).toBe(0);
    expect(await db().workspace.count()).toBe(before);
    const refused: Record<string, string>[] = [
      { origin: "null" },
      { origin: "http://app.test:3001" },
      { origin: "", "sec-fetch-site": "cross-site" },
      { origin: "", referer: "https://evil.test/" },
    ];
    for (const headers of refused) {
      const r = await trpcRoute.POST(post("/api/trpc/workspace.signUp", { body: "{}", headers }), noContext);
      expect(r.status, JSON.stringify(headers)).toBe(403);
    }
  });

  it("puts the security headers on its refusals", async () => {
    const response = await trpcRoute.POST(
      post("/api/trpc/workspace.signUp", { body: "{}", headers: { origin: "https://evil.test" } }),
      noContext,
    );
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });
});

describe("/api/auth (next-auth)", () => {
  const context = { params: Promise.resolve({ nextauth: ["signout"] }) };

  it("refuses a sign-out or sign-in posted from another origin with 403 JSON", async () => {
    for (const path of ["/api/auth/signout", "/api/auth/callback/credentials"]) {
      const response = await authRoute.POST(
        post(path, {
          body: "csrfToken=x&json=true",
          headers: { origin: "https://evil.test", "content-type": "application/x-www-form-urlencoded" },
        }),
        context,
      );
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        error: {
          code: "FORBIDDEN",
          message:
            "This request came from another website, so it was refused and nothing changed. Open the app itself and try again there.",
        },
      });
    }
  });

  it("refuses a body over its limit with 413", async () => {
    const response = await authRoute.POST(
      post("/api/auth/callback/credentials", {
        body: "x".repeat(AUTH_MAX_BODY_BYTES + 1),
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
      context,
    );
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/larger than the 64 KB/);
  });

  describe("the redirect callback: only a path of this app", () => {
    const baseUrl = "http://localhost:3000";
    const redirect = (url: string) => authOptions.callbacks!.redirect!({ url, baseUrl });

    it.each([
      "/\\evil.test",
      "/%5Cevil.test",
      "/%09/evil.test",
      "//evil.test",
      "https://evil.test",
      "https://evil.test/w",
      "javascript:alert(1)",
      "/%2F%2Fevil.test",
    ])("sends %j to the app's root", async (url) => {
      expect(await redirect(url)).toBe(`${baseUrl}/`);
    });

    it("keeps the app's own paths and absolute URLs", async () => {
      expect(await redirect("/w/northwind/portfolio?band=watch")).toBe(`${baseUrl}/w/northwind/portfolio?band=watch`);
      expect(await redirect(`${baseUrl}/signin`)).toBe(`${baseUrl}/signin`);
    });
  });
});

describe("apiRoute (the door every API route is built with)", () => {
  it("hands the handler the whole body when it fits, chunked or not, and headers on the answer", async () => {
    const seen: { text: string; method: string; path: string }[] = [];
    const handler = apiRoute(
      async (request: NextRequest) => {
        seen.push({ text: await request.text(), method: request.method, path: request.nextUrl.pathname });
        const response = new Response("ok", { status: 201 });
        response.headers.append("set-cookie", "a=1; Path=/");
        response.headers.append("set-cookie", "b=2; Path=/");
        return response;
      },
      { maxBodyBytes: 200_000 },
    );
    const { stream } = meteredBody(128 * 1024);
    const response = await handler(post("/api/thing", { body: stream }), {});
    expect(response.status).toBe(201);
    expect(seen).toEqual([{ text: "a".repeat(128 * 1024), method: "POST", path: "/api/thing" }]);
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("permissions-policy")).toContain("camera=()");
  });

  it("lets a request with no browser page named through, and a GET from anywhere", async () => {
    const handler = apiRoute(async () => new Response("ok"), { maxBodyBytes: 10 });
    const bare = new NextRequest(`${BASE}/api/thing`, { method: "POST", headers: { host: "app.test:3000" }, body: "{}" });
    expect((await handler(bare, {})).status).toBe(200);
    const get = new NextRequest(`${BASE}/api/thing`, { headers: { host: "app.test:3000", origin: "https://evil.test" } });
    expect((await handler(get, {})).status).toBe(200);
  });

  it("refuses a Content-Length that is no number", async () => {
    const handler = apiRoute(async () => new Response("ok"), { maxBodyBytes: 10 });
    const response = await handler(post("/api/thing", { body: "{}", headers: { "content-length": "12abc" } }), {});
    expect(response.status).toBe(400);
  });
});
