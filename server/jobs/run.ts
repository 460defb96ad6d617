// One run of the background jobs: the survey schedule (create, open, close, remind), action
// reminders, renewal reviews coming due, and email delivery. Safe to run again and on several
// instances at once: each step is exactly-once by a database key or an atomic status change.
import type { PrismaClient } from "../db/generated/client";
import { runActionReminders } from "../services/actions/reminders";
import { deliverOutbox } from "../services/email/deliver";
import { openDueRenewalReviews } from "../services/lifecycle/renewal";
import { runSchedule } from "../services/schedule";

export async function runJobs(db: PrismaClient, now = new Date()) {
  const schedule = await runSchedule(db, now);
  const actionReminders = await runActionReminders(db, now);
  const renewalReviews = await openDueRenewalReviews(db, now);
  const delivery = await deliverOutbox(db, { now });
  return { ...schedule, actionReminders, renewalReviews, ...delivery };
}

export function describeRun(result: Awaited<ReturnType<typeof runJobs>>): string | null {
  const parts = [
    result.created.length ? `created ${result.created.join(", ")}` : "",
    result.opened.length ? `opened ${result.opened.join(", ")}` : "",
    result.closed.length ? `closed ${result.closed.join(", ")}` : "",
    result.reminders ? `${result.reminders} reminder(s) queued` : "",
    result.actionReminders ? `${result.actionReminders} action reminder(s) queued` : "",
    result.renewalReviews.length ? `renewal review opened for ${result.renewalReviews.join(", ")}` : "",
    result.sent ? `${result.sent} email(s) sent` : "",
    result.failed ? `${result.failed} email(s) failed` : "",
  ].filter(Boolean);
  return parts.length ? parts.join("; ") : null;
}
