// Survey periods and windows, as pure functions of the cadence and the date: the schedule job
// and the settings page agree on them, and tests pin them without a database.
export type Cadence = "MONTHLY" | "QUARTERLY" | "HALF_YEARLY";
export type ReminderKind = "OPENED" | "WEEK_IN" | "CLOSING_SOON";

const DAY = 86_400_000;
const MONTHS: Record<Cadence, number> = { MONTHLY: 1, QUARTERLY: 3, HALF_YEARLY: 6 };

export interface Period {
  label: string;
  start: Date;
}

// The period containing `date` (UTC), labelled as people say it: 2026-11, 2026-Q4, 2026-H2.
export function periodOf(cadence: Cadence, date: Date): Period {
  const year = date.getUTCFullYear();
  const months = MONTHS[cadence];
  const index = Math.floor(date.getUTCMonth() / months);
  const start = new Date(Date.UTC(year, index * months, 1));
  const label =
    cadence === "MONTHLY"
      ? `${year}-${String(index + 1).padStart(2, "0")}`
      : cadence === "QUARTERLY"
        ? `${year}-Q${index + 1}`
        : `${year}-H${index + 1}`;
  return { label, start };
}

export function nextPeriod(cadence: Cadence, period: Period): Period {
  const start = period.start;
  return periodOf(cadence, new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + MONTHS[cadence], 1)));
}

// A period's survey window: it opens on `openDay` of the period's first month and stays open
// `lengthDays` days.
export function windowOf(period: Period, openDay: number, lengthDays: number) {
  const opensAt = new Date(period.start.getTime() + (openDay - 1) * DAY);
  return { opensAt, closesAt: new Date(opensAt.getTime() + lengthDays * DAY) };
}

export const REMINDER_ORDER: ReminderKind[] = ["OPENED", "WEEK_IN", "CLOSING_SOON"];

// The reminder due now for an open cycle: when it opens, 7 days later, and 2 days before it
// closes. Only the latest due one is sent, so a job that was down does not send three at once.
export function dueReminder(cycle: { opensAt: Date; closesAt: Date; openedAt: Date | null }, now: Date): ReminderKind | null {
  if (now >= cycle.closesAt) return null;
  if (now.getTime() >= cycle.closesAt.getTime() - 2 * DAY) return "CLOSING_SOON";
  const opened = cycle.openedAt ?? cycle.opensAt;
  if (now.getTime() >= opened.getTime() + 7 * DAY) return "WEEK_IN";
  return "OPENED";
}
