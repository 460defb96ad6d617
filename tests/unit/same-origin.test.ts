// Which requests count as coming from the app's own pages, the origin the app is served at, and
// when the answer says HTTPS.
import { afterEach, describe, expect, it } from "vitest";
import { env } from "../../server/env";
import { appOrigins, requestOrigin, servedOverHttps } from "../../server/http/request-origin";
import { checkSameOrigin } from "../../server/http/same-origin";

// The environment is read once at start; these tests set the few values they need and put them back.
const saved = { TRUSTED_PROXIES: env.TRUSTED_PROXIES, APP_URL: env.APP_URL, NEXTAUTH_URL: env.NEXTAUTH_URL };
function configure(values: Partial<typeof saved>) {
  Object.assign(env, { TRUSTED_PROXIES: undefined, APP_URL: undefined, NEXTAUTH_URL: undefined }, values);
}
afterEach(() => Object.assign(env, saved));

// A request as it reaches the app: the app server has appended the peer to X-Forwarded-For.
const request = (headers: Record<string, string>, peer = "198.51.100.7") =>
  new Headers({ host: "app.test:3000", ...headers, "x-forwarded-for": [headers["x-forwarded-for"], peer].filter(Boolean).join(", ") });

describe("checkSameOrigin", () => {
  it("lets every safe method through, from anywhere", () => {
    configure({});
    for (const method of ["GET", "HEAD", "OPTIONS", "get"]) {
      expect(checkSameOrigin(method, request({ origin: "https://evil.test" })).allowed).toBe(true);
    }
  });

  it("accepts a mutation whose Origin is the request's own host", () => {
    configure({});
    expect(checkSameOrigin("POST", request({ origin: "http://app.test:3000" })).allowed).toBe(true);
    expect(checkSameOrigin("DELETE", request({ origin: "http://APP.test:3000" })).allowed).toBe(true);
  });

  it("refuses a mutation from another origin: another host, port or scheme, or the opaque null", () => {
    configure({});
    for (const origin of [
      "https://evil.test",
      "http://app.test:3001",
      "https://app.test:3000",
      "http://evil.app.test:3000",
      "null",
      "not a url",
    ]) {
      const verdict = checkSameOrigin("POST", request({ origin }));
      expect(verdict, origin).toMatchObject({ allowed: false });
    }
  });

  it("accepts the configured public addresses (APP_URL, NEXTAUTH_URL) whatever the Host says", () => {
    configure({ APP_URL: "https://health.example.com", NEXTAUTH_URL: "https://login.example.com/" });
    const internal = { host: "10.0.0.12:3000" };
    expect(checkSameOrigin("POST", request({ ...internal, origin: "https://health.example.com" })).allowed).toBe(true);
    expect(checkSameOrigin("POST", request({ ...internal, origin: "https://login.example.com" })).allowed).toBe(true);
    expect(checkSameOrigin("POST", request({ ...internal, origin: "http://health.example.com" })).allowed).toBe(false);
  });

  it("without Origin, reads Sec-Fetch-Site, then Referer", () => {
    configure({});
    expect(checkSameOrigin("POST", request({ "sec-fetch-site": "same-origin" })).allowed).toBe(true);
    expect(checkSameOrigin("POST", request({ "sec-fetch-site": "none" })).allowed).toBe(true);
    expect(checkSameOrigin("POST", request({ "sec-fetch-site": "cross-site" })).allowed).toBe(false);
    expect(checkSameOrigin("POST", request({ "sec-fetch-site": "same-site" })).allowed).toBe(false);
    expect(checkSameOrigin("POST", request({ referer: "http://app.test:3000/w/x/portfolio" })).allowed).toBe(true);
    expect(checkSameOrigin("POST", request({ referer: "https://evil.test/page" })).allowed).toBe(false);
    expect(checkSameOrigin("POST", request({ referer: "garbage" })).allowed).toBe(false);
  });

  it("lets a request that names no page through: no browser sent it, so no one's cookies ride on it", () => {
    configure({});
    expect(checkSameOrigin("POST", request({}))).toEqual({ allowed: true, reason: "no browser page named" });
  });

  it("believes X-Forwarded-Host and -Proto only from a trusted proxy", () => {
    configure({ TRUSTED_PROXIES: "10.0.0.0/8" });
    const forwarded = { host: "app-internal:3000", "x-forwarded-host": "health.example.com", "x-forwarded-proto": "https" };
    expect(requestOrigin(request(forwarded, "10.0.0.5"))).toBe("https://health.example.com");
    expect(checkSameOrigin("POST", request({ ...forwarded, origin: "https://health.example.com" }, "10.0.0.5")).allowed).toBe(true);
    // The same headers from anyone else: the Host is what counts.
    expect(requestOrigin(request(forwarded, "198.51.100.7"))).toBe("http://app-internal:3000");
    expect(checkSameOrigin("POST", request({ ...forwarded, origin: "https://health.example.com" }, "198.51.100.7")).allowed).toBe(false);
  });

  it("lists the configured origins first, then the request's own", () => {
    configure({ APP_URL: "https://health.example.com/some/path" });
    expect(appOrigins(request({}))).toEqual(["https://health.example.com", "http://app.test:3000"]);
    expect(appOrigins(new Headers())).toEqual(["https://health.example.com"]);
  });
});

describe("servedOverHttps", () => {
  it("is true when a trusted proxy says https, or the app is configured at an https address", () => {
    configure({ TRUSTED_PROXIES: "10.0.0.5" });
    expect(servedOverHttps(request({ "x-forwarded-proto": "https" }, "10.0.0.5"))).toBe(true);
    expect(servedOverHttps(request({ "x-forwarded-proto": "https" }, "198.51.100.7"))).toBe(false);
    expect(servedOverHttps(request({}))).toBe(false);
    configure({ NEXTAUTH_URL: "https://health.example.com" });
    expect(servedOverHttps(request({}))).toBe(true);
    configure({ NEXTAUTH_URL: "http://localhost:3000" });
    expect(servedOverHttps(request({}))).toBe(false);
  });
});
