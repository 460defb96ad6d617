import { describe, expect, it } from "vitest";
import { safeNextPath } from "../../server/services/accounts/next-path";

describe("safeNextPath", () => {
  it.each([
    ["/", "/"],
    ["/w/northwind/surveys", "/w/northwind/surveys"],
    ["/w/northwind/surveys?cycle=2026-Q4#top", "/w/northwind/surveys?cycle=2026-Q4#top"],
    ["/invite/abc_DEF-123", "/invite/abc_DEF-123"],
    // Still encoded, these name paths of this site; decoded, they are refused below.
    ["/%5Cevil.test", "/%5Cevil.test"],
    ["/%09/evil.test", "/%09/evil.test"],
  ])("keeps the path %j", (raw, expected) => {
    expect(safeNextPath(raw)).toBe(expected);
  });

  it.each([
    "//evil.test",
    "/\\evil.test",
    "\\\\evil.test",
    "/\t/evil.test",
    "/\n/evil.test",
    "/.//evil.test",
    "https://evil.test/",
    "http:/evil.test",
    "javascript:alert(1)",
    "evil.test",
    "",
    "/" + "a".repeat(2001),
  ])("falls back for %j", (raw) => {
    expect(safeNextPath(raw)).toBe("/");
    expect(safeNextPath(raw, "/workspaces")).toBe("/workspaces");
  });

  it("falls back for what is not a string", () => {
    expect(safeNextPath(undefined)).toBe("/");
    expect(safeNextPath(null)).toBe("/");
    expect(safeNextPath(["/w/x"])).toBe("/");
  });
});
