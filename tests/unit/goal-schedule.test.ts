import { describe, expect, it } from "vitest";
import { elapsedShare, goalSchedule } from "../../server/services/goals/schedule";

const d = (iso: string) => new Date(iso);
// A 100-day goal: 1 Jan to 11 Apr 2030, so each day is one percentage point of its time.
const goal = (progress: number | null, status: "ACTIVE" | "ACHIEVED" | "MISSED" | "DROPPED" = "ACTIVE") => ({
  status,
  startDate: d("2030-01-01T00:00:00Z"),
  dueDate: d("2030-04-11T00:00:00Z"),
  progress,
});
const day = (n: number) => new Date(d("2030-01-01T00:00:00Z").getTime() + n * 86_400_000);

describe("elapsedShare", () => {
  it("is the share of the goal's time that has passed, between 0 and 1", () => {
    expect(elapsedShare(d("2030-01-01"), d("2030-04-11"), day(0))).toBe(0);
    expect(elapsedShare(d("2030-01-01"), d("2030-04-11"), day(65))).toBeCloseTo(0.65);
    expect(elapsedShare(d("2030-01-01"), d("2030-04-11"), day(-5))).toBe(0);
    expect(elapsedShare(d("2030-01-01"), d("2030-04-11"), day(200))).toBe(1);
  });

  it("does not divide by zero for a goal due the day it starts", () => {
    expect(elapsedShare(d("2030-01-01"), d("2030-01-01"), d("2029-12-31"))).toBe(0);
    expect(elapsedShare(d("2030-01-01"), d("2030-01-01"), d("2030-01-01T12:00:00Z"))).toBe(1);
  });
});

describe("goalSchedule", () => {
  it("expects progress in proportion to the time passed", () => {
    expect(goalSchedule(goal(65), day(65))).toEqual({ expected: 65, behind: false, pastDue: false, reason: null });
  });

  it("is behind when the latest progress is more than 10 points below the expected", () => {
    expect(goalSchedule(goal(42), day(65))).toEqual({
      expected: 65,
      behind: true,
      pastDue: false,
      reason: "42% done, 65% expected by now",
    });
  });

  it("allows up to 10 points of slack", () => {
    expect(goalSchedule(goal(55), day(65)).behind).toBe(false);
    expect(goalSchedule(goal(54), day(65)).behind).toBe(true);
  });

  it("without a check-in, is behind only once more than a quarter of its time has passed", () => {
    expect(goalSchedule(goal(null), day(25)).behind).toBe(false);
    expect(goalSchedule(goal(null), day(30))).toMatchObject({ behind: true, reason: "No check-in yet, 30% of its time has passed" });
  });

  it("is behind once its due date has passed, whatever its progress", () => {
    // The due day itself still counts as on time; from the next day it is past due.
    expect(goalSchedule(goal(95), d("2030-04-11T18:00:00Z"))).toMatchObject({ behind: false, pastDue: false, expected: 100 });
    expect(goalSchedule(goal(95), d("2030-04-12T00:00:00Z"))).toMatchObject({
      behind: true,
      pastDue: true,
      reason: "Past its due date (11 Apr 2030) at 95%",
    });
    expect(goalSchedule(goal(null), d("2030-05-01T00:00:00Z")).reason).toBe("Past its due date (11 Apr 2030) with no check-in");
  });

  it("is never behind once decided (achieved, missed or dropped)", () => {
    for (const status of ["ACHIEVED", "MISSED", "DROPPED"] as const) {
      expect(goalSchedule(goal(10, status), day(90))).toMatchObject({ behind: false, reason: null });
      expect(goalSchedule(goal(null, status), d("2031-01-01T00:00:00Z")).behind).toBe(false);
    }
  });

  it("is not behind before it starts", () => {
    expect(goalSchedule(goal(null), day(-10))).toEqual({ expected: 0, behind: false, pastDue: false, reason: null });
  });
});
