// A workspace's Slack and Teams integrations as its admins manage them (Admin → Integrations): the
// URL is checked (the platform's own host, a public https address) and sealed when saved, shown
// again only as a hint; a test message posts at once and says what happened. Every change is in
// the audit log, without the URL.
import type { ChatPlatform } from "../../db/generated/client";
import type { WorkspaceCtx } from "../../access/context";
import { badRequest, notFound } from "../../access/errors";
import { audit } from "../accounts/audit";
import { OutboundTargetError } from "../outbound/target";
import { recordResult, sendChat, type ChatResult } from "./deliver";
import { testMessage } from "./events";
import { checkChatUrl, urlHint } from "./hosts";
import { PLATFORM_NAME } from "./message";
import { openChatUrl, sealChatUrl } from "./secret";

export const CHAT_PLATFORMS = ["SLACK", "TEAMS"] as const satisfies readonly ChatPlatform[];

export interface ChatIntegrationView {
  platform: ChatPlatform;
  configured: boolean;
  urlHint: string | null;
  updatedAt: Date | null;
  lastAttemptAt: Date | null;
  lastSentAt: Date | null;
  // Set when the last attempt failed.
  lastError: string | null;
  // Messages waiting to be posted, and given up on after the last retry.
  pending: number;
  failed: number;
}

export async function listChatIntegrations(ctx: Pick<WorkspaceCtx, "db">): Promise<ChatIntegrationView[]> {
  const [rows, pending, failed] = await Promise.all([
    ctx.db.chatIntegration.findMany(),
    ctx.db.chatMessage.groupBy({ by: ["platform"], where: { sentAt: null, failedAt: null }, _count: { _all: true } }),
    ctx.db.chatMessage.groupBy({ by: ["platform"], where: { sentAt: null, failedAt: { not: null } }, _count: { _all: true } }),
  ]);
  const count = (list: typeof pending, platform: ChatPlatform) => list.find((g) => g.platform === platform)?._count._all ?? 0;
  return CHAT_PLATFORMS.map((platform) => {
    const row = rows.find((r) => r.platform === platform);
    return {
      platform,
      configured: Boolean(row),
      urlHint: row?.urlHint ?? null,
      updatedAt: row?.updatedAt ?? null,
      lastAttemptAt: row?.lastAttemptAt ?? null,
      lastSentAt: row?.lastSentAt ?? null,
      lastError: row?.lastError ?? null,
      pending: count(pending, platform),
      failed: count(failed, platform),
    };
  });
}

export async function saveChatIntegration(ctx: WorkspaceCtx, input: { platform: ChatPlatform; url: string }) {
  let url: URL;
  try {
    url = checkChatUrl(input.platform, input.url);
  } catch (error) {
    if (error instanceof OutboundTargetError) throw badRequest(error.message, "url");
    throw error;
  }
  const workspaceId = ctx.workspace.id;
  const hint = urlHint(url);
  const data = {
    urlEnc: sealChatUrl(workspaceId, input.platform, url.toString()),
    urlHint: hint,
    lastAttemptAt: null,
    lastSentAt: null,
    lastStatus: null,
    lastError: null,
  };
  await ctx.db.$transaction(async (tx) => {
    const existing = await tx.chatIntegration.findFirst({ where: { platform: input.platform }, select: { urlHint: true } });
    await tx.chatIntegration.upsert({
      where: { workspaceId_platform: { workspaceId, platform: input.platform } },
      create: { workspaceId, platform: input.platform, ...data },
      update: data,
    });
    await audit(tx, {
      action: "chat.updated",
      actorUserId: ctx.user.id,
      address: ctx.address ?? null,
      target: PLATFORM_NAME[input.platform],
      detail: { platform: PLATFORM_NAME[input.platform], from: existing?.urlHint ?? null, to: hint },
    });
  });
  return { platform: input.platform, urlHint: hint };
}

// Removing it removes its messages still waiting: nothing more is posted there.
export async function removeChatIntegration(ctx: WorkspaceCtx, platform: ChatPlatform) {
  await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.chatIntegration.deleteMany({ where: { platform } });
    if (count === 0) throw notFound(`${PLATFORM_NAME[platform]} integration`);
    await audit(tx, {
      action: "chat.removed",
      actorUserId: ctx.user.id,
      address: ctx.address ?? null,
      target: PLATFORM_NAME[platform],
      detail: { platform: PLATFORM_NAME[platform] },
    });
  });
  return { platform };
}

// The test button: posts now, in this request, and answers what happened in words.
export async function sendChatTest(ctx: WorkspaceCtx, platform: ChatPlatform): Promise<ChatResult & { message: string }> {
  const row = await ctx.db.chatIntegration.findFirst({ where: { platform } });
  if (!row) throw badRequest(`Save a ${PLATFORM_NAME[platform]} webhook address first.`);
  const message = testMessage({ slug: ctx.workspace.slug, workspaceName: ctx.workspace.name, platform: PLATFORM_NAME[platform] });
  const result = await sendChat(platform, openChatUrl(ctx.workspace.id, platform, row.urlEnc), message);
  await recordResult(ctx.db, platform, result);
  return {
    ...result,
    message: result.ok
      ? `Sent: ${PLATFORM_NAME[platform]} accepted the test message (HTTP ${result.status}). Look for it in the channel.`
      : `Not sent: ${result.error}`,
  };
}
