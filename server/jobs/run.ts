// Everything one tick does, at once and in this process, without the queue: every kind of
// workspace work for each workspace, the alerts due, and (with SMTP) the emails waiting. For tests
// that step through time, and `npm run jobs` (an operator's "run it now"). The same functions the
// queue's jobs call (work.ts), so both paths do the same work; each step is exactly-once by a
// database key or an atomic status change, so running this beside the workers is safe.
import type { PrismaClient } from "../db/generated/client";
import { workspacesForJobs } from "../db/cross-workspace";
import { forWorkspace } from "../db/tenant";
import { deliverAccountEmails } from "../services/accounts/account-emails";
import { evaluateAllDueAlerts } from "../services/alerts/due";
import { deliverOutbox } from "../services/email/deliver";
import { deliverChatOutbox } from "../services/chat/deliver";
import { WORKSPACE_WORK } from "./queues";
import { runWorkspaceWork } from "./work";

export interface JobsResult {
  lines: string[];
  alerts: number;
  sent: number;
  failed: number;
  dropped: number;
  // Slack and Teams messages posted, and posts that failed (tried again on the next run).
  chatSent: number;
  chatFailed: number;
  // Workspaces whose run failed, with the error (logged too).
  errors: { workspace: string; error: string }[];
}

// `only` limits the run to some workspaces (tests).
export async function runJobs(db: PrismaClient, now = new Date(), only?: readonly string[]): Promise<JobsResult> {
  const result: JobsResult = { lines: [], alerts: 0, sent: 0, failed: 0, dropped: 0, chatSent: 0, chatFailed: 0, errors: [] };
  for (const workspace of await workspacesForJobs(db, only)) {
    try {
      for (const work of WORKSPACE_WORK) {
        const line = await runWorkspaceWork(db, work, workspace.id, now);
        if (line) result.lines.push(line);
      }
      const scoped = forWorkspace(db, workspace.id);
      result.alerts += await evaluateAllDueAlerts(scoped);
      const delivery = await deliverOutbox(scoped, { now });
      result.sent += delivery.sent;
      result.failed += delivery.failed;
      result.dropped += delivery.dropped;
      const chat = await deliverChatOutbox(scoped);
      result.chatSent += chat.sent;
      result.chatFailed += chat.failed;
    } catch (error) {
      console.error(`[jobs] ${workspace.slug} failed:`, error);
      result.errors.push({ workspace: workspace.slug, error: error instanceof Error ? error.message : String(error) });
    }
  }
  if (!only) {
    const delivery = await deliverAccountEmails(db, { now });
    result.sent += delivery.sent;
    result.failed += delivery.failed;
  }
  return result;
}

export function describeRun(result: JobsResult): string | null {
  const parts = [
    ...result.lines,
    result.alerts ? `${result.alerts} alert(s) raised` : "",
    result.sent ? `${result.sent} email(s) sent` : "",
    result.failed ? `${result.failed} email(s) failed` : "",
    result.dropped ? `${result.dropped} email(s) dropped` : "",
    result.chatSent ? `${result.chatSent} chat message(s) posted` : "",
    result.chatFailed ? `${result.chatFailed} chat message(s) failed` : "",
    result.errors.length ? `${result.errors.length} workspace(s) failed: ${result.errors.map((e) => e.workspace).join(", ")}` : "",
  ].filter(Boolean);
  return parts.length ? parts.join("; ") : null;
}
