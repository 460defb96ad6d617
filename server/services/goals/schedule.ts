// Whether a goal is behind schedule: pure, so the list, the dashboard and the tests agree.
//
// A goal's time runs from its start date to its due date (calendar days at midnight UTC); by now
// it is expected to be as far along as the share of that time that has passed. An ACTIVE goal is
// behind when its due date has passed (the day after it, as for actions), when its latest
// check-in is more than BEHIND_MARGIN points below the expected progress, or when it has had no
// check-in while more than a quarter of its time has passed. Achieved, missed and dropped goals
// are never behind: they are decided.
import type { GoalStatus } from "../../db/generated/client";
import { todayUtc } from "../actions/overdue";
import { shortDay } from "../dates";

export const BEHIND_MARGIN = 10;
export const FIRST_CHECK_IN_SHARE = 0.25;

export interface ScheduleInput {
  status: GoalStatus;
  startDate: Date;
  dueDate: Date;
  // The latest check-in's progress (0-100), or null when there is none yet.
  progress: number | null;
}

export interface GoalSchedule {
  // The progress expected by now, 0-100, rounded.
  expected: number;
  behind: boolean;
  pastDue: boolean;
  // Why it is behind, as shown beside it ("42% done, 65% expected by now"); null when it is not.
  reason: string | null;
}

// The share of [start, due] that has passed, 0-1.
export function elapsedShare(startDate: Date, dueDate: Date, now: Date): number {
  const span = dueDate.getTime() - startDate.getTime();
  if (span <= 0) return now >= dueDate ? 1 : 0;
  return Math.min(1, Math.max(0, (now.getTime() - startDate.getTime()) / span));
}

export function goalSchedule(goal: ScheduleInput, now: Date): GoalSchedule {
  const share = elapsedShare(goal.startDate, goal.dueDate, now);
  const expected = Math.round(share * 100);
  const pastDue = todayUtc(now) > goal.dueDate;
  const result = (reason: string | null): GoalSchedule => ({ expected, behind: reason !== null, pastDue, reason });
  if (goal.status !== "ACTIVE") return { expected, behind: false, pastDue, reason: null };
  if (pastDue) {
    const at = goal.progress === null ? "with no check-in" : `at ${goal.progress}%`;
    return result(`Past its due date (${shortDay(goal.dueDate)}) ${at}`);
  }
  if (goal.progress === null) {
    return result(share > FIRST_CHECK_IN_SHARE ? `No check-in yet, ${expected}% of its time has passed` : null);
  }
  if (goal.progress < share * 100 - BEHIND_MARGIN) return result(`${goal.progress}% done, ${expected}% expected by now`);
  return result(null);
}
