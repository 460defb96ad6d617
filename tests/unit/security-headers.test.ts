// The headers every response carries, and the policy's script rule.
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, securityHeaders } from "../../server/http/security-headers";

const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0]!, d.slice(d.indexOf(" ") + 1)]));

describe("contentSecurityPolicy", () => {
  it("runs scripts by nonce only, never eval, in production", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc123==", dev: false, https: false }));
    expect(policy.get("script-src")).toBe("'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(policy.get("script-src")).not.toContain("unsafe-eval");
    expect(policy.get("script-src")).not.toContain("unsafe-inline");
    expect(policy.get("frame-ancestors")).toBe("'none'");
    expect(policy.get("object-src")).toBe("'none'");
    expect(policy.get("base-uri")).toBe("'self'");
    expect(policy.get("form-action")).toBe("'self'");
    expect(policy.get("default-src")).toBe("'self'");
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("allows eval only in development, where React needs it", () => {
    expect(contentSecurityPolicy({ nonce: "n", dev: true, https: false })).toContain("'nonce-n' 'strict-dynamic' 'unsafe-eval'");
  });

  it("runs no script at all where the answer has none of ours (the API)", () => {
    expect(directives(contentSecurityPolicy({ nonce: null, dev: false, https: false })).get("script-src")).toBe("'none'");
  });

  it("upgrades insecure requests over HTTPS", () => {
    expect(contentSecurityPolicy({ nonce: "n", dev: false, https: true })).toMatch(/; upgrade-insecure-requests$/);
  });
});

describe("securityHeaders", () => {
  it("sends nosniff, the referrer policy, the permissions policy and DENY framing, and HSTS only over HTTPS", () => {
    const plain = securityHeaders({ nonce: "n", dev: false, https: false });
    expect(plain).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
    });
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) {
      expect(plain["Permissions-Policy"]).toContain(`${feature}=()`);
    }
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ nonce: "n", dev: false, https: true })["Strict-Transport-Security"]).toBe("max-age=31536000");
  });
});

describe("newNonce", () => {
  it("is 128 random bits in base64, new every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
