// The searchable lists' paging and their addresses: counts a pager shows, a page past the end, a
// search term's LIKE wildcards taken literally, and a mangled address read leniently.
import { describe, expect, it } from "vitest";
import { containsPattern, likeLiteral, pageFor } from "../../server/services/lists/paging";
import { ignoredNote, listHref, readChoice, readId, readPaging } from "../../app/_lib/list-params";

describe("list paging", () => {
  it("counts the rows shown, and falls back to the last page past the end", () => {
    expect(pageFor(154, 3, 20)).toEqual({ number: 3, size: 20, pages: 8, total: 154, from: 41, to: 60, skip: 40 });
    expect(pageFor(154, 8, 20)).toMatchObject({ from: 141, to: 154 });
    expect(pageFor(154, 99, 20)).toMatchObject({ number: 8, skip: 140 });
    expect(pageFor(0, 4, 20)).toEqual({ number: 1, size: 20, pages: 1, total: 0, from: 0, to: 0, skip: 0 });
  });

  it("takes a search's %, _ and backslash literally", () => {
    expect(likeLiteral("50%_off\\")).toBe("50\\%\\_off\\\\");
    expect(containsPattern("a_b")).toBe("%a\\_b%");
  });
});

describe("a list's address, read leniently", () => {
  it("keeps what is valid and names what it leaves out", () => {
    const ignored: string[] = [];
    const params = { q: "  globex ", page: "abc", size: "7", tier: "GOLD", role: "PARTNER", owner: "x y" };
    expect(readPaging(params, [20, 50, 100], ignored)).toEqual({ q: "globex", page: 1, pageSize: undefined });
    expect(readChoice(params, "tier", ["STRATEGIC", "CORE"] as const, ignored)).toBeUndefined();
    expect(readChoice(params, "role", ["PARTNER"] as const, ignored)).toBe("PARTNER");
    expect(readId(params, "owner", ignored)).toBeUndefined();
    expect(ignored).toEqual(['page "abc"', 'page size "7"', 'tier "GOLD"', 'owner "x y"']);
    expect(ignoredNote(ignored)).toMatch(/^Left out of this list's address/);
    expect(ignoredNote([])).toBeNull();
    expect(readPaging({ page: "3", size: "50" }, [20, 50, 100], [])).toEqual({ q: undefined, page: 3, pageSize: 50 });
  });

  it("writes the address without empty choices, and the first page without a number", () => {
    expect(listHref("/w/x/partnerships", { q: "a b", tier: undefined, size: 50 }, 2)).toBe("/w/x/partnerships?q=a+b&size=50&page=2");
    expect(listHref("/w/x/partnerships", { q: "", band: undefined }, 1)).toBe("/w/x/partnerships");
  });
});
