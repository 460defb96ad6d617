// The workers: what this process does with each queue's jobs. A handler that throws fails its
// job, which pg-boss retries by the queue's policy (queues.ts).
import type PgBoss from "pg-boss";
import type { PrismaClient } from "../db/generated/client";
import { defaultTransport, type MailTransport } from "../services/email/transport";
import {
  ALERTS_QUEUE,
  CHAT_DEAD_LETTER,
  CHAT_QUEUE,
  EMAIL_DEAD_LETTER,
  EMAIL_QUEUE,
  emailJobId,
  tickQueue,
  WORKSPACE_WORK,
  workspaceQueue,
  type AlertsJob,
  type ChatJob,
  type EmailJob,
  WEBHOOK_DEAD_LETTER,
  WEBHOOK_QUEUE,
  type WebhookJob,
  type WorkspaceJob,
} from "./queues";
import { fanOut, sweep } from "./sweep";
import {
  deliverChatJob,
  deliverEmailJob,
  deliverWebhookJob,
  evaluateAlertsJob,
  markChatJobFailed,
  markEmailFailed,
  markWebhookJobFailed,
  runWorkspaceWork,
} from "./work";

const WEBHOOK_WORKERS = 4;

export interface WorkerOptions {
  db: PrismaClient;
  // Unset: the SMTP server of the environment.
  transport?: () => MailTransport | null;
  pollingIntervalSeconds: number;
  log?: (line: string) => void;
  // How long a webhook endpoint may fail before it is turned off (tests shorten it); unset, the environment's.
  webhookDisableAfterMs?: number;
}

export async function startWorkers(boss: PgBoss, options: WorkerOptions): Promise<void> {
  const { db } = options;
  const transport = options.transport ?? defaultTransport;
  const log = options.log ?? ((line: string) => console.info(`[jobs] ${line}`));
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds };

  await boss.work(tickQueue("sweep"), polling, async () => {
    await sweep(boss, db, transport() !== null);
  });
  for (const work of WORKSPACE_WORK) {
    await boss.work(tickQueue(work), polling, async ([tick]) => {
      await fanOut(boss, db, work, tick!.id);
    });
    await boss.work<WorkspaceJob>(workspaceQueue(work), polling, async ([job]) => {
      const line = await runWorkspaceWork(db, work, job!.data.workspaceId);
      if (line) log(line);
    });
  }
  await boss.work<EmailJob>(EMAIL_QUEUE, { ...polling, includeMetadata: true }, async ([job]) => {
    const smtp = transport();
    // SMTP turned off since the email was queued: it stays in the outbox, for admins to read.
    if (!smtp) return;
    const outcome = await deliverEmailJob(db, job!.data, smtp, job!.retryCount > 0);
    if (outcome === "dropped") log(`email ${job!.data.emailId} dropped: its recipient may no longer have it`);
  });
  // The last try failed: the email is marked for admins, and its spent job deleted, so "send again"
  // can queue it afresh under the same id.
  await boss.work<EmailJob>(EMAIL_DEAD_LETTER, polling, async ([job]) => {
    await markEmailFailed(db, job!.data);
    await boss.deleteJob(EMAIL_QUEUE, emailJobId(job!.data));
    log(`email ${job!.data.emailId} given up on after its last try`);
  });
  // A failed post throws, and the queue tries it again (queues.ts).
  await boss.work<ChatJob>(CHAT_QUEUE, polling, async ([job]) => {
    await deliverChatJob(db, job!.data);
  });
  await boss.work<ChatJob>(CHAT_DEAD_LETTER, polling, async ([job]) => {
    await markChatJobFailed(db, job!.data);
    log(`chat message ${job!.data.messageId} given up on after its last try`);
  });
  // Several at once in each process: a slow or failing receiver (up to 10 s a try) holds one of
  // them, not every workspace's deliveries behind it.
  for (let i = 0; i < WEBHOOK_WORKERS; i++) {
    await boss.work<WebhookJob>(WEBHOOK_QUEUE, { ...polling, includeMetadata: true }, async ([job]) => {
      const outcome = await deliverWebhookJob(db, job!.data, {
        retrying: job!.retryCount > 0,
        disableAfterMs: options.webhookDisableAfterMs,
      });
      if (outcome === "disabled") log(`webhook endpoint turned off after failing (delivery ${job!.data.deliveryId})`);
    });
  }
  // The last try failed: kept in the endpoint's log as failed, for an admin to redeliver (a new round, a new job).
  await boss.work<WebhookJob>(WEBHOOK_DEAD_LETTER, polling, async ([job]) => {
    await markWebhookJobFailed(db, job!.data);
  });
  await boss.work<AlertsJob>(ALERTS_QUEUE, polling, async ([job]) => {
    const created = await evaluateAlertsJob(db, job!.data);
    if (created) log(`${created} alert(s) raised for cycle ${job!.data.cycleId}`);
  });
}
