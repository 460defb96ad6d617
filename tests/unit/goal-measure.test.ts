import { describe, expect, it } from "vitest";
import { formatAgainstTarget, formatRange, formatValue, measuredProgress, valueAtProgress } from "../../server/services/goals/measure";
import { parseTarget } from "../../server/services/goals/parse-target";
import { TARGET_CASES } from "./goal-target-cases";

const pipeline = { unit: "$", startValue: 0, targetValue: 2_000_000 };
const deals = { unit: "deals", startValue: 0, targetValue: 20 };
// Lower is better: churn from 40% down to 25%.
const churn = { unit: "%", startValue: 40, targetValue: 25 };

describe("measuredProgress", () => {
  it("is the share of the way from start to target, rounded", () => {
    expect(measuredProgress(pipeline, 1_200_000)).toBe(60);
    expect(measuredProgress(deals, 14)).toBe(70);
    expect(measuredProgress(deals, 0)).toBe(0);
    expect(measuredProgress({ unit: "%", startValue: 10, targetValue: 50 }, 38)).toBe(70);
  });

  it("works the same when lower is better", () => {
    expect(measuredProgress(churn, 40)).toBe(0);
    expect(measuredProgress(churn, 31)).toBe(60);
    expect(measuredProgress(churn, 25)).toBe(100);
  });

  it("is clamped to 0-100: past the target is done, behind the start is nothing yet", () => {
    expect(measuredProgress(deals, 26)).toBe(100);
    expect(measuredProgress(deals, -3)).toBe(0);
    expect(measuredProgress(churn, 20)).toBe(100);
    expect(measuredProgress(churn, 45)).toBe(0);
  });

  it("gives back the progress an old percentage became", () => {
    for (const m of [pipeline, deals, churn])
      for (const p of [0, 15, 35, 70, 100]) expect(measuredProgress(m, valueAtProgress(m, p))).toBe(p);
  });
});

describe("formatting", () => {
  it("writes values as people write them", () => {
    expect(formatValue("$", 2_000_000)).toBe("$2.0M");
    expect(formatValue("$", 850_000)).toBe("$850K");
    expect(formatValue("$", 1200)).toBe("$1,200");
    expect(formatValue("€", 1_500_000_000)).toBe("€1.5B");
    expect(formatValue("%", 37.5)).toBe("37.5%");
    expect(formatValue("deals", 14)).toBe("14 deals");
    expect(formatValue("", 14)).toBe("14");
  });

  it("says a value against its target", () => {
    expect(formatAgainstTarget(pipeline, 1_200_000)).toBe("$1.2M of $2.0M");
    expect(formatAgainstTarget(pipeline, 400_000)).toBe("$0.4M of $2.0M");
    expect(formatAgainstTarget(deals, 14)).toBe("14 of 20 deals");
    expect(formatAgainstTarget({ unit: "%", startValue: 0, targetValue: 50 }, 38)).toBe("38% of 50%");
    expect(formatAgainstTarget({ unit: "", startValue: 0, targetValue: 40 }, 12)).toBe("12 of 40");
  });

  it("names the start only when there is one", () => {
    expect(formatRange(pipeline)).toBe("$2.0M");
    expect(formatRange(churn)).toBe("from 40% to 25%");
    expect(formatRange({ unit: "$", startValue: 800_000, targetValue: 2_000_000 })).toBe("from $0.8M to $2.0M");
  });
});

describe("parseTarget (the migration's rules)", () => {
  it.each(TARGET_CASES)("reads %j", (text, expected) => {
    expect(parseTarget(text)).toEqual(expected);
  });
});
