// What each job does, transport-free: a workspace's tick work through its scoped client, one
// email's delivery, one close's alerts. The workers (workers.ts) and `runJobs` (run.ts) call these.
import type { PrismaClient } from "../db/generated/client";
import { forWorkspace, type TenantDb } from "../db/tenant";
import { deliverAccountEmail, markAccountEmailFailed } from "../services/accounts/account-emails";
import { runActionReminders } from "../services/actions/reminders";
import { runAskReminders } from "../services/exchange/reminders";
import { evaluateDueAlerts } from "../services/alerts/due";
import { deliverOutboxEmail, markOutboxEmailFailed } from "../services/email/deliver";
import type { MailTransport } from "../services/email/transport";
import { openDueRenewalReviews } from "../services/lifecycle/renewal";
import { runSurveyReminders, runSurveySchedule } from "../services/schedule";
import { deliverChatMessage, markChatFailed } from "../services/chat/deliver";
import { deliverWebhook, markWebhookFailed, type WebhookDeliverOptions } from "../services/webhooks/deliver";
import type { AlertsJob, ChatJob, EmailJob, WebhookJob, WorkspaceWork } from "./queues";

// Each returns a line for the log, or null when there was nothing to do.
const WORK: Record<WorkspaceWork, (db: TenantDb, now: Date) => Promise<string | null>> = {
  "survey-schedule": async (db, now) => {
    const r = await runSurveySchedule(db, now);
    const parts = [
      r.created.length ? `created ${r.created.join(", ")}` : "",
      r.opened.length ? `opened ${r.opened.join(", ")}` : "",
      r.closed.length ? `closed ${r.closed.join(", ")}` : "",
    ].filter(Boolean);
    return parts.length ? parts.join("; ") : null;
  },
  "survey-reminders": async (db, now) => {
    const n = await runSurveyReminders(db, now);
    return n ? `${n} survey reminder(s) queued` : null;
  },
  "action-reminders": async (db, now) => {
    // Overdue accepted asks are reminded like actions, in the same job.
    const n = await runActionReminders(db, now);
    const asks = await runAskReminders(db, now);
    const parts = [n ? `${n} action reminder(s) queued` : "", asks ? `${asks} overdue ask(s) reminded` : ""].filter(Boolean);
    return parts.length ? parts.join("; ") : null;
  },
  "renewal-reviews": async (db, now) => {
    const opened = await openDueRenewalReviews(db, now);
    return opened.length ? `renewal review opened for ${opened.join(", ")}` : null;
  },
};

// Null when the workspace no longer exists (deleted since the tick): nothing to do.
export async function runWorkspaceWork(db: PrismaClient, work: WorkspaceWork, workspaceId: string, now = new Date()) {
  const exists = await db.workspace.findUnique({ where: { id: workspaceId }, select: { id: true } });
  if (!exists) return null;
  return WORK[work](forWorkspace(db, workspaceId), now);
}

export async function deliverEmailJob(db: PrismaClient, job: EmailJob, transport: MailTransport, retrying: boolean) {
  return job.workspaceId
    ? deliverOutboxEmail(forWorkspace(db, job.workspaceId), job.emailId, { transport, retrying })
    : deliverAccountEmail(db, job.emailId, { transport, retrying });
}

export async function markEmailFailed(db: PrismaClient, job: EmailJob) {
  if (job.workspaceId) await markOutboxEmailFailed(forWorkspace(db, job.workspaceId), job.emailId);
  else await markAccountEmailFailed(db, job.emailId);
}

export function evaluateAlertsJob(db: PrismaClient, job: AlertsJob) {
  return evaluateDueAlerts(forWorkspace(db, job.workspaceId), job.cycleId);
}

export function deliverChatJob(db: PrismaClient, job: ChatJob) {
  return deliverChatMessage(forWorkspace(db, job.workspaceId), job.messageId);
}

export function markChatJobFailed(db: PrismaClient, job: ChatJob) {
  return markChatFailed(forWorkspace(db, job.workspaceId), job.messageId);
}

export function deliverWebhookJob(db: PrismaClient, job: WebhookJob, options: WebhookDeliverOptions) {
  return deliverWebhook(forWorkspace(db, job.workspaceId), job.deliveryId, options);
}

export function markWebhookJobFailed(db: PrismaClient, job: WebhookJob) {
  return markWebhookFailed(forWorkspace(db, job.workspaceId), job.deliveryId);
}
