// The aggregates stored per partnership and cycle, on hand-computed cases.
import { describe, expect, it } from "vitest";
import { computeCycleAggregates } from "../../server/services/aggregates";
import { largestGap, statementScore } from "../../server/services/scoring";

describe("statementScore", () => {
  it("maps the mean of answered values to 0-100 and counts Don't know apart", () => {
    // (2 + 4 + 5) / 3 = 3.667 -> (3.667 - 1) / 4 * 100 = 66.67
    const s = statementScore([2, null, 4, 5, null]);
    expect(s.score).toBeCloseTo(66.667, 3);
    expect(s.answered).toBe(3);
    expect(s.dontKnow).toBe(2);
  });

  it("has no score when everyone said Don't know", () => {
    expect(statementScore([null, null])).toEqual({ score: null, answered: 0, dontKnow: 2 });
    expect(statementScore([])).toEqual({ score: null, answered: 0, dontKnow: 0 });
  });
});

describe("computeCycleAggregates", () => {
  // Two pillars of two statements; trust weighs 3, ops 1.
  const pillars = [
    { id: "p-trust", key: "trust", weight: 3, statements: [{ id: "t1" }, { id: "t2" }] },
    { id: "p-ops", key: "ops", weight: 1, statements: [{ id: "o1" }, { id: "o2" }] },
  ];
  const response = (side: "HOST" | "PARTNER", t1: number | null, t2: number | null, o1: number | null, o2: number | null) => ({
    side,
    answers: new Map([
      ["t1", t1],
      ["t2", t2],
      ["o1", o1],
      ["o2", o2],
    ]),
  });

  it("gives each side equal weight, skips Don't know, and weights the health index", () => {
    const agg = computeCycleAggregates(pillars, [
      // host a: trust (5+5)/2=5 -> 100, ops (3+null) -> 3 -> 50
      response("HOST", 5, 5, 3, null),
      // host b: trust (4+4)/2=4 -> 75, ops (1+1) -> 0
      response("HOST", 4, 4, 1, 1),
      // partner: trust (2+null) -> 25, ops all Don't know -> null
      response("PARTNER", 2, null, null, null),
    ]);
    // host trust (100+75)/2 = 87.5; partner trust 25; combined (87.5+25)/2 = 56.25
    // host ops (50+0)/2 = 25; partner ops null; combined 25 (the host side alone)
    // health (56.25*3 + 25*1) / 4 = 48.4375
    // The responses behind each: the partner's ops is all Don't know, so it scores no ops.
    expect(agg.pillars).toEqual([
      { pillarId: "p-trust", pillarKey: "trust", host: 87.5, partner: 25, combined: 56.25, hostScored: 2, partnerScored: 1 },
      { pillarId: "p-ops", pillarKey: "ops", host: 25, partner: null, combined: 25, hostScored: 2, partnerScored: 0 },
    ]);
    expect(agg.health).toBeCloseTo(48.4375, 10);
    expect([agg.hostResponses, agg.partnerResponses]).toEqual([2, 1]);
    expect([agg.hostScored, agg.partnerScored]).toEqual([2, 1]);
    // The fewest behind any scored pillar: host 2 (both); partner 0 (ops has a combined score
    // from the host alone, and no partner response behind it).
    expect([agg.minHostScored, agg.minPartnerScored]).toEqual([2, 0]);

    const st = (id: string, side: string) => agg.statements.find((s) => s.statementId === id && s.side === side);
    // host t1: (5+4)/2 = 4.5 -> 87.5; partner t2: only Don't know
    expect(st("t1", "HOST")).toEqual({ statementId: "t1", side: "HOST", score: 87.5, answered: 2, dontKnow: 0 });
    expect(st("o2", "HOST")).toEqual({ statementId: "o2", side: "HOST", score: 0, answered: 1, dontKnow: 1 });
    expect(st("t2", "PARTNER")).toEqual({ statementId: "t2", side: "PARTNER", score: null, answered: 0, dontKnow: 1 });
    expect(agg.statements).toHaveLength(8);
  });

  it("has no health and no statement rows for a side nobody from answered", () => {
    const agg = computeCycleAggregates(pillars, [response("PARTNER", null, null, null, null)]);
    expect(agg.health).toBeNull();
    expect(agg.statements.every((s) => s.side === "PARTNER")).toBe(true);
    expect(agg.pillars.every((p) => p.combined === null && p.partnerScored === 0)).toBe(true);
    // A response, but none with an answer: nothing may come from it.
    expect([agg.partnerResponses, agg.partnerScored]).toEqual([1, 0]);
    expect([agg.minHostScored, agg.minPartnerScored]).toEqual([0, 0]);
  });
});

describe("largestGap", () => {
  it("picks the largest |host - partner|, the first pillar on a tie, and skips one-sided pillars", () => {
    const gap = largestGap([
      { key: "trust", host: 80, partner: 50 }, // 30, host higher
      { key: "ops", host: 40, partner: 70 }, // 30, partner higher: a tie, trust stays
      { key: "comms", host: 90, partner: null },
    ]);
    expect(gap).toEqual({ key: "trust", gap: 30, flagged: true, higher: "HOST" });
    expect(largestGap([{ key: "comms", host: 90, partner: null }])).toBeNull();
    expect(largestGap([{ key: "x", host: 60, partner: 60.5 }])).toEqual({ key: "x", gap: 0.5, flagged: false, higher: "PARTNER" });
  });
});
