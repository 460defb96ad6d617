import { describe, expect, it } from "vitest";
import { cycleAxisProps, fitHealthAxis } from "../../app/_lib/chart-axis";

const evenlySpaced = (ticks: number[]) => new Set(ticks.slice(1).map((t, i) => t - ticks[i]!)).size === 1;

describe("fitHealthAxis", () => {
  it("fits a nearly flat line instead of drawing it on 0-100, with even ticks", () => {
    const axis = fitHealthAxis([64, 66, 65.5, 67]);
    expect(axis.domain).toEqual([50, 80]);
    expect(axis.ticks).toEqual([50, 55, 60, 65, 70, 75, 80]);
  });

  it("keeps ticks even and the domain inside 0-100 whatever the data", () => {
    for (const values of [[0, 100], [2, 3], [97, 99], [40, 90], [59.4], [12, 88, 47]]) {
      const { domain, ticks } = fitHealthAxis(values);
      expect(domain[0]).toBeGreaterThanOrEqual(0);
      expect(domain[1]).toBeLessThanOrEqual(100);
      expect(ticks[0]).toBe(domain[0]);
      expect(ticks.at(-1)).toBe(domain[1]);
      expect(evenlySpaced(ticks)).toBe(true);
      expect(ticks.length).toBeLessThanOrEqual(7);
      for (const v of values) expect(v >= domain[0] && v <= domain[1]).toBe(true);
    }
  });

  it("shifts a range near an end rather than cutting it short", () => {
    expect(fitHealthAxis([97, 99]).domain).toEqual([75, 100]);
    expect(fitHealthAxis([1, 2]).domain).toEqual([0, 30]);
  });

  it("shows the whole scale when there is nothing to fit, ignoring gaps", () => {
    expect(fitHealthAxis([]).domain).toEqual([0, 100]);
    expect(fitHealthAxis([null, undefined]).ticks).toEqual([0, 20, 40, 60, 80, 100]);
    expect(fitHealthAxis([null, 70, null, 72]).domain).toEqual([55, 85]);
  });
});

describe("cycleAxisProps", () => {
  it("labels every cycle, tilting them past six", () => {
    expect(cycleAxisProps(4)).toEqual({ interval: 0, tick: { fontSize: 12 } });
    expect(cycleAxisProps(8)).toMatchObject({ interval: 0, angle: -35, textAnchor: "end" });
  });
});
