// The scoring rules of DESIGN.md, pinned on hand-computed figures.
import { describe, expect, it } from "vitest";
import {
  band,
  combinedScore,
  GAP_THRESHOLD,
  healthIndex,
  perceptionGap,
  responsePillarScore,
  scoreCycle,
  sideScore,
  toPercent,
  trend,
} from "../../server/services/scoring";

describe("toPercent", () => {
  it("maps the 1-5 agreement scale onto 0-100", () => {
    expect(toPercent(1)).toBe(0);
    expect(toPercent(2)).toBe(25);
    expect(toPercent(3)).toBe(50);
    expect(toPercent(4)).toBe(75);
    expect(toPercent(5)).toBe(100);
  });
});

describe("responsePillarScore", () => {
  it('excludes "Don\'t know" from the mean: [5,4,null,3] has mean 4, which is 75', () => {
    expect(responsePillarScore([5, 4, null, 3])).toBe(75);
  });

  it('does not count "Don\'t know" as a low answer', () => {
    // Counted as 0 or 1 it would pull the mean down; excluded it leaves 5 -> 100.
    expect(responsePillarScore([5, null, null, null])).toBe(100);
  });

  it("is the plain mapped mean when every item is answered", () => {
    // (4+4+3+3)/4 = 3.5 -> (3.5-1)/4*100 = 62.5
    expect(responsePillarScore([4, 4, 3, 3])).toBe(62.5);
    expect(responsePillarScore([1, 1, 1, 1])).toBe(0);
  });

  it('is null when every item was "Don\'t know"', () => {
    expect(responsePillarScore([null, null, null, null])).toBeNull();
    expect(responsePillarScore([])).toBeNull();
  });
});

describe("sideScore", () => {
  it("is the mean of the side's response pillar scores", () => {
    expect(sideScore([100, 75, 50])).toBe(75);
  });

  it("skips responses whose pillar score is null", () => {
    expect(sideScore([100, null, 50])).toBe(75);
  });

  it("is null when the side has no scored response", () => {
    expect(sideScore([])).toBeNull();
    expect(sideScore([null, null])).toBeNull();
  });
});

describe("combinedScore", () => {
  it("weights the two sides equally, not the pooled responses", () => {
    // Host: 3 responses averaging 80; partner: 1 response of 40.
    // Sides equal: (80 + 40) / 2 = 60. Pooled would be (3*80 + 40) / 4 = 70.
    const host = sideScore([80, 80, 80]);
    const partner = sideScore([40]);
    expect(combinedScore({ host, partner })).toBe(60);
  });

  it("is that side's score when only one side answered", () => {
    expect(combinedScore({ host: 72, partner: null })).toBe(72);
    expect(combinedScore({ host: null, partner: 41 })).toBe(41);
  });

  it("is null when neither side answered", () => {
    expect(combinedScore({ host: null, partner: null })).toBeNull();
  });

  it("keeps a zero score rather than treating it as missing", () => {
    expect(combinedScore({ host: 0, partner: 50 })).toBe(25);
    expect(combinedScore({ host: 0, partner: null })).toBe(0);
  });
});

describe("healthIndex", () => {
  it("is the plain mean of the pillars with equal weights", () => {
    // (80 + 60 + 70 + 50) / 4 = 65
    const pillars = [80, 60, 70, 50].map((score) => ({ score, weight: 1 }));
    expect(healthIndex(pillars)).toBe(65);
  });

  it("is the weighted mean with unequal weights", () => {
    // (80*2 + 60*1 + 70*1) / (2+1+1) = 290 / 4 = 72.5
    expect(
      healthIndex([
        { score: 80, weight: 2 },
        { score: 60, weight: 1 },
        { score: 70, weight: 1 },
      ]),
    ).toBe(72.5);
  });

  it("drops a pillar nobody scored instead of counting it as zero", () => {
    // (80*1 + 50*3) / (1+3) = 230 / 4 = 57.5; the null pillar's weight does not count.
    expect(
      healthIndex([
        { score: 80, weight: 1 },
        { score: null, weight: 5 },
        { score: 50, weight: 3 },
      ]),
    ).toBe(57.5);
  });

  it("is null when no pillar has a score", () => {
    expect(healthIndex([{ score: null, weight: 1 }])).toBeNull();
    expect(healthIndex([])).toBeNull();
  });
});

describe("band", () => {
  it("is healthy from 75 up", () => {
    expect(band(100)).toBe("HEALTHY");
    expect(band(75)).toBe("HEALTHY");
  });

  it("reads the rounded score people see: 74.6 shows as 75 and is healthy, 74.4 is watch", () => {
    expect(band(74.6)).toBe("HEALTHY");
    expect(band(74.4)).toBe("WATCH");
  });

  it("is watch from 60 to 74", () => {
    expect(band(74)).toBe("WATCH");
    expect(band(60)).toBe("WATCH");
    expect(band(59.5)).toBe("WATCH");
  });

  it("is at risk below 60", () => {
    expect(band(59.4)).toBe("AT_RISK");
    expect(band(0)).toBe("AT_RISK");
  });
});

describe("trend", () => {
  it("is the change against the previous cycle", () => {
    expect(trend([60, 70])).toBe(10);
    expect(trend([80, 65])).toBe(-15);
  });

  it("skips earlier cycles without a score", () => {
    expect(trend([50, null, null, 62])).toBe(12);
  });

  it("is null when no earlier cycle has a score", () => {
    expect(trend([70])).toBeNull();
    expect(trend([null, null, 70])).toBeNull();
    expect(trend([])).toBeNull();
  });

  it("is null when the current cycle has no score", () => {
    expect(trend([60, 70, null])).toBeNull();
  });
});

describe("perceptionGap", () => {
  it("flags a gap of exactly 20 points", () => {
    expect(GAP_THRESHOLD).toBe(20);
    expect(perceptionGap({ host: 80, partner: 60 })).toEqual({ gap: 20, flagged: true, higher: "HOST" });
  });

  it("does not flag 19.9 points", () => {
    const gap = perceptionGap({ host: 50, partner: 69.9 })!;
    expect(gap.gap).toBeCloseTo(19.9, 10);
    expect(gap.flagged).toBe(false);
    expect(gap.higher).toBe("PARTNER");
  });

  it("says which side rates the pillar higher", () => {
    expect(perceptionGap({ host: 30, partner: 75 })).toEqual({ gap: 45, flagged: true, higher: "PARTNER" });
    expect(perceptionGap({ host: 60, partner: 60 })).toEqual({ gap: 0, flagged: false, higher: null });
  });

  it("is null unless both sides have a score", () => {
    expect(perceptionGap({ host: 60, partner: null })).toBeNull();
    expect(perceptionGap({ host: null, partner: 60 })).toBeNull();
  });
});

describe("scoreCycle", () => {
  it("turns stored response scores into side, combined and health figures", () => {
    // Pillars: a (weight 1), b (weight 3).
    // HOST    r1: a=100, b=50     r2: a=50, b=null ("Don't know" throughout)
    // PARTNER r3: a=25,  b=75     (r3 has no entry for a missing pillar "c": counts as null)
    // host a    = (100 + 50) / 2 = 75        host b    = 50 (r2's null skipped)
    // partner a = 25                          partner b = 75
    // combined a = (75 + 25) / 2 = 50         combined b = (50 + 75) / 2 = 62.5
    // health = (50*1 + 62.5*3) / (1+3) = 237.5 / 4 = 59.375
    const result = scoreCycle(
      [
        { key: "a", name: "A", weight: 1 },
        { key: "b", name: "B", weight: 3 },
      ],
      [
        { side: "HOST", scores: { a: 100, b: 50 } },
        { side: "HOST", scores: { a: 50, b: null } },
        { side: "PARTNER", scores: { a: 25, b: 75 } },
      ],
    );
    // Responses behind each figure: r2 has no score for b, so host b comes from one response; r2
    // still counts for the health index through a.
    expect(result.pillars).toEqual([
      { key: "a", host: 75, partner: 25, combined: 50, scored: { HOST: 2, PARTNER: 1 } },
      { key: "b", host: 50, partner: 75, combined: 62.5, scored: { HOST: 1, PARTNER: 1 } },
    ]);
    expect(result.health).toBe(59.375);
    expect(band(result.health!)).toBe("AT_RISK");
    expect(result.responses).toEqual({ HOST: 2, PARTNER: 1 });
    expect(result.scored).toEqual({ HOST: 2, PARTNER: 1 });
  });

  it("uses one side alone when the other did not answer, and counts no responses as zero", () => {
    // Only the partner answered: combined = partner = (100 + 50) / 2 = 75; health 75.
    const result = scoreCycle(
      [{ key: "a", name: "A", weight: 1 }],
      [
        { side: "PARTNER", scores: { a: 100 } },
        { side: "PARTNER", scores: { a: 50 } },
      ],
    );
    expect(result.pillars).toEqual([{ key: "a", host: null, partner: 75, combined: 75, scored: { HOST: 0, PARTNER: 2 } }]);
    expect(result.health).toBe(75);
    expect(result.responses).toEqual({ HOST: 0, PARTNER: 2 });
  });

  it('has no health when every answer was "Don\'t know"', () => {
    const result = scoreCycle([{ key: "a", name: "A", weight: 1 }], [{ side: "HOST", scores: { a: null } }]);
    expect(result.pillars).toEqual([{ key: "a", host: null, partner: null, combined: null, scored: { HOST: 0, PARTNER: 0 } }]);
    expect(result.health).toBeNull();
    // A response of "Don't know" throughout is a response, but nothing comes from it.
    expect(result.responses).toEqual({ HOST: 1, PARTNER: 0 });
    expect(result.scored).toEqual({ HOST: 0, PARTNER: 0 });
  });
});
