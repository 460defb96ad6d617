// One run of the background jobs: the survey schedule (create, open, close, remind), action
// reminders, renewal reviews coming due, and email delivery. Safe to run again and on several
// instances at once: each step is exactly-once by a database key or an atomic status change.
//
// The run lists the workspaces (the one cross-workspace read of the jobs, named in
// server/db/cross-workspace.ts), then does each workspace's work through that workspace's own
// scoped client, like a request: a step cannot read or write another workspace's rows. A
// workspace whose step fails is reported and the others still run.
import type { PrismaClient } from "../db/generated/client";
import { workspacesForJobs } from "../db/cross-workspace";
import { forWorkspace } from "../db/tenant";
import { deliverAccountEmails } from "../services/accounts/account-emails";
import { runActionReminders } from "../services/actions/reminders";
import { deliverOutbox } from "../services/email/deliver";
import { openDueRenewalReviews } from "../services/lifecycle/renewal";
import { runSchedule } from "../services/schedule";

export interface JobsResult {
  created: string[];
  opened: string[];
  closed: string[];
  reminders: number;
  actionReminders: number;
  renewalReviews: string[];
  sent: number;
  failed: number;
  // Emails not sent because their recipient may no longer receive them.
  dropped: number;
  // Workspaces whose run failed, with the error (logged too).
  errors: { workspace: string; error: string }[];
}

// `only` limits the run to some workspaces (tests, or one workspace's "run now").
export async function runJobs(db: PrismaClient, now = new Date(), only?: readonly string[]): Promise<JobsResult> {
  const result: JobsResult = {
    created: [],
    opened: [],
    closed: [],
    reminders: 0,
    actionReminders: 0,
    renewalReviews: [],
    sent: 0,
    failed: 0,
    dropped: 0,
    errors: [],
  };
  for (const workspace of await workspacesForJobs(db, only)) {
    const scoped = forWorkspace(db, workspace.id);
    try {
      const schedule = await runSchedule(scoped, now);
      result.created.push(...schedule.created);
      result.opened.push(...schedule.opened);
      result.closed.push(...schedule.closed);
      result.reminders += schedule.reminders;
      result.actionReminders += await runActionReminders(scoped, now);
      result.renewalReviews.push(...(await openDueRenewalReviews(scoped, now)));
      const delivery = await deliverOutbox(scoped, { now });
      result.sent += delivery.sent;
      result.failed += delivery.failed;
      result.dropped += delivery.dropped;
    } catch (error) {
      console.error(`[jobs] ${workspace.slug} failed:`, error);
      result.errors.push({ workspace: workspace.slug, error: error instanceof Error ? error.message : String(error) });
    }
  }
  // Account emails (password resets, sign-in links, sign-up) belong to no workspace: one delivery
  // for all, which also retries what a request's own sendSoon could not send.
  if (!only) {
    try {
      const delivery = await deliverAccountEmails(db, { now });
      result.sent += delivery.sent;
      result.failed += delivery.failed;
    } catch (error) {
      console.error("[jobs] account emails failed:", error);
      result.errors.push({ workspace: "(account emails)", error: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}

export function describeRun(result: JobsResult): string | null {
  const parts = [
    result.created.length ? `created ${result.created.join(", ")}` : "",
    result.opened.length ? `opened ${result.opened.join(", ")}` : "",
    result.closed.length ? `closed ${result.closed.join(", ")}` : "",
    result.reminders ? `${result.reminders} reminder(s) queued` : "",
    result.actionReminders ? `${result.actionReminders} action reminder(s) queued` : "",
    result.renewalReviews.length ? `renewal review opened for ${result.renewalReviews.join(", ")}` : "",
    result.sent ? `${result.sent} email(s) sent` : "",
    result.failed ? `${result.failed} email(s) failed` : "",
    result.dropped ? `${result.dropped} email(s) dropped` : "",
    result.errors.length ? `${result.errors.length} workspace(s) failed: ${result.errors.map((e) => e.workspace).join(", ")}` : "",
  ].filter(Boolean);
  return parts.length ? parts.join("; ") : null;
}
