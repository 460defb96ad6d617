import { describe, expect, it } from "vitest";
import { dueReminder, nextPeriod, periodOf, windowOf } from "../../server/services/periods";

const d = (iso: string) => new Date(iso);

describe("periodOf", () => {
  it("labels quarters, months and half-years in UTC", () => {
    expect(periodOf("QUARTERLY", d("2026-11-23T12:00:00Z"))).toEqual({ label: "2026-Q4", start: d("2026-10-01T00:00:00Z") });
    expect(periodOf("QUARTERLY", d("2026-01-01T00:00:00Z"))).toEqual({ label: "2026-Q1", start: d("2026-01-01T00:00:00Z") });
    expect(periodOf("MONTHLY", d("2026-02-28T23:59:59Z"))).toEqual({ label: "2026-02", start: d("2026-02-01T00:00:00Z") });
    expect(periodOf("HALF_YEARLY", d("2026-07-01T00:00:00Z"))).toEqual({ label: "2026-H2", start: d("2026-07-01T00:00:00Z") });
    expect(periodOf("HALF_YEARLY", d("2026-06-30T23:59:59Z")).label).toBe("2026-H1");
  });

  it("rolls over into the next year", () => {
    expect(nextPeriod("QUARTERLY", periodOf("QUARTERLY", d("2026-12-15T00:00:00Z")))).toEqual({
      label: "2027-Q1",
      start: d("2027-01-01T00:00:00Z"),
    });
    expect(nextPeriod("MONTHLY", periodOf("MONTHLY", d("2026-12-15T00:00:00Z"))).label).toBe("2027-01");
  });
});

describe("windowOf", () => {
  it("opens on the given day of the period's first month and stays open the given days", () => {
    const q4 = periodOf("QUARTERLY", d("2026-11-23T00:00:00Z"));
    expect(windowOf(q4, 1, 21)).toEqual({ opensAt: d("2026-10-01T00:00:00Z"), closesAt: d("2026-10-22T00:00:00Z") });
    expect(windowOf(q4, 15, 10)).toEqual({ opensAt: d("2026-10-15T00:00:00Z"), closesAt: d("2026-10-25T00:00:00Z") });
  });
});

describe("dueReminder", () => {
  const cycle = { opensAt: d("2026-10-01T00:00:00Z"), closesAt: d("2026-10-22T00:00:00Z"), openedAt: d("2026-10-01T00:00:00Z") };

  it("is the opening notice for the first week", () => {
    expect(dueReminder(cycle, d("2026-10-01T00:00:00Z"))).toBe("OPENED");
    expect(dueReminder(cycle, d("2026-10-07T23:59:59Z"))).toBe("OPENED");
  });

  it("is the week-in reminder from 7 days after opening", () => {
    expect(dueReminder(cycle, d("2026-10-08T00:00:00Z"))).toBe("WEEK_IN");
    expect(dueReminder(cycle, d("2026-10-19T23:59:59Z"))).toBe("WEEK_IN");
  });

  it("is the closing-soon reminder in the last 2 days, and nothing once closed", () => {
    expect(dueReminder(cycle, d("2026-10-20T00:00:00Z"))).toBe("CLOSING_SOON");
    expect(dueReminder(cycle, d("2026-10-22T00:00:00Z"))).toBeNull();
  });

  it("counts the week from when a late-opened cycle actually opened", () => {
    expect(dueReminder({ ...cycle, openedAt: d("2026-10-05T00:00:00Z") }, d("2026-10-10T00:00:00Z"))).toBe("OPENED");
  });
});
