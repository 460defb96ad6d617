// The client's address from X-Forwarded-For, believed only through TRUSTED_PROXIES, and what the
// app server does to every request so that the right-most entry is always the true peer.
import type { IncomingHttpHeaders } from "node:http";
import { describe, expect, it } from "vitest";
import { clientAddress, clientAddressFrom, matches, parseTrustedProxies } from "../../server/http/client-address";
import { forwardedPeer, withPeerAddress } from "../../server/http/forwarded";

describe("matches (one TRUSTED_PROXIES entry)", () => {
  it("compares single IPv4 and IPv6 addresses", () => {
    expect(matches("10.0.0.1", "10.0.0.1")).toBe(true);
    expect(matches("10.0.0.1", "10.0.0.2")).toBe(false);
    expect(matches("2001:db8::1", "2001:db8:0:0:0:0:0:1")).toBe(true);
    expect(matches("2001:db8::1", "2001:db8::2")).toBe(false);
  });

  it("reads CIDR ranges of both families", () => {
    expect(matches("10.0.0.0/8", "10.255.1.2")).toBe(true);
    expect(matches("10.0.0.0/8", "11.0.0.1")).toBe(false);
    expect(matches("192.168.4.0/22", "192.168.7.255")).toBe(true);
    expect(matches("192.168.4.0/22", "192.168.8.0")).toBe(false);
    expect(matches("0.0.0.0/0", "203.0.113.9")).toBe(true);
    expect(matches("fd00::/8", "fd12:3456::1")).toBe(true);
    expect(matches("fd00::/8", "fe80::1")).toBe(false);
    expect(matches("2001:db8:abcd::/48", "2001:db8:abcd:ffff::1")).toBe(true);
    expect(matches("2001:db8:abcd::/48", "2001:db8:abce::1")).toBe(false);
  });

  it("treats an IPv4-mapped IPv6 address (as a dual-stack socket reports it) as the IPv4 address", () => {
    expect(matches("127.0.0.1", "::ffff:127.0.0.1")).toBe(true);
    expect(matches("10.0.0.0/8", "::FFFF:10.1.2.3")).toBe(true);
    expect(matches("::ffff:10.0.0.1", "10.0.0.1")).toBe(true);
  });

  it("never matches across families, or for nonsense", () => {
    expect(matches("10.0.0.0/8", "2001:db8::1")).toBe(false);
    expect(matches("::/0", "10.0.0.1")).toBe(false);
    expect(matches("10.0.0.0/33", "10.0.0.1")).toBe(false);
    expect(matches("10.0.0.0/x", "10.0.0.1")).toBe(false);
    expect(matches("proxy.internal", "10.0.0.1")).toBe(false);
    expect(matches("10.0.0.1", "unknown")).toBe(false);
  });

  it("parses the setting: comma-separated, spaces and empty entries ignored", () => {
    expect(parseTrustedProxies(" 10.0.0.0/8, ,::1 ,")).toEqual(["10.0.0.0/8", "::1"]);
    expect(parseTrustedProxies(undefined)).toEqual([]);
  });
});

describe("clientAddressFrom", () => {
  it("without trusted proxies, is the right-most entry (the peer the app server appended), whatever came before", () => {
    expect(clientAddressFrom("198.51.100.7", [])).toBe("198.51.100.7");
    // A client that writes its own header only adds entries on the left.
    expect(clientAddressFrom("1.2.3.4, 198.51.100.7", [])).toBe("198.51.100.7");
    expect(clientAddressFrom("10.0.0.1, 127.0.0.1, 198.51.100.7", [])).toBe("198.51.100.7");
    expect(clientAddressFrom("2001:db8::7", [])).toBe("2001:db8::7");
    expect(clientAddressFrom("::ffff:198.51.100.7", [])).toBe("198.51.100.7");
  });

  it("walks back through trusted proxies, and stops at the first hop that is not one", () => {
    const trusted = ["10.0.0.0/8"];
    // client -> proxy 10.0.0.5 (appends the client) -> app (appends the proxy)
    expect(clientAddressFrom("203.0.113.9, 10.0.0.5", trusted)).toBe("203.0.113.9");
    // A forged entry left of the client's true address stays ignored.
    expect(clientAddressFrom("1.1.1.1, 203.0.113.9, 10.0.0.5", trusted)).toBe("203.0.113.9");
    // Not through a trusted proxy: the peer itself.
    expect(clientAddressFrom("203.0.113.9, 192.0.2.1", trusted)).toBe("192.0.2.1");
  });

  it("chains through two trusted proxies (a load balancer and a reverse proxy)", () => {
    const trusted = ["10.0.0.0/24", "2001:db8:ffff::/48"];
    expect(clientAddressFrom("198.51.100.20, 2001:db8:ffff::10, 10.0.0.2", trusted)).toBe("198.51.100.20");
    expect(clientAddressFrom("2001:db8:1::5, 10.0.0.9, ::ffff:10.0.0.2", trusted)).toBe("2001:db8:1::5");
    // Only the first proxy trusted: the second is the client as far as we can tell.
    expect(clientAddressFrom("198.51.100.20, 2001:db8:ffff::10, 10.0.0.2", ["10.0.0.0/24"])).toBe("2001:db8:ffff::10");
  });

  it("gives no address for garbage where the client should be, or for nothing at all", () => {
    expect(clientAddressFrom("not-an-ip, 10.0.0.5", ["10.0.0.0/8"])).toBeNull();
    expect(clientAddressFrom("unknown", [])).toBeNull();
    expect(clientAddressFrom("", [])).toBeNull();
    expect(clientAddressFrom(undefined, [])).toBeNull();
  });

  it("when every hop is trusted, is the left-most", () => {
    expect(clientAddressFrom("10.0.0.3, 10.0.0.2", ["10.0.0.0/8"])).toBe("10.0.0.3");
  });

  it("reads the header from Headers and from Node's header object alike (TRUSTED_PROXIES unset here)", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "9.9.9.9, 198.51.100.7" }))).toBe("198.51.100.7");
    expect(clientAddress({ "x-forwarded-for": ["9.9.9.9", "198.51.100.7"] })).toBe("198.51.100.7");
    expect(clientAddress(undefined)).toBeNull();
  });
});

describe("withPeerAddress (the app server, before the app sees a request)", () => {
  const rewrite = (headers: IncomingHttpHeaders, peer: string | undefined, trusted: string[] = []) =>
    withPeerAddress({ ...headers }, peer, trusted);

  it("appends the socket's peer, so a forged header ends up on the left where nobody believes it", () => {
    const headers = rewrite({ "x-forwarded-for": "127.0.0.9" }, "::ffff:198.51.100.7");
    expect(headers["x-forwarded-for"]).toBe("127.0.0.9, 198.51.100.7");
    expect(clientAddressFrom(headers["x-forwarded-for"] as string, [])).toBe("198.51.100.7");
    expect(forwardedPeer(headers)).toBe("198.51.100.7");
  });

  it("sets the header when the client sent none, and joins repeated ones", () => {
    expect(rewrite({}, "2001:db8::1")["x-forwarded-for"]).toBe("2001:db8::1");
    expect(rewrite({ "x-forwarded-for": ["1.1.1.1", "2.2.2.2"] as unknown as string }, "10.0.0.1")["x-forwarded-for"]).toBe(
      "1.1.1.1, 2.2.2.2, 10.0.0.1",
    );
  });

  it("drops the proxy headers of an untrusted peer, and keeps those of a trusted one", () => {
    const sent = { "x-forwarded-host": "evil.test", "x-forwarded-proto": "https", forwarded: "for=1.2.3.4", "x-real-ip": "1.2.3.4" };
    const direct = rewrite(sent, "198.51.100.7", ["10.0.0.0/8"]);
    expect(direct["x-forwarded-host"]).toBeUndefined();
    expect(direct["x-forwarded-proto"]).toBeUndefined();
    expect(direct.forwarded).toBeUndefined();
    expect(direct["x-real-ip"]).toBeUndefined();
    const proxied = rewrite({ ...sent, "x-forwarded-for": "203.0.113.9" }, "10.0.0.5", ["10.0.0.0/8"]);
    expect(proxied["x-forwarded-host"]).toBe("evil.test");
    expect(proxied["x-forwarded-proto"]).toBe("https");
    expect(clientAddressFrom(proxied["x-forwarded-for"] as string, ["10.0.0.0/8"])).toBe("203.0.113.9");
  });

  it("without a peer address, appends a placeholder so the client's last entry cannot pose as the peer", () => {
    const headers = rewrite({ "x-forwarded-for": "198.51.100.7" }, undefined);
    expect(headers["x-forwarded-for"]).toBe("198.51.100.7, unknown");
    expect(clientAddressFrom(headers["x-forwarded-for"] as string, [])).toBeNull();
  });
});
