// Posting to a workspace's Slack and Teams: a service reports an event with one line,
// `await postChat(tx, post)`, inside its own transaction. A row per configured integration is
// written there, so a message exists exactly when the event was committed; its delivery job
// (deliver.ts, through the job queue) posts it after the commit, with retries. With no
// integration configured nothing is written.
import type { Prisma } from "../../db/generated/client";
import type { TenantClient } from "../../db/tenant";
import { background } from "../background";
import type { ChatPost } from "./message";

export async function postChat(db: TenantClient, post: ChatPost | null): Promise<number> {
  if (!post) return 0;
  const integrations = await db.chatIntegration.findMany({ select: { platform: true } });
  if (integrations.length === 0) return 0;
  // skipDuplicates: the same event reported again (the digest of a day, a retried job) is a no-op.
  const { count } = await db.chatMessage.createMany({
    data: integrations.map((i) => ({
      workspaceId: db.$workspaceId,
      platform: i.platform,
      kind: post.kind,
      dedupeKey: post.dedupeKey,
      message: post.message as unknown as Prisma.InputJsonValue,
    })),
    skipDuplicates: true,
  });
  if (count) background.chatQueued();
  return count;
}

// Whether the workspace posts anywhere: the scheduled reporters ask first, so a workspace without
// Slack or Teams costs one indexed read a tick.
export async function chatConfigured(db: TenantClient): Promise<boolean> {
  return (await db.chatIntegration.count()) > 0;
}

// Whether an event was already posted (the daily digest, the closing-soon rates): read before the
// work of building it, which the unique key alone would only discard afterwards.
export async function chatPosted(db: TenantClient, dedupeKey: string): Promise<boolean> {
  return (await db.chatMessage.count({ where: { dedupeKey } })) > 0;
}

// A cycle's opening undone, or the cycle deleted: its messages not yet posted are withdrawn (those
// posted cannot be called back), as its unsent survey emails are dropped. Their keys name the cycle.
export async function withdrawChatAbout(db: TenantClient, cycleId: string): Promise<number> {
  const { count } = await db.chatMessage.deleteMany({ where: { sentAt: null, dedupeKey: { contains: cycleId } } });
  return count;
}
