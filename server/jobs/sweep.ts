// The scheduled sweep and the ticks' fan-out: they read what there is to do (every workspace's
// pending emails, due alerts; the list of workspaces) and queue one job for each thing, with an id
// derived from the thing (queues.ts), so a thing asked for twice (two sweeps at once, a retried
// tick, several instances) is queued once.
import type PgBoss from "pg-boss";
import type { PrismaClient } from "../db/generated/client";
import {
  cyclesWithAlertsDue,
  pendingChatMessages,
  pendingOutboxEmails,
  pendingWebhookDeliveries,
  workspacesForJobs,
} from "../db/cross-workspace";
import { pendingAccountEmails } from "../services/accounts/account-emails";
import {
  ALERTS_QUEUE,
  alertsJobId,
  CHAT_QUEUE,
  chatJobId,
  EMAIL_QUEUE,
  emailJobId,
  emailPriority,
  workspaceJobId,
  workspaceQueue,
  type AlertsJob,
  type ChatJob,
  type EmailJob,
  WEBHOOK_QUEUE,
  webhookJobId,
  type WebhookJob,
  type WorkspaceJob,
  type WorkspaceWork,
} from "./queues";

export interface SweepResult {
  emails: number;
  alerts: number;
  chat: number;
  webhooks: number;
}

// Every webhook delivery waiting, whether or not mail is configured.
async function queueWebhooks(boss: PgBoss, db: PrismaClient) {
  let seen = 0;
  for (let after: string | null = null; ;) {
    const rows = await pendingWebhookDeliveries(db, after);
    if (rows.length === 0) break;
    await boss.insert(
      rows.map((row) => {
        const data: WebhookJob = { workspaceId: row.workspaceId, deliveryId: row.id, round: row.round };
        return { id: webhookJobId(data), name: WEBHOOK_QUEUE, data };
      }),
    );
    seen += rows.length;
    after = rows[rows.length - 1]!.id;
  }
  return seen;
}

// Every Slack and Teams message waiting, whether or not mail is configured.
async function queueChat(boss: PgBoss, db: PrismaClient) {
  let seen = 0;
  for (let after: string | null = null; ;) {
    const rows = await pendingChatMessages(db, after);
    if (rows.length === 0) break;
    await boss.insert(
      rows.map((row) => {
        const data: ChatJob = { workspaceId: row.workspaceId, messageId: row.id };
        return { id: chatJobId(data), name: CHAT_QUEUE, data };
      }),
    );
    seen += rows.length;
    after = rows[rows.length - 1]!.id;
  }
  return seen;
}

async function queueEmails(boss: PgBoss, page: (after: string | null) => Promise<{ id: string; workspaceId?: string }[]>) {
  let seen = 0;
  for (let after: string | null = null; ;) {
    const rows = await page(after);
    if (rows.length === 0) break;
    const jobs = rows.map((row) => {
      const data: EmailJob = { workspaceId: row.workspaceId ?? null, emailId: row.id };
      return { id: emailJobId(data), name: EMAIL_QUEUE, data, priority: emailPriority(data) };
    });
    await boss.insert(jobs);
    seen += rows.length;
    after = rows[rows.length - 1]!.id;
  }
  return seen;
}

// Without a mail server (`mail` false: no SMTP configured), emails stay in the outbox for admins
// to read: none is queued for delivery.
export async function sweep(boss: PgBoss, db: PrismaClient, mail: boolean): Promise<SweepResult> {
  let emails = 0;
  if (mail) {
    emails += await queueEmails(boss, (after) => pendingOutboxEmails(db, after));
    emails += await queueEmails(boss, (after) => pendingAccountEmails(db, after));
  }
  const webhooks = await queueWebhooks(boss, db);
  const due = await cyclesWithAlertsDue(db);
  if (due.length) {
    await boss.insert(
      due.map((cycle) => {
        const data: AlertsJob = {
          workspaceId: cycle.workspaceId,
          cycleId: cycle.id,
          closedAt: (cycle.closedAt ?? new Date(0)).toISOString(),
        };
        return { id: alertsJobId(data), name: ALERTS_QUEUE, data };
      }),
    );
  }
  const chat = await queueChat(boss, db);
  return { emails, alerts: due.length, chat, webhooks };
}

// One tick of a kind of workspace work: a job per workspace.
export async function fanOut(boss: PgBoss, db: PrismaClient, work: WorkspaceWork, tickJobId: string): Promise<number> {
  const workspaces = await workspacesForJobs(db);
  for (let i = 0; i < workspaces.length; i += 500) {
    await boss.insert(
      workspaces.slice(i, i + 500).map((w) => {
        const data: WorkspaceJob = { workspaceId: w.id };
        return { id: workspaceJobId(work, w.id, tickJobId), name: workspaceQueue(work), data };
      }),
    );
  }
  return workspaces.length;
}
