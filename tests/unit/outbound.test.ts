// Outgoing requests to addresses admins give us (webhooks, Slack, Teams): which addresses are
// refused, and that the refusal holds at connection time, not only when the URL is read.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPublicAddress } from "../../server/services/outbound/address";
import { postJson } from "../../server/services/outbound/post";
import { OutboundTargetError, parseTargetUrl } from "../../server/services/outbound/target";

const strict = { allowPrivate: false };
const open = { allowPrivate: true };

describe("isPublicAddress", () => {
  it.each([
    "127.0.0.1",
    "10.1.2.3",
    "172.20.0.1",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "::1",
    "::",
    "fd00::1",
    "fe80::1",
    "::ffff:127.0.0.1",
    "not-an-ip",
  ])("refuses %s", (address) => expect(isPublicAddress(address)).toBe(false));
  it.each(["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"])("allows %s", (address) =>
    expect(isPublicAddress(address)).toBe(true),
  );
});

describe("parseTargetUrl", () => {
  it("asks for https, in words", () => {
    expect(() => parseTargetUrl("http://hooks.example.com/x", strict)).toThrow(/must start with https/);
    expect(() => parseTargetUrl("hooks.example.com", strict)).toThrow(/not a web address/);
    expect(() => parseTargetUrl("https://user:pw@hooks.example.com/", strict)).toThrow(/credentials/);
    expect(() => parseTargetUrl("https://localhost/x", strict)).toThrow(/this server itself/);
    expect(parseTargetUrl(" https://hooks.example.com/x ", strict).hostname).toBe("hooks.example.com");
  });
  it("allows plain http to loopback when private targets are allowed", () => {
    expect(parseTargetUrl("http://127.0.0.1:9/x", open).port).toBe("9");
  });
});

describe("postJson", () => {
  let server: http.Server;
  let base = "";
  const received: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        received.push(body);
        if (req.url === "/slow") return; // never answers
        res.writeHead(req.url === "/fail" ? 500 : 200, { "content-type": "text/plain" });
        res.end(req.url === "/fail" ? "x".repeat(5000) : "ok");
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it("refuses a loopback literal and a name that resolves to loopback, sending nothing", async () => {
    const before = received.length;
    await expect(postJson(`https://127.0.0.1:1/x`, "{}", { rules: strict })).rejects.toBeInstanceOf(OutboundTargetError);
    await expect(postJson(`https://localtest.invalid.localhost/x`, "{}", { rules: strict })).rejects.toBeInstanceOf(OutboundTargetError);
    expect(received.length).toBe(before);
  });

  it("delivers when allowed, keeping the status and an excerpt of the answer", async () => {
    const ok = await postJson(`${base}/ok`, '{"a":1}', { rules: open });
    expect(ok).toMatchObject({ status: 200, excerpt: "ok" });
    expect(received.at(-1)).toBe('{"a":1}');
    const failed = await postJson(`${base}/fail`, "{}", { rules: open });
    expect(failed.status).toBe(500);
    expect(failed.excerpt.length).toBe(500);
  });

  it("gives up on a receiver that does not answer", async () => {
    await expect(postJson(`${base}/slow`, "{}", { rules: open, timeoutMs: 300 })).rejects.toThrow(/No answer within/);
  });
});
