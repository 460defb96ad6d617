// The pure parts of single sign-on: sealing secrets, the key's spelling, which domains and issuer
// addresses are accepted, and where a sign-in may send the browser afterwards.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../server/access/errors";
import { parseSsoKey } from "../../server/sso-key";
import { assertDomainsHeld, normaliseDomains } from "../../server/services/sso/domains";
import { localPath } from "../../server/services/sso/flow";
import { isLoopbackHost, parseIssuer } from "../../server/services/sso/issuer";
import { open, seal, SealedValueError } from "../../server/services/sso/secret-box";

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as Error).message;
  }
  throw new Error("expected a refusal");
};

describe("the secret box (AES-256-GCM)", () => {
  const key = randomBytes(32);

  it("opens what it sealed, and seals the same text differently each time", () => {
    const a = seal(key, "client-secret", "ws-1");
    expect(open(key, a, "ws-1")).toBe("client-secret");
    expect(seal(key, "client-secret", "ws-1")).not.toBe(a);
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
  });

  it("opens nothing under another key, for another purpose, or altered by one character", () => {
    const sealed = seal(key, "client-secret", "ws-1");
    expect(() => open(randomBytes(32), sealed, "ws-1")).toThrow(SealedValueError);
    expect(() => open(key, sealed, "ws-2")).toThrow(SealedValueError);
    // A character in the middle: the last one of base64url may carry only padding bits, so changing
    // it can leave the bytes as they were.
    for (const at of [3, Math.floor(sealed.length / 2), sealed.length - 4]) {
      const other = sealed[at] === "A" ? "B" : "A";
      expect(() => open(key, `${sealed.slice(0, at)}${other}${sealed.slice(at + 1)}`, "ws-1")).toThrow(SealedValueError);
    }
    expect(() => open(key, "v1.", "ws-1")).toThrow(SealedValueError);
    expect(() => open(key, "plain text", "ws-1")).toThrow(SealedValueError);
  });
});

describe("SSO_ENCRYPTION_KEY", () => {
  it("takes 32 bytes as hex or base64, and nothing else", () => {
    const bytes = randomBytes(32);
    expect(parseSsoKey(bytes.toString("hex"))).toEqual(bytes);
    expect(parseSsoKey(bytes.toString("base64"))).toEqual(bytes);
    expect(parseSsoKey(` ${bytes.toString("base64url")}\n`)).toEqual(bytes);
    expect(() => parseSsoKey(randomBytes(16).toString("hex"))).toThrow(/must be 32 bytes/);
    expect(() => parseSsoKey("a passphrase that is long enough to pass the length check")).toThrow(/must be 32 bytes/);
  });
});

describe("email domains", () => {
  it("are spelled one way, without duplicates", () => {
    expect(normaliseDomains([" @Corp.Example ", "corp.example", "eu.corp.example.", ""])).toEqual(["corp.example", "eu.corp.example"]);
  });

  it("refuses what is not a domain, a public mail provider, none, or too many", () => {
    for (const bad of ["corp", "https://corp.example", "corp.example/path", "a@corp.example", "-corp.example", "corp..example"]) {
      expect(refusal(() => normaliseDomains([bad]))).toMatch(/is not an email domain/);
    }
    expect(refusal(() => normaliseDomains(["Gmail.com"]))).toMatch(/^gmail\.com is a public email provider/);
    expect(refusal(() => normaliseDomains([" "]))).toMatch(/at least one email domain/);
    expect(refusal(() => normaliseDomains(Array.from({ length: 21 }, (_, i) => `d${i}.example`)))).toMatch(/At most 20/);
  });

  it("must each be an owner's or admin's email domain", () => {
    expect(() => assertDomainsHeld(["corp.example"], ["Ada@Corp.Example"])).not.toThrow();
    expect(refusal(() => assertDomainsHeld(["corp.example", "other.example"], ["ada@corp.example"]))).toMatch(
      /^other\.example: single sign-on can cover only/,
    );
  });
});

describe("issuer addresses", () => {
  it("are https, or http on this machine's loopback", () => {
    expect(parseIssuer("https://login.example.com").href).toBe("https://login.example.com/");
    expect(parseIssuer("http://127.0.0.1:4000/tenant").href).toBe("http://127.0.0.1:4000/tenant");
    expect(parseIssuer("http://localhost:4000").href).toBe("http://localhost:4000/");
    expect(parseIssuer("https://login.example.com/t/.well-known/openid-configuration").href).toBe("https://login.example.com/t");
    expect(refusal(() => parseIssuer("http://login.example.com"))).toMatch(/must be an https address/);
    expect(refusal(() => parseIssuer("http://10.0.0.5"))).toMatch(/must be an https address/);
    expect(refusal(() => parseIssuer("ftp://login.example.com"))).toMatch(/must be an https address/);
    expect(refusal(() => parseIssuer("https://user:pw@login.example.com"))).toMatch(/must not carry/);
    expect(refusal(() => parseIssuer("https://login.example.com/?tenant=1"))).toMatch(/must not carry/);
    expect(refusal(() => parseIssuer("login.example.com"))).toMatch(/Enter the identity provider's issuer address/);
  });

  it("counts only loopback as this machine", () => {
    expect(["localhost", "127.0.0.1", "127.1.2.3", "[::1]"].every(isLoopbackHost)).toBe(true);
    expect(["localhost.evil.test", "127.0.0.1.evil.test", "0.0.0.0", "10.0.0.1"].some(isLoopbackHost)).toBe(false);
  });
});

describe("where a sign-in goes afterwards", () => {
  it("is a same-origin path, or nothing", () => {
    expect(localPath("/w/acme/portfolio?tier=1#top")).toBe("/w/acme/portfolio?tier=1#top");
    expect(localPath("/")).toBe("/");
    for (const bad of [
      "//evil.test",
      "/\\evil.test",
      "\\\\evil.test",
      "https://evil.test",
      "/\t/evil.test",
      "javascript:alert(1)",
      "",
      null,
      5,
    ]) {
      expect(localPath(bad)).toBeNull();
    }
    // Percent-encoded, a backslash is just a character of a same-origin path.
    expect(localPath("/%5Cevil.test")).toBe("/%5Cevil.test");
  });
});
