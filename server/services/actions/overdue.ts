// When an action counts as overdue. By-when dates are calendar days (midnight UTC), and a date
// means "by the end of that day", so an action is overdue from the day after its date.
import type { ActionStatus } from "../../db/generated/client";
import { FINISHED } from "./record";

const DAY_MS = 24 * 60 * 60 * 1000;

// Midnight UTC of the day `now` falls on: the day by-when dates are compared with.
export function todayUtc(now: Date): Date {
  return new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
}

export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}

export function isOverdue(action: { dueDate: Date | null; status: ActionStatus }, now: Date): boolean {
  return action.dueDate !== null && !FINISHED.includes(action.status) && action.dueDate < todayUtc(now);
}
