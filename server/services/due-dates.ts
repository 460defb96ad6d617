// A new by-when date (an action's, a goal's, a retro action taken on) is today or later: one
// already past would be born overdue and reminded about within minutes. Dates are calendar days
// at midnight UTC; a day of grace, because "today" west of UTC can still be yesterday in UTC.
import { badRequest } from "../access/errors";
import { shortDay } from "./dates";

const DAY_MS = 24 * 60 * 60 * 1000;

export function refusePastDueDate(dueDate: Date, now = new Date(), field = "dueDate") {
  const todayUtc = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (dueDate.getTime() < todayUtc - DAY_MS)
    throw badRequest(`The due date ${shortDay(dueDate)} is in the past; pick today or later.`, field);
}
