// The value exchange's pure rules with hand-computed cases: who may make each move and from which
// status, the clear-ask coaching, and the give/get balance with its reciprocity index.
import { describe, expect, it } from "vitest";
import { clarityHints, concreteWords } from "../../server/services/exchange/clarity";
import { decideMove, statusRefusal, type ItemFacts } from "../../server/services/exchange/life";
import { balanceOf, type ExchangeFact } from "../../server/services/exchange/reciprocity";
import { reciprocityIndex } from "../../server/services/scoring";

const names = { HOST: "Northwind", PARTNER: "Globex" };
const today = new Date("2030-03-10T00:00:00Z");
const item = (over: Partial<ItemFacts> = {}): ItemFacts => ({
  kind: "ASK",
  side: "HOST",
  status: "OPEN",
  dueDate: new Date("2030-03-20T00:00:00Z"),
  actionId: null,
  ...over,
});

describe("the life of an ask or offer", () => {
  it("lets the other side accept, decline or ask to clarify, and refuses the making side with a sentence", () => {
    expect(decideMove("accept", item(), "PARTNER", names, today)).toEqual({ ok: true, next: "ACCEPTED" });
    expect(decideMove("decline", item(), "PARTNER", names, today)).toEqual({ ok: true, next: "DECLINED" });
    expect(decideMove("clarify", item(), "PARTNER", names, today)).toEqual({ ok: true, next: "CLARIFY" });
    expect(decideMove("accept", item(), "HOST", names, today)).toEqual({
      ok: false,
      code: "FORBIDDEN",
      message: "Only Globex's people can accept an ask made by Northwind.",
    });
    expect(decideMove("accept", item({ kind: "OFFER", side: "PARTNER" }), "PARTNER", names, today)).toMatchObject({
      message: "Only Northwind's people can accept an offer made by Globex.",
    });
  });

  it("lets the making side answer a question (back to open) and withdraw what nobody accepted", () => {
    expect(decideMove("answer", item({ status: "CLARIFY" }), "HOST", names, today)).toEqual({ ok: true, next: "OPEN" });
    expect(decideMove("answer", item({ status: "CLARIFY" }), "PARTNER", names, today)).toMatchObject({
      code: "FORBIDDEN",
      message: "Only Northwind's people, who made this ask, can answer a question about it.",
    });
    expect(decideMove("answer", item(), "HOST", names, today)).toMatchObject({
      code: "BAD_REQUEST",
      message: "There is no question to answer about this ask.",
    });
    expect(decideMove("withdraw", item({ status: "CLARIFY" }), "HOST", names, today)).toEqual({ ok: true, next: "WITHDRAWN" });
    expect(decideMove("withdraw", item({ status: "ACCEPTED" }), "HOST", names, today)).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^This ask was already accepted, so it can no longer be withdrawn/),
    });
  });

  it("has an ask confirmed delivered by the side that asked, an offer by the side it was offered to", () => {
    const ask = item({ status: "ACCEPTED" });
    expect(decideMove("deliver", ask, "HOST", names, today)).toEqual({ ok: true, next: "DELIVERED" });
    expect(decideMove("deliver", ask, "PARTNER", names, today)).toMatchObject({
      message: "Only Northwind's people, who made this ask, can confirm it was delivered.",
    });
    const offer = item({ kind: "OFFER", status: "ACCEPTED" });
    expect(decideMove("deliver", offer, "PARTNER", names, today)).toEqual({ ok: true, next: "DELIVERED" });
    expect(decideMove("deliver", offer, "HOST", names, today)).toMatchObject({
      message: "Only Globex's people, who received this offer, can confirm it was delivered.",
    });
    expect(decideMove("deliver", item(), "HOST", names, today)).toMatchObject({ message: "This ask has not been accepted yet." });
  });

  it("refuses a second decision with what already happened", () => {
    expect(decideMove("accept", item({ status: "ACCEPTED" }), "PARTNER", names, today)).toMatchObject({
      code: "BAD_REQUEST",
      message: "This ask was already accepted.",
    });
    expect(statusRefusal("decline", item({ status: "DELIVERED" }), today)).toBe("This ask was already delivered.");
    expect(statusRefusal("accept", item({ status: "WITHDRAWN" }), today)).toBe("This ask was withdrawn.");
    expect(statusRefusal("clarify", item({ status: "CLARIFY" }), today)).toBe(
      "A question about this ask is already waiting for an answer.",
    );
  });

  it("lets either side mark an accepted item lapsed only after its day has passed", () => {
    const past = item({ status: "ACCEPTED", dueDate: new Date("2030-03-09T00:00:00Z") });
    expect(decideMove("lapse", past, "HOST", names, today)).toEqual({ ok: true, next: "LAPSED" });
    expect(decideMove("lapse", past, "PARTNER", names, today)).toEqual({ ok: true, next: "LAPSED" });
    expect(statusRefusal("lapse", item({ status: "ACCEPTED", dueDate: today }), today)).toBe(
      "This ask is not overdue: its date is 10 Mar 2030.",
    );
    expect(statusRefusal("lapse", item({ status: "ACCEPTED", dueDate: null }), today)).toBe("This ask has no date, so it cannot lapse.");
  });

  it("turns only an accepted ask into an action, once", () => {
    expect(decideMove("toAction", item({ status: "ACCEPTED" }), "PARTNER", names, today)).toEqual({ ok: true, next: "ACCEPTED" });
    expect(statusRefusal("toAction", item({ status: "ACCEPTED", actionId: "a1" }), today)).toBe("This ask is already an action.");
    expect(statusRefusal("toAction", item({ kind: "OFFER", status: "ACCEPTED" }), today)).toMatch(/Only an ask becomes an action/);
  });
});

describe("coaching a clear ask", () => {
  const clear = {
    kind: "ASK" as const,
    title: "Three warm intros to Nordic retailers",
    counterpart: "Dana Lee, channel lead",
    counterpartMemberId: null,
    dueDate: today,
  };

  it("flags nothing in a clear ask", () => {
    expect(clarityHints(clear)).toEqual([]);
    expect(concreteWords(clear.title)).toEqual(["three", "warm", "intros", "nordic", "retailers"]);
  });

  it("flags a missing person, a vague deliverable and a missing date, each with an example", () => {
    const hints = clarityHints({
      kind: "ASK",
      title: "Help and support with synergies",
      counterpart: "",
      counterpartMemberId: null,
      dueDate: null,
    });
    expect(hints.map((h) => h.flag)).toEqual(["NO_PERSON", "NO_DELIVERABLE", "NO_DATE"]);
    expect(hints[0]!.example).toMatch(/^Ask Dana Lee \(Globex channel lead\) for three warm intros/);
  });

  it("counts a picked person as named, and a short title as vague", () => {
    expect(clarityHints({ ...clear, counterpart: "", counterpartMemberId: "m1" })).toEqual([]);
    expect(clarityHints({ ...clear, title: "Leads pls" }).map((h) => h.flag)).toEqual(["NO_DELIVERABLE"]);
    expect(clarityHints({ ...clear, title: "Help with marketing" }).map((h) => h.flag)).toEqual(["NO_DELIVERABLE"]);
    expect(clarityHints({ ...clear, title: "5 case studies for the EMEA launch" })).toEqual([]);
  });
});

describe("the give/get balance", () => {
  const f = (
    kind: "ASK" | "OFFER",
    side: "HOST" | "PARTNER",
    status: ExchangeFact["status"],
    rating: number | null = null,
  ): ExchangeFact => ({
    kind,
    side,
    status,
    rating,
  });

  it("is null with nothing delivered either way", () => {
    const b = balanceOf([f("ASK", "HOST", "OPEN"), f("OFFER", "PARTNER", "ACCEPTED")]);
    expect(b.index).toBeNull();
    expect(b.delivered).toBe(0);
    expect(b.oneSided).toBe(false);
    expect(b.HOST).toMatchObject({ asksMade: 1, asksReceived: 0, asksFulfilled: 0, offersMade: 0 });
    expect(b.PARTNER).toMatchObject({ asksMade: 0, asksReceived: 1, offersMade: 1, offersDelivered: 0 });
  });

  it("is 100 when both sides gave the same value", () => {
    // Host asked, partner delivered (rated 4): partner gave 4. Host offered, delivered, rated 4: host gave 4.
    const b = balanceOf([f("ASK", "HOST", "DELIVERED", 4), f("OFFER", "HOST", "DELIVERED", 4)]);
    expect(b.index).toBe(100);
    expect(b.HOST).toMatchObject({ valueGiven: 4, valueReceived: 4, offersDelivered: 1, asksMade: 1 });
    expect(b.PARTNER).toMatchObject({ valueGiven: 4, valueReceived: 4, asksFulfilled: 1, asksReceived: 1 });
  });

  it("counts an unrated delivery as 3 and rounds min/max", () => {
    // Partner gave: ask by host delivered unrated (3) + ask by host rated 5 = 8. Host gave: an
    // ask by partner rated 2 = 2. Index = round(100 * 2 / 8) = 25.
    const b = balanceOf([
      f("ASK", "HOST", "DELIVERED"),
      f("ASK", "HOST", "DELIVERED", 5),
      f("ASK", "PARTNER", "DELIVERED", 2),
      f("ASK", "PARTNER", "DECLINED"),
    ]);
    expect(b.PARTNER).toMatchObject({ valueGiven: 8, asksFulfilled: 2, asksReceived: 2, asksMade: 2, valueReceived: 2 });
    expect(b.HOST).toMatchObject({ valueGiven: 2, asksFulfilled: 1, asksReceived: 2, valueReceived: 8 });
    expect(b.index).toBe(25);
    expect(b.delivered).toBe(3);
    // Three deliveries: below the four a one-sided exchange needs.
    expect(b.oneSided).toBe(false);
  });

  it("is 0 when only one side gave, and one-sided from four deliveries below 40", () => {
    const three = [f("ASK", "PARTNER", "DELIVERED", 5), f("ASK", "PARTNER", "DELIVERED", 4), f("OFFER", "HOST", "DELIVERED", 1)];
    const lopsided = balanceOf(three);
    expect(lopsided.index).toBe(0);
    expect(lopsided.oneSided).toBe(false);
    const four = balanceOf([...three, f("OFFER", "HOST", "DELIVERED")]);
    expect(four.HOST.valueGiven).toBe(13);
    expect(four.index).toBe(0);
    expect(four.oneSided).toBe(true);
  });

  it("draws the one-sided line at 40: 39 is one-sided, 40 is not", () => {
    expect(reciprocityIndex(39, 100)).toBe(39);
    expect(reciprocityIndex(2, 5)).toBe(40);
    // Four deliveries: host gave 1 + 1 = 2, partner 3 + 2 = 5 (40), or 3 + 3 = 6 (33).
    const at40 = balanceOf([
      f("OFFER", "HOST", "DELIVERED", 1),
      f("OFFER", "HOST", "DELIVERED", 1),
      f("OFFER", "PARTNER", "DELIVERED", 3),
      f("OFFER", "PARTNER", "DELIVERED", 2),
    ]);
    expect(at40.index).toBe(40);
    expect(at40.oneSided).toBe(false);
    const at33 = balanceOf([
      f("OFFER", "HOST", "DELIVERED", 1),
      f("OFFER", "HOST", "DELIVERED", 1),
      f("OFFER", "PARTNER", "DELIVERED", 3),
      f("OFFER", "PARTNER", "DELIVERED", 3),
    ]);
    expect(at33.index).toBe(33);
    expect(at33.oneSided).toBe(true);
  });
});
