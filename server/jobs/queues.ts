// The job queue's queues: their names, retry policies and job ids. One place, so the workers, the
// sweep and the tests agree on them.
import { createHash } from "node:crypto";
import type PgBoss from "pg-boss";
import { env } from "../env";

// Work done for each workspace on every tick, one job per workspace, so one workspace's failure
// (retried on its own) cannot hold up another's.
export const WORKSPACE_WORK = ["survey-schedule", "survey-reminders", "action-reminders", "renewal-reviews"] as const;
export type WorkspaceWork = (typeof WORKSPACE_WORK)[number];

export const tickQueue = (work: WorkspaceWork | "sweep") => `tick.${work}`;
export const workspaceQueue = (work: WorkspaceWork) => `workspace.${work}`;
export const EMAIL_QUEUE = "email.deliver";
export const EMAIL_DEAD_LETTER = "email.dead";
export const ALERTS_QUEUE = "alerts.evaluate";
export const CHAT_QUEUE = "chat.deliver";
export const CHAT_DEAD_LETTER = "chat.dead";
export const WEBHOOK_QUEUE = "webhook.deliver";
export const WEBHOOK_DEAD_LETTER = "webhook.dead";

export interface WorkspaceJob {
  workspaceId: string;
}
// An outbox email (workspaceId set) or an account email (workspaceId null).
export interface EmailJob {
  workspaceId: string | null;
  emailId: string;
}
// A Slack or Teams message (server/services/chat/).
export interface ChatJob {
  workspaceId: string;
  messageId: string;
}
export interface AlertsJob {
  workspaceId: string;
  cycleId: string;
  // The close being evaluated: a later close of the same cycle (after a reopen) is another job.
  closedAt: string;
}

// One webhook delivery; `round` counts an admin's redeliveries, each a job of its own.
export interface WebhookJob {
  workspaceId: string;
  deliveryId: string;
  round: number;
}

// expireInSeconds is how long a job may stay active before it counts as failed and is retried: a
// worker killed mid-job leaves its job active, and another worker takes it up after this long.
export interface EmailRetry {
  retryLimit: number;
  retryDelaySeconds: number;
}

// A channel post refused (Slack's 429, a Teams flow turned off, a network error) is tried again
// after about 30 s, 1, 2, 4 and 8 minutes, then given up on and shown on the integrations page.
export const CHAT_RETRY: EmailRetry = { retryLimit: 5, retryDelaySeconds: 30 };

export function queueDefinitions(
  email: EmailRetry = { retryLimit: env.EMAIL_RETRY_LIMIT, retryDelaySeconds: env.EMAIL_RETRY_DELAY_SECONDS },
  chat: EmailRetry = CHAT_RETRY,
  webhook: EmailRetry = { retryLimit: env.WEBHOOK_RETRY_LIMIT, retryDelaySeconds: env.WEBHOOK_RETRY_DELAY_SECONDS },
): Array<PgBoss.Queue> {
  const ticks = (["sweep", ...WORKSPACE_WORK] as const).map((work) => ({
    name: tickQueue(work),
    retryLimit: 2,
    retryDelay: 5,
    expireInSeconds: 300,
  }));
  const perWorkspace = WORKSPACE_WORK.map((work) => ({
    name: workspaceQueue(work),
    retryLimit: 3,
    retryDelay: 30,
    retryBackoff: true,
    expireInSeconds: 300,
  }));
  return [
    // Created before the queue that names it as its dead letter.
    { name: EMAIL_DEAD_LETTER, retryLimit: 5, retryDelay: 30, retryBackoff: true },
    {
      name: EMAIL_QUEUE,
      retryLimit: email.retryLimit,
      retryDelay: email.retryDelaySeconds,
      retryBackoff: true,
      // Above the SMTP transport's own timeouts (server/services/email/transport.ts).
      expireInSeconds: 120,
      deadLetter: EMAIL_DEAD_LETTER,
    },
    { name: WEBHOOK_DEAD_LETTER, retryLimit: 5, retryDelay: 30, retryBackoff: true },
    {
      name: WEBHOOK_QUEUE,
      retryLimit: webhook.retryLimit,
      retryDelay: webhook.retryDelaySeconds,
      retryBackoff: true,
      // Above the request's own bound (services/webhooks/deliver.ts).
      expireInSeconds: 60,
      deadLetter: WEBHOOK_DEAD_LETTER,
    },
    { name: ALERTS_QUEUE, retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 300 },
    { name: CHAT_DEAD_LETTER, retryLimit: 5, retryDelay: 30, retryBackoff: true },
    {
      name: CHAT_QUEUE,
      retryLimit: chat.retryLimit,
      retryDelay: chat.retryDelaySeconds,
      retryBackoff: true,
      // Above the post's own timeout (server/services/chat/deliver.ts).
      expireInSeconds: 60,
      deadLetter: CHAT_DEAD_LETTER,
    },
    ...ticks,
    ...perWorkspace,
  ];
}

// A job id derived from what the job is about, so the same work is queued once however many
// ticks, sweeps or instances ask for it: pg-boss inserts with ON CONFLICT DO NOTHING on its id.
export function jobId(...parts: string[]): string {
  const hex = createHash("sha256").update(parts.join("\u0000")).digest("hex");
  // Shaped as a version-8 (custom) UUID, which the job table's uuid column accepts.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// An account email (a sign-up confirmation, a password reset, a sign-in link) goes before a
// program's emails: a person waits for it with the page open, while a wave of survey invitations
// and reminders (hundreds at a cycle's opening) can take minutes, and pg-boss fetches the highest
// priority first.
export const emailPriority = (job: EmailJob) => (job.workspaceId === null ? 1 : 0);

export const emailJobId = (job: EmailJob) => jobId(EMAIL_QUEUE, job.workspaceId ?? "account", job.emailId);
export const chatJobId = (job: ChatJob) => jobId(CHAT_QUEUE, job.workspaceId, job.messageId);
export const webhookJobId = (job: WebhookJob) => jobId(WEBHOOK_QUEUE, job.workspaceId, job.deliveryId, String(job.round));
export const alertsJobId = (job: AlertsJob) => jobId(ALERTS_QUEUE, job.workspaceId, job.cycleId, job.closedAt);
// One per workspace per tick: a tick job retried after a crash fans out the same ids again.
export const workspaceJobId = (work: WorkspaceWork, workspaceId: string, tickJobId: string) =>
  jobId(workspaceQueue(work), workspaceId, tickJobId);
