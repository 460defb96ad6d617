// Redirect targets: only a path of this app, whatever a browser's lenient parser would make of it.
import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "../../server/http/safe-redirect";

const ORIGIN = "http://app.test:3000";

describe("safeRedirectPath", () => {
  it.each([
    ["/w/northwind/portfolio", "/w/northwind/portfolio"],
    ["/w/northwind/portfolio?band=watch&sort=health#top", "/w/northwind/portfolio?band=watch&sort=health#top"],
    ["/", "/"],
    ["/workspaces", "/workspaces"],
    // An absolute URL of the app itself (next-auth sends these) comes back as its path.
    [`${ORIGIN}/w/northwind`, "/w/northwind"],
    ["/w/a%20b", "/w/a%20b"],
  ])("keeps a path of this app: %s", (target, expected) => {
    expect(safeRedirectPath(target, ORIGIN)).toBe(expected);
  });

  it.each([
    // The forms of the issue, raw and as the address bar carries them (Next.js hands the page the
    // decoded value; the form below gets the same).
    "/\\evil.test",
    "/%5Cevil.test",
    "/%5cevil.test",
    "/%09/evil.test",
    "/\t/evil.test",
    "//evil.test",
    "//evil.test/path",
    "https://evil.test",
    "https://evil.test/w/northwind",
    "http://app.test:3001/elsewhere",
    "https://app.test:3000/other-scheme",
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "/%2F%2Fevil.test",
    "/%2f/evil.test",
    "/%255Cevil.test",
    "/.//evil.test",
    "/./%2F/evil.test",
    "\\\\evil.test",
    "\\/evil.test",
    " //evil.test",
    "/ ",
    "/\n/evil.test",
    "/%0A/evil.test",
    "/%0D%0ALocation:%20https://evil.test",
    "/%00",
    "/%E0%A4%A",
    "http://user:pass@app.test:3000/w",
    "evil.test",
    "w/northwind",
    "?next=/",
    "",
    "/" + "a".repeat(3000),
  ])("falls back to / for %j", (target) => {
    expect(safeRedirectPath(target, ORIGIN)).toBe("/");
  });

  it("falls back for anything that is not a string, and without a usable origin", () => {
    expect(safeRedirectPath(undefined, ORIGIN)).toBe("/");
    expect(safeRedirectPath(["/a", "/b"], ORIGIN)).toBe("/");
    expect(safeRedirectPath(42, ORIGIN)).toBe("/");
    expect(safeRedirectPath("/w", [])).toBe("/");
    expect(safeRedirectPath("/w", "not a url")).toBe("/");
  });

  it("accepts an absolute URL at any of the app's origins, reading relative ones against the first", () => {
    const origins = ["https://health.example.com", "http://localhost:3000"];
    expect(safeRedirectPath("http://localhost:3000/w/x", origins)).toBe("/w/x");
    expect(safeRedirectPath("https://health.example.com/w/x?y=1", origins)).toBe("/w/x?y=1");
    expect(safeRedirectPath("https://evil.example.com/w/x", origins)).toBe("/");
  });

  it("never returns something a browser reads as another host", () => {
    const samples = ["/a", "//b", "/\\c", "/%2F/d", "/.//e", `${ORIGIN}//f`, `${ORIGIN}/.//g`, "/x/..//h", "/%2e%2e//i"];
    for (const target of samples) {
      const path = safeRedirectPath(target, ORIGIN);
      expect(new URL(path, ORIGIN).origin, target).toBe(ORIGIN);
      expect(path.startsWith("//")).toBe(false);
    }
  });
});
