// The portfolio's spread (median and quartiles) and its perception gaps, pinned on hand-computed
// cases.
import { describe, expect, it } from "vitest";
import { gaps } from "../../server/services/portfolio/insights";
import type { HealthCell, PillarCell } from "../../server/services/portfolio/queries";
import type { Standing } from "../../server/services/portfolio/rows";
import { median, quantile, quartiles } from "../../server/services/scoring";

describe("median", () => {
  it("is the middle score of an odd count, whatever the order", () => {
    expect(median([70, 50, 90])).toBe(70);
  });

  it("is the mean of the middle two of an even count", () => {
    // sorted 40, 60, 62, 80: (60 + 62) / 2
    expect(median([80, 40, 62, 60])).toBe(61);
  });

  it("is null with no scores and the score itself with one", () => {
    expect(median([])).toBeNull();
    expect(median([66.7])).toBe(66.7);
  });
});

describe("quartiles", () => {
  it("interpolates between the nearest ranks", () => {
    // sorted 10, 20, 30, 40, 50: q1 at rank 1 (20), median at rank 2 (30), q3 at rank 3 (40)
    expect(quartiles([50, 10, 40, 20, 30])).toEqual({ q1: 20, median: 30, q3: 40 });
    // sorted 10, 20, 30, 40: q1 at rank 0.75 -> 10 + 0.75 * 10 = 17.5; q3 at rank 2.25 -> 30 + 0.25 * 10 = 32.5
    expect(quartiles([40, 30, 20, 10])).toEqual({ q1: 17.5, median: 25, q3: 32.5 });
  });

  it("collapses onto the score when there is one, and is null when there are none", () => {
    expect(quartiles([62.5])).toEqual({ q1: 62.5, median: 62.5, q3: 62.5 });
    expect(quartiles([])).toBeNull();
  });

  it("leaves its input unsorted", () => {
    const values = [3, 1, 2];
    quartiles(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("quantile", () => {
  it("gives the extremes at 0 and 1", () => {
    expect(quantile([5, 9, 1], 0)).toBe(1);
    expect(quantile([5, 9, 1], 1)).toBe(9);
  });

  it("refuses a fraction outside 0-1", () => {
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
    expect(() => quantile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe("gaps", () => {
  const confidential = { threshold: 3, attributed: false };
  const cycle = {
    id: "c1",
    label: "2031-Q1",
    status: "CLOSED" as const,
    opensAt: new Date(0),
    closesAt: new Date(0),
    frameworkVersionId: "v1",
    pillars: ["trust", "ops"].map((key) => ({ id: key, key, name: key === "trust" ? "Trust" : "Ops", weight: 1 })),
  };
  const row = (id: string): Standing => ({
    id,
    name: id,
    healths: [60],
    current: 0,
    previous: -1,
    latest: 0,
    health: 60,
    band: "WATCH",
    change: null,
    sidesCycle: 0,
  });
  // Three responses a side; the stored largest gap is Trust's 40.
  const cell = (minPartner: number): HealthCell => ({
    health: 60,
    host: 3,
    partner: 3,
    hostScored: 3,
    partnerScored: 3,
    minHostScored: 3,
    minPartnerScored: minPartner,
    gap: 40,
    gapPillarKey: "trust",
    gapHigher: "HOST",
  });
  const pillar = (host: number, partner: number, partnerScored: number): PillarCell => ({
    host,
    partner,
    combined: (host + partner) / 2,
    hostScored: 3,
    partnerScored,
  });

  it("takes the stored gap when every pillar shows both sides, without pillar rows", () => {
    const found = gaps([row("a")], [cycle], new Map([["a", new Map([["c1", cell(3)]])]]), new Map(), confidential);
    expect(found).toEqual([{ id: "a", pillar: "Trust", gap: 40, higher: "HOST", cycleLabel: "2031-Q1" }]);
  });

  it("decides pillar by pillar when a pillar has too few responses of a side behind it", () => {
    // Trust is scored by 3 partners, Ops by 2: Ops's sides are withheld, so its 30-point gap may
    // not show; Trust's 40 may.
    const matrix = new Map([["a", new Map([["c1", cell(2)]])]]);
    const table = new Map([
      [
        "a:c1",
        new Map([
          ["trust", pillar(80, 40, 3)],
          ["ops", pillar(90, 60, 2)],
        ]),
      ],
    ]);
    expect(gaps([row("a")], [cycle], matrix, table, confidential).map((g) => [g.pillar, g.gap])).toEqual([["Trust", 40]]);
    // With Trust the thin one, its stored 40 may not show; Ops's 30 (3 partners) is the gap.
    const swapped = new Map([
      [
        "a:c1",
        new Map([
          ["trust", pillar(80, 40, 2)],
          ["ops", pillar(90, 60, 3)],
        ]),
      ],
    ]);
    expect(gaps([row("a")], [cycle], matrix, swapped, confidential).map((g) => [g.pillar, g.gap])).toEqual([["Ops", 30]]);
    // Without its pillar rows, an undecided candidate is left out, never shown as stored.
    expect(gaps([row("a")], [cycle], matrix, new Map(), confidential)).toEqual([]);
  });
});
