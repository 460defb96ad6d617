// The give/get balance as the scorecard and the portfolio tell it: the sentences from the
// reader's side (singular, plural, nothing yet, the sides swapped for a partner contact), and the
// portfolio's per-row balance from grouped counts, with hand-computed cases.
import { describe, expect, it } from "vitest";
import { balancesByPartnership, type ExchangeGroup } from "../../server/services/exchange/groups";
import { balanceOfGroups } from "../../server/services/exchange/reciprocity";
import { balanceOf, type ExchangeFact } from "../../server/services/exchange/reciprocity";
import { leastBalanced } from "../../server/services/portfolio/exchange";
import { asksSentence, givenSentence, indexMeaning, offersSentence, valueSentence } from "../../server/services/exchange/words";
import { exchangeView } from "../../server/services/scorecard/exchange";

const host = { partner: false, partnerName: "Globex", workspaceName: "Northwind" };
const partner = { ...host, partner: true };

const fact = (kind: ExchangeFact["kind"], side: ExchangeFact["side"], status: ExchangeFact["status"], rating: number | null = null) => ({
  kind,
  side,
  status,
  rating,
});
const times = (n: number, f: ExchangeFact) => Array.from({ length: n }, () => f);

// Northwind asked 9, Globex fulfilled 7 (rated 4); Globex asked 8, Northwind fulfilled 3 (unrated).
const lopsided = balanceOf([
  ...times(7, fact("ASK", "HOST", "DELIVERED", 4)),
  ...times(2, fact("ASK", "HOST", "OPEN")),
  ...times(3, fact("ASK", "PARTNER", "DELIVERED")),
  ...times(5, fact("ASK", "PARTNER", "DECLINED")),
]);

describe("the balance in words", () => {
  it("says who fulfilled how many of whose asks, from the workspace's side", () => {
    expect(asksSentence(host, lopsided, "this year")).toBe("Globex fulfilled 7 of your 9 asks this year; you fulfilled 3 of their 8.");
  });

  it("swaps the sides for a partner contact", () => {
    expect(asksSentence(partner, lopsided, "this year")).toBe(
      "Northwind fulfilled 3 of your 8 asks this year; you fulfilled 7 of their 9.",
    );
  });

  it("says one ask, not one asks, and when only one side asked", () => {
    const one = balanceOf([fact("ASK", "HOST", "ACCEPTED")]);
    expect(asksSentence(host, one, "in 2026-Q4")).toBe("Globex fulfilled 0 of your 1 ask in 2026-Q4; Globex asked nothing of you.");
    expect(asksSentence(partner, one, "this year")).toBe("You asked nothing of Northwind this year; you fulfilled 0 of their 1 ask.");
    const two = balanceOf(times(2, fact("ASK", "PARTNER", "DELIVERED")));
    expect(asksSentence(host, two, "this year")).toBe("You asked nothing of Globex this year; you fulfilled 2 of their 2 asks.");
  });

  it("says there are no asks yet, offers aside", () => {
    expect(asksSentence(host, balanceOf([]), "this year")).toBe("No asks yet this year.");
    expect(asksSentence(host, balanceOf([fact("OFFER", "HOST", "DELIVERED")]), "this year")).toBe("No asks yet this year.");
  });

  it("counts offers delivered and value received per side, in the reader's words", () => {
    const b = balanceOf([
      fact("OFFER", "HOST", "DELIVERED", 5),
      fact("OFFER", "HOST", "DELIVERED"),
      fact("OFFER", "PARTNER", "DELIVERED", 2),
    ]);
    expect(offersSentence(host, b)).toBe("You delivered 2 offers; Globex delivered 1 offer.");
    expect(offersSentence(partner, balanceOf([]))).toBe("You delivered no offers; Northwind delivered no offers.");
    // Globex received 5 + 3 from Northwind's offers; Northwind received 2.
    expect(valueSentence(host, b)).toBe("You received 2 in value; Globex received 8.");
    expect(valueSentence(partner, b)).toBe("You received 8 in value; Northwind received 2.");
  });

  it("gives the index a meaning naming the side that gives more", () => {
    // Globex gave 7 x 4 = 28, Northwind 3 x 3 = 9: index round(900 / 28) = 32, 10 deliveries.
    expect(lopsided.index).toBe(32);
    expect(lopsided.oneSided).toBe(true);
    expect(indexMeaning(host, lopsided)).toBe("One-sided: Globex gives far more than it receives.");
    expect(indexMeaning(partner, lopsided)).toBe("One-sided: you give far more than you receive.");
    expect(indexMeaning(host, balanceOf([]))).toBe("No exchange yet: nothing has been delivered either way.");
    const even = balanceOf([fact("ASK", "HOST", "DELIVERED", 4), fact("ASK", "PARTNER", "DELIVERED", 4)]);
    expect(indexMeaning(host, even)).toBe("Balanced: both sides give about as much as they receive.");
    // 3 against 5: 60, leaning.
    const leaning = balanceOf([fact("ASK", "HOST", "DELIVERED", 5), fact("ASK", "PARTNER", "DELIVERED")]);
    expect(indexMeaning(host, leaning)).toBe("Leaning: Globex gives more than it receives.");
    // Only one side gave, twice: 0, but too few deliveries to be one-sided.
    const early = balanceOf(times(2, fact("ASK", "PARTNER", "DELIVERED")));
    expect(indexMeaning(host, early)).toBe(
      "Uneven: you give far more than you receive, though too few deliveries yet to call it one-sided.",
    );
  });

  it("tells the portfolio's line from the workspace's side", () => {
    expect(givenSentence({ HOST: "Northwind", PARTNER: "Globex" }, { HOST: 9, PARTNER: 28 }, 10)).toBe(
      "Northwind gave 9 in value, Globex 28, over 10 deliveries.",
    );
    expect(givenSentence({ HOST: "Northwind", PARTNER: "Globex" }, { HOST: 4, PARTNER: 0 }, 1)).toBe(
      "Northwind gave 4 in value, Globex 0, over 1 delivery.",
    );
  });
});

describe("the scorecard's section", () => {
  const cycleOf = (label: string, items: ExchangeFact[]) => ({ cycleId: label, label, ...balanceOf(items) });
  const balances = {
    names: { HOST: "Northwind", PARTNER: "Globex" },
    year: { year: 2026, ...lopsided },
    cycles: [cycleOf("2026-Q1", []), cycleOf("2026-Q2", times(2, fact("ASK", "HOST", "DELIVERED", 5))), cycleOf("2026-Q3", [])],
    cycle: cycleOf("2026-Q3", []),
  };

  it("draws from the first cycle with anything asked or offered, in the reader's sides", () => {
    const view = exchangeView(host, balances);
    expect(view.series.map((s) => s.label)).toEqual(["2026-Q2", "2026-Q3"]);
    expect(view.series[0]).toEqual({ label: "2026-Q2", youFulfilled: 0, themFulfilled: 2, youGave: 0, themGave: 10, index: 0 });
    expect(exchangeView(partner, balances).series[0]).toMatchObject({ youFulfilled: 2, youGave: 10, themGave: 0 });
    expect(view.cycleSentence).toEqual({ label: "2026-Q3", text: "No asks yet in 2026-Q3." });
    expect(view).toMatchObject({ theirName: "Globex", index: 32, oneSided: true, delivered: 10, empty: false });
    expect(exchangeView(partner, balances).theirName).toBe("Northwind");
  });

  it("leaves out the current cycle's line when it says what the year's does", () => {
    const now = cycleOf("2026-Q4", [fact("ASK", "HOST", "DELIVERED", 4)]);
    const same = { ...balances, year: { year: 2026, ...balanceOf([fact("ASK", "HOST", "DELIVERED", 4)]) }, cycles: [now], cycle: now };
    expect(exchangeView(host, same)).toMatchObject({
      sentence: "Globex fulfilled 1 of your 1 ask this year; Globex asked nothing of you.",
      cycleSentence: null,
    });
  });
});

describe("the portfolio's balance from grouped counts", () => {
  const g = (
    partnershipId: string,
    kind: ExchangeGroup["kind"],
    side: ExchangeGroup["side"],
    status: ExchangeGroup["status"],
    count: number,
    value: number,
  ): ExchangeGroup => ({
    partnershipId,
    kind,
    side,
    status,
    count,
    value,
  });

  it("gives the same balance as the items it counts", () => {
    // The lopsided case as groups: 7 delivered asks of Northwind rated 4 (value 28), 2 open,
    // 3 delivered asks of Globex unrated (value 9), 5 declined.
    const groups = [
      g("p", "ASK", "HOST", "DELIVERED", 7, 28),
      g("p", "ASK", "HOST", "OPEN", 2, 6),
      g("p", "ASK", "PARTNER", "DELIVERED", 3, 9),
      g("p", "ASK", "PARTNER", "DECLINED", 5, 15),
    ];
    expect(balanceOfGroups(groups)).toEqual(lopsided);
  });

  it("computes each partnership's index on its own rows, offers included", () => {
    const groups = [
      // a: Northwind's offers delivered, value 8 (a 5 and an unrated); Globex's ask delivered by
      // Northwind, value 2. Northwind gave 10, Globex 0: index 0, 3 deliveries, not one-sided.
      g("a", "OFFER", "HOST", "DELIVERED", 2, 8),
      g("a", "ASK", "PARTNER", "DELIVERED", 1, 2),
      // b: each side's ask delivered, 4 and 3: index round(300 / 4) = 75.
      g("b", "ASK", "HOST", "DELIVERED", 1, 4),
      g("b", "ASK", "PARTNER", "DELIVERED", 1, 3),
      // c: asked, nothing delivered: no index.
      g("c", "ASK", "HOST", "ACCEPTED", 2, 6),
      // d: Globex gave 4 deliveries worth 12, Northwind one worth 4: index 33, one-sided.
      g("d", "ASK", "HOST", "DELIVERED", 4, 12),
      g("d", "OFFER", "HOST", "DELIVERED", 1, 4),
    ];
    const by = balancesByPartnership(groups);
    expect(by.get("a")).toMatchObject({ index: 0, delivered: 3, oneSided: false });
    expect(by.get("a")!.HOST).toMatchObject({ valueGiven: 10, offersDelivered: 2, asksFulfilled: 1 });
    expect(by.get("b")).toMatchObject({ index: 75, delivered: 2, oneSided: false });
    expect(by.get("c")).toMatchObject({ index: null, delivered: 0, oneSided: false });
    expect(by.get("d")).toMatchObject({ index: 33, delivered: 5, oneSided: true });
    expect(by.has("e")).toBe(false);

    const rows = ["a", "b", "c", "d", "e"].map((id) => ({ id, name: id.toUpperCase() }));
    expect(leastBalanced(rows, by).map((r) => [r.id, r.index, r.oneSided])).toEqual([
      ["a", 0, false],
      ["d", 33, true],
      ["b", 75, false],
    ]);
    expect(leastBalanced(rows, by)[1]!.given).toEqual({ HOST: 4, PARTNER: 12 });
  });
});
