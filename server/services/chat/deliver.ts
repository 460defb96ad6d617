// Posting a chat message to its integration's incoming webhook, through the one door for outgoing
// requests (../outbound/post.ts). The job queue runs one job per message (server/jobs/), retrying a
// failed post with growing waits; each try is recorded on the message and, as "last sent" or
// "failed: …", on the integration for the admin page.
import type { ChatPlatform } from "../../db/generated/client";
import { byId, type TenantDb } from "../../db/tenant";
import { postJson } from "../outbound/post";
import { openChatUrl } from "./secret";
import { PLATFORM_NAME, type ChatMessage } from "./message";
import { toSlack } from "./slack";
import { toTeams } from "./teams";

export const CHAT_TIMEOUT_MS = 10_000;

export class ChatDeliveryError extends Error {}

export interface ChatResult {
  ok: boolean;
  status: number | null;
  // In words, for the admin: "Slack answered 404: no_service", "No answer within 10 s."
  error: string | null;
}

export const formatFor = (platform: ChatPlatform, message: ChatMessage) => (platform === "SLACK" ? toSlack(message) : toTeams(message));

// One post; never throws: the outcome, in words.
export async function sendChat(platform: ChatPlatform, url: string, message: ChatMessage): Promise<ChatResult> {
  try {
    const answer = await postJson(url, JSON.stringify(formatFor(platform, message)), { timeoutMs: CHAT_TIMEOUT_MS });
    if (answer.status >= 200 && answer.status < 300) return { ok: true, status: answer.status, error: null };
    const excerpt = answer.excerpt.trim().slice(0, 200);
    return {
      ok: false,
      status: answer.status,
      error: `${PLATFORM_NAME[platform]} answered ${answer.status}${excerpt ? `: ${excerpt}` : "."}`,
    };
  } catch (error) {
    return { ok: false, status: null, error: error instanceof Error ? error.message : String(error) };
  }
}

// The integration's "last sent / failed" line.
export async function recordResult(db: TenantDb, platform: ChatPlatform, result: ChatResult, now = new Date()) {
  await db.chatIntegration.updateMany({
    where: { platform },
    data: {
      lastAttemptAt: now,
      lastStatus: result.status,
      lastError: result.error,
      ...(result.ok ? { lastSentAt: now } : {}),
    },
  });
}

// One message, as its job asks. "done" when there is nothing to do (posted already, given up on,
// or its integration removed since, which removes its messages). Throws when the post failed, so
// the queue tries again.
export async function deliverChatMessage(db: TenantDb, id: string, now = () => new Date()): Promise<"sent" | "done"> {
  const row = await db.chatMessage.findFirst({ where: { id, sentAt: null, failedAt: null } });
  if (!row) return "done";
  const integration = await db.chatIntegration.findFirst({ where: { platform: row.platform } });
  if (!integration) return "done";
  const result = await sendChat(
    row.platform,
    openChatUrl(db.$workspaceId, row.platform, integration.urlEnc),
    row.message as unknown as ChatMessage,
  );
  await recordResult(db, row.platform, result, now());
  if (!result.ok) {
    await db.chatMessage.update({ where: byId(db, id), data: { attempts: { increment: 1 }, lastError: result.error } });
    throw new ChatDeliveryError(result.error ?? "The post failed.");
  }
  await db.chatMessage.update({ where: byId(db, id), data: { sentAt: now(), attempts: { increment: 1 }, lastError: null } });
  return "sent";
}

// The job queue's last try failed (its dead-letter queue): kept, marked.
export async function markChatFailed(db: TenantDb, id: string, now = new Date()) {
  await db.chatMessage.updateMany({ where: { id, sentAt: null }, data: { failedAt: now } });
}

export const CHAT_MAX_ATTEMPTS = 5;

// Every message of the workspace waiting to be posted, tried once each (`npm run jobs`, tests that
// step through time; the queue's jobs do the same one at a time).
export async function deliverChatOutbox(db: TenantDb): Promise<{ sent: number; failed: number }> {
  const due = await db.chatMessage.findMany({
    where: { sentAt: null, failedAt: null, attempts: { lt: CHAT_MAX_ATTEMPTS } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  const result = { sent: 0, failed: 0 };
  for (const { id } of due) {
    try {
      if ((await deliverChatMessage(db, id)) === "sent") result.sent++;
    } catch (error) {
      if (!(error instanceof ChatDeliveryError)) throw error;
      result.failed++;
    }
  }
  return result;
}
