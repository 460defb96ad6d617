import { describe, expect, it } from "vitest";
import { badTextProblem, findBadText, hasBadCharacter } from "../../server/input-text";

describe("hasBadCharacter", () => {
  it("refuses NUL, the other C0 controls, DEL and the C1 controls", () => {
    for (let code = 0; code <= 0x1f; code++) {
      const allowed = code === 0x09 || code === 0x0a || code === 0x0d;
      expect(hasBadCharacter(`a${String.fromCharCode(code)}b`), `U+${code.toString(16)}`).toBe(!allowed);
    }
    for (let code = 0x7f; code <= 0x9f; code++) expect(hasBadCharacter(String.fromCharCode(code)), `U+${code.toString(16)}`).toBe(true);
  });

  it("refuses a surrogate half without its partner, wherever it stands", () => {
    expect(hasBadCharacter("\ud800")).toBe(true);
    expect(hasBadCharacter("ab\udfff")).toBe(true);
    expect(hasBadCharacter("\udc00\ud800")).toBe(true); // both halves, in the wrong order
    expect(hasBadCharacter("\ud83d\ud83d\ude00")).toBe(true);
  });

  it("accepts what people type: tabs, line breaks, accents, scripts, emoji, no-break and zero-width spaces", () => {
    for (const text of ["", "Tab\there", "two\nlines\r\n", "Zoë Ångström", "東京 مرحبا", "👍🏽 ok", "a\u00a0b", "a\u200db", "\ufeff"]) {
      expect(hasBadCharacter(text), JSON.stringify(text)).toBe(false);
    }
  });
});

describe("findBadText", () => {
  it("finds nothing in clean input of any shape", () => {
    expect(findBadText(undefined)).toBeNull();
    expect(findBadText(null)).toBeNull();
    expect(findBadText(42)).toBeNull();
    expect(
      findBadText({ a: ["x", { b: "y", n: 1, d: new Date(), u: undefined }], m: new Map([["k", "v"]]), s: new Set(["z"]) }),
    ).toBeNull();
  });

  it("names the path of a bad value, however deeply nested", () => {
    expect(findBadText("a\u0000")).toEqual({ path: [], in: "value" });
    expect(findBadText({ name: "a\u0000" })).toEqual({ path: ["name"], in: "value" });
    const input = { pillars: [{ name: "ok", statements: [{ text: "fine" }, { text: "bad\ud800" }] }] };
    expect(findBadText(input)).toEqual({ path: ["pillars", 0, "statements", 1, "text"], in: "value" });
  });

  it("reports the first bad field in the input's own order", () => {
    expect(findBadText({ a: "ok", b: "x\u0001", c: "y\u0002" })?.path).toEqual(["b"]);
    expect(findBadText(["ok", ["\u0003"], "\u0004"])?.path).toEqual([1, 0]);
  });

  it("checks object keys, those that look like the prototype's included", () => {
    expect(findBadText({ "bad\u0000key": 1 })).toEqual({ path: [], in: "key" });
    expect(findBadText({ outer: { "\ud800": "v" } })).toEqual({ path: ["outer"], in: "key" });
    const polluting = JSON.parse('{"__proto__": {"name": "a\\u0000"}}') as unknown;
    expect(findBadText(polluting)).toEqual({ path: ["__proto__", "name"], in: "value" });
  });

  it("checks Map keys and values, Set members and form data", () => {
    expect(findBadText(new Map([["k\u0000", "v"]]))).toEqual({ path: [], in: "key" });
    expect(findBadText({ m: new Map([["k", "v\u007f"]]) })?.path).toEqual(["m", "k"]);
    expect(findBadText(new Map([[{ inner: "\u0085" }, "v"]]))?.path).toEqual(["inner"]);
    expect(findBadText({ s: new Set(["ok", "\u009b"]) })?.path).toEqual(["s", 1]);
    const form = new FormData();
    form.append("title", "x\u0000");
    expect(findBadText(form)).toEqual({ path: ["title"], in: "value" });
  });

  it("survives cycles and nesting far deeper than any call stack", () => {
    const cyclic: Record<string, unknown> = { name: "ok" };
    cyclic.self = cyclic;
    expect(findBadText(cyclic)).toBeNull();
    let deep: unknown = "bottom\u0000";
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(findBadText(deep)?.path).toHaveLength(20_000);
  });

  it("is quick on a megabyte of text", () => {
    const started = performance.now();
    expect(findBadText({ text: "x".repeat(1 << 20) })).toBeNull();
    expect(findBadText({ text: `${"x".repeat(1 << 20)}\u0000` })?.path).toEqual(["text"]);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe("badTextProblem", () => {
  it("is a sentence that never echoes the text or names a path, and says what to do", () => {
    expect(badTextProblem({ path: ["name"], in: "value" })).toBe(
      "This contains a control character or an invalid character; remove it and try again.",
    );
    expect(badTextProblem({ path: ["pillars", 2, "statements", 0, "text"], in: "value" })).toMatch(/^This contains/);
    expect(badTextProblem({ path: ["filters"], in: "key" })).toBe(
      "A field name contains a control character or an invalid character; remove it and try again.",
    );
  });
});
