// The one-sided exchange alert's words point the owner to the side that can rebalance it.
import { describe, expect, it } from "vitest";
import { oneSidedNotice } from "../../server/services/email/alert";

const facts = { partnershipName: "Globex Cloud Resale", year: 2026, index: 28, delivered: 13 };

describe("the one-sided exchange alert", () => {
  it("when the partner gives most, asks the company to give back", () => {
    const n = oneSidedNotice({ ...facts, giverName: "Globex", otherName: "Northwind", hostGaveMore: false });
    expect(n.title).toBe("Globex Cloud Resale: the exchange has become one-sided");
    expect(n.body).toContain("most of the value came from Globex: a reciprocity index of 28");
    expect(n.body).toContain("Answer Globex's open asks, or offer what it needs.");
  });

  it("when the company gives most, suggests asking the partner for something in return", () => {
    const n = oneSidedNotice({ ...facts, giverName: "Northwind", otherName: "Globex", hostGaveMore: true });
    expect(n.body).toContain("Ask Globex for something specific in return.");
  });
});
