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

type Job = Parameters<PgBoss["insert"]>[0][number];

// Every row a page reader returns, page after page (each page starts after the last id seen),
// queued as a job each: the outboxes (emails, chat messages, webhook deliveries) share this.
async function queuePages<Row extends { id: string }>(
  boss: PgBoss,
  page: (after: string | null) => Promise<Row[]>,
  toJob: (row: Row) => Job,
): Promise<number> {
  let seen = 0;
  for (let after: string | null = null; ;) {
    const rows = await page(after);
    if (rows.length === 0) break;
    await boss.insert(rows.map(toJob));
    seen += rows.length;
    after = rows[rows.length - 1]!.id;
  }
  return seen;
}

const emailJob = (row: { id: string; workspaceId?: string }): Job => {
  const data: EmailJob = { workspaceId: row.workspaceId ?? null, emailId: row.id };
  return { id: emailJobId(data), name: EMAIL_QUEUE, data, priority: emailPriority(data) };
};

const chatJob = (row: { id: string; workspaceId: string }): Job => {
  const data: ChatJob = { workspaceId: row.workspaceId, messageId: row.id };
  return { id: chatJobId(data), name: CHAT_QUEUE, data };
};

const webhookJob = (row: { id: string; workspaceId: string; round: number }): Job => {
  const data: WebhookJob = { workspaceId: row.workspaceId, deliveryId: row.id, round: row.round };
  return { id: webhookJobId(data), name: WEBHOOK_QUEUE, data };
};

// Without a mail server (`mail` false: no SMTP configured), emails stay in the outbox for admins
// to read: none is queued for delivery.
export async function sweep(boss: PgBoss, db: PrismaClient, mail: boolean): Promise<SweepResult> {
  let emails = 0;
  if (mail) {
    emails += await queuePages(boss, (after) => pendingOutboxEmails(db, after), emailJob);
    emails += await queuePages(boss, (after) => pendingAccountEmails(db, after), emailJob);
  }
  // Webhook deliveries and chat messages go whether or not mail is configured.
  const webhooks = await queuePages(boss, (after) => pendingWebhookDeliveries(db, after), webhookJob);
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
  const chat = await queuePages(boss, (after) => pendingChatMessages(db, after), chatJob);
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
