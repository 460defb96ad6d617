// The retro's ranking, its summary and the summary's forms (Markdown, CSV, email): pure functions.
import { describe, expect, it } from "vitest";
import { retroSummaryEmail } from "../../server/services/email/retro-summary";
import { inItemOrder, rankItems, topItems } from "../../server/services/retro/ranking";
import { nextPhase, RETRO_PHASES } from "../../server/services/retro/rules";
import { exchangeFigures } from "../../server/services/exchange/figures";
import { balanceOf } from "../../server/services/exchange/reciprocity";
import { buildSummary, summaryCsv, summaryMarkdown, type SummaryInput } from "../../server/services/retro/summary";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 9, minute));
const item = (id: string, votes: number, minute: number) => ({ id, votes, createdAt: at(minute) });

describe("ranking", () => {
  it("orders by votes, then the earliest written, then id", () => {
    const items = [
      item("late-tie", 2, 5),
      item("few", 1, 0),
      item("most", 4, 9),
      item("early-tie", 2, 1),
      item("b", 2, 1),
      item("a", 2, 1),
    ];
    expect(rankItems(items).map((i) => i.id)).toEqual(["most", "a", "b", "early-tie", "late-tie", "few"]);
  });

  it("takes the top three, only of items someone voted for", () => {
    expect(topItems([item("x", 0, 0), item("y", 1, 1), item("z", 3, 2)]).map((i) => i.id)).toEqual(["z", "y"]);
    expect(topItems([item("a", 1, 0), item("b", 2, 1), item("c", 3, 2), item("d", 4, 3)]).map((i) => i.id)).toEqual(["d", "c", "b"]);
    expect(topItems([])).toEqual([]);
  });

  it("does not reorder its input", () => {
    const items = [item("a", 1, 0), item("b", 2, 0)];
    rankItems(items);
    expect(items.map((i) => i.id)).toEqual(["a", "b"]);
  });

  it("orders actions as the items they came from", () => {
    const items = [item("i1", 1, 0), item("i2", 3, 1), item("i3", 2, 2)];
    const actions = [{ retroItemId: "i1" }, { retroItemId: null }, { retroItemId: "i3" }, { retroItemId: "i2" }];
    expect(inItemOrder(actions, items).map((a) => a.retroItemId)).toEqual(["i2", "i3", "i1", null]);
  });
});

describe("phases", () => {
  it("follow one another and end at closed", () => {
    const seen = [];
    for (let p: (typeof RETRO_PHASES)[number] | null = "GATHERING"; p; p = nextPhase(p)) seen.push(p);
    expect(seen).toEqual(["GATHERING", "VOTING", "PROPOSING", "START_VOTING", "ASSIGNING", "CLOSED"]);
  });
});

const input: SummaryInput = {
  partnershipName: "Globex Cloud Resale",
  sideNames: { HOST: "Northwind", PARTNER: "Globex" },
  cycleLabel: "2026-Q4",
  groundRules: "Be kind.",
  facilitatorName: "Mona",
  closedAt: new Date(Date.UTC(2026, 10, 20, 15)),
  items: [
    { id: "g1", list: "GOING_WELL", text: "Pipeline reviews", createdAt: at(0), votes: 2 },
    { id: "g2", list: "GOING_WELL", text: "Support", createdAt: at(1), votes: 5 },
    { id: "g3", list: "GOING_WELL", text: "Nobody chose me", createdAt: at(2), votes: 0 },
    { id: "s1", list: "STOP_DOING", text: '=HYPERLINK("x")', createdAt: at(3), votes: 1 },
    { id: "t1", list: "START_DOING", text: 'Monthly "joint" forecast, shared', createdAt: at(4), votes: 3 },
  ],
  actions: [
    {
      title: 'Monthly "joint" forecast, shared',
      ownerName: "Carl",
      ownerSide: "PARTNER",
      dueDate: new Date("2026-12-31T00:00:00Z"),
      pillarName: "Trust",
    },
    { title: "Unowned", ownerName: null, ownerSide: null, dueDate: null, pillarName: null },
  ],
  attendees: [
    { name: "Carl", side: "PARTNER" },
    { name: "Zed", side: "HOST" },
    { name: "Mona", side: "HOST" },
  ],
  // Northwind asked twice (Globex fulfilled one, rated 5) and delivered an unrated offer (3);
  // Globex asked once, unfulfilled. Given: Northwind 3, Globex 5, so the index is 60.
  exchange: exchangeFigures(
    { HOST: "Northwind", PARTNER: "Globex" },
    balanceOf([
      { kind: "ASK", side: "HOST", status: "DELIVERED", rating: 5 },
      { kind: "ASK", side: "HOST", status: "ACCEPTED", rating: null },
      { kind: "OFFER", side: "HOST", status: "DELIVERED", rating: null },
      { kind: "ASK", side: "PARTNER", status: "OPEN", rating: null },
    ]),
    "since the 2026-Q3 retro (closed 1 Sept 2026)",
    new Date(Date.UTC(2026, 8, 1)),
    new Date(Date.UTC(2026, 10, 20, 15)),
  ),
};

describe("summary", () => {
  const s = buildSummary(input);

  it("holds the top items of each list with their votes, the actions and who took part by side", () => {
    expect(s.lists).toEqual([
      {
        list: "GOING_WELL",
        label: "Going well",
        top: [
          { text: "Support", votes: 5 },
          { text: "Pipeline reviews", votes: 2 },
        ],
      },
      { list: "STOP_DOING", label: "Stop doing", top: [{ text: '=HYPERLINK("x")', votes: 1 }] },
      { list: "START_DOING", label: "Start doing", top: [{ text: 'Monthly "joint" forecast, shared', votes: 3 }] },
    ]);
    expect(s.actions[0]).toEqual({
      title: 'Monthly "joint" forecast, shared',
      owner: "Carl",
      side: "Globex",
      dueDate: "2026-12-31",
      pillar: "Trust",
    });
    expect(s.attendees).toEqual([
      { name: "Mona", side: "Northwind" },
      { name: "Zed", side: "Northwind" },
      { name: "Carl", side: "Globex" },
    ]);
  });

  it("reads as Markdown", () => {
    const md = summaryMarkdown(s);
    expect(md).toContain("# Retrospective: Globex Cloud Resale, 2026-Q4");
    expect(md).toContain("1. Support (5 votes)");
    expect(md).toContain('1. =HYPERLINK("x") (1 vote)');
    expect(md).toContain('- Monthly "joint" forecast, shared: Carl (Globex), by 2026-12-31, for Trust');
    expect(md).toContain("- Unowned: no owner, by no date");
    expect(md).toContain("- Mona (Northwind)");
    expect(md).toContain("## Value exchange\n\nThe asks and offers made since the 2026-Q3 retro (closed 1 Sept 2026):");
    expect(md).toContain("- Northwind: made 2 asks (Globex fulfilled 1 of 2), delivered 1 of 1 offers, received value 5.");
    expect(md).toContain("- Globex: made 1 ask (Northwind fulfilled 0 of 1), delivered 0 of 0 offers, received value 3.");
    expect(md).toContain("- Reciprocity index: 60 of 100.");
  });

  it("exports as CSV with quoting, and defuses formulas", () => {
    const lines = summaryCsv(s).trimEnd().split("\r\n");
    expect(lines[0]).toBe("section,rank,text,votes,owner,side,by_when,pillar");
    expect(lines).toContain('Stop doing,1,"\'=HYPERLINK(""x"")",1,,,,');
    expect(lines).toContain('Action,,"Monthly ""joint"" forecast, shared",,Carl,Globex,2026-12-31,Trust');
    expect(lines).toContain("Took part,,,,Carl,Globex,,");
    expect(lines).toContain("Value exchange,,asks made (since the 2026-Q3 retro (closed 1 Sept 2026)),2,,Northwind,,");
    expect(lines).toContain(
      "Value exchange,,asks fulfilled by the other side (since the 2026-Q3 retro (closed 1 Sept 2026)),1,,Northwind,,",
    );
    expect(lines).toContain("Value exchange,,reciprocity index (since the 2026-Q3 retro (closed 1 Sept 2026)),60,,,,");
  });

  it("is emailed with the link to the retro", () => {
    const email = retroSummaryEmail({ summary: s, path: "/w/northwind/partnerships/p1/retro/r1" });
    expect(email.subject).toBe("Retro summary: Globex Cloud Resale, 2026-Q4");
    expect(email.link).toMatch(/\/w\/northwind\/partnerships\/p1\/retro\/r1$/);
    expect(email.text).toContain("  1. Support (5 votes)");
    expect(email.text).toContain('  - Monthly "joint" forecast, shared: Carl (Globex), by 2026-12-31, for Trust');
    expect(email.text).toContain("  - Carl (Globex)");
    expect(email.text).toContain("Value exchange, since the 2026-Q3 retro (closed 1 Sept 2026):");
    expect(email.text).toContain("  - Reciprocity index: 60 of 100.");
    expect(email.text).toContain(email.link);
  });
});
