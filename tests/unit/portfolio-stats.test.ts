// The portfolio's spread: median and quartiles, pinned on hand-computed cases.
import { describe, expect, it } from "vitest";
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
