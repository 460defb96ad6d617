// Webhook endpoints as a workspace's admins manage them: the list, adding one (its secret is in
// that one answer only), changing its address, description, events or whether it is on, rotating
// its secret, removing it, and sending it a test event. Every change is in the audit log, written
// in the same transaction as the change.
import { isIP } from "node:net";
import type { Prisma } from "../../db/generated/client";
import type { WorkspaceCtx } from "../../access/context";
import { badRequest, notFound } from "../../access/errors";
import { byId, type TenantClient } from "../../db/tenant";
import { audit } from "../accounts/audit";
import { isPublicAddress } from "../outbound/address";
import { OutboundTargetError, parseTargetUrl, targetRules } from "../outbound/target";
import { background } from "../background";
import { writeDeliveries } from "./emit";
import { isWebhookEventType, PING_EVENT, pingData, WEBHOOK_EVENTS, type WebhookEventType } from "./events";
import { newWebhookSecret, ROTATION_OVERLAP_MS, sealSecret } from "./secret";

export const MAX_ENDPOINTS = 20;

// The address as it will be stored, or a refusal in words (not https, private, with credentials).
export function checkedUrl(raw: string): string {
  try {
    const rules = targetRules();
    const url = parseTargetUrl(raw, rules);
    // An address written as a private or loopback IP is refused now, not at the first delivery; a
    // name is checked at every connection (services/outbound/post.ts), where it resolves.
    const literal = url.hostname.replace(/^\[|\]$/g, "");
    if (!rules.allowPrivate && isIP(literal) && !isPublicAddress(literal)) {
      throw new OutboundTargetError(`${literal} is a private or local address; use the receiver's public https address.`);
    }
    return url.toString();
  } catch (error) {
    if (error instanceof OutboundTargetError) throw badRequest(error.message, "url");
    throw error;
  }
}

function checkedEvents(events: readonly string[]): WebhookEventType[] {
  const unknown = events.filter((e) => !isWebhookEventType(e));
  if (unknown.length) throw badRequest(`Unknown event: ${unknown.join(", ")}.`, "events");
  const chosen = [...new Set(events)] as WebhookEventType[];
  if (chosen.length === 0) throw badRequest("Choose at least one event to send to this endpoint.", "events");
  return chosen;
}

const target = (url: string) => `Webhook endpoint ${url}`;

export async function listWebhookEndpoints(ctx: WorkspaceCtx) {
  const rows = await ctx.db.webhookEndpoint.findMany({
    include: { createdBy: { select: { user: { select: { name: true } } } } },
    orderBy: { createdAt: "asc" },
  });
  const stats = await ctx.db.webhookDelivery.groupBy({ by: ["endpointId", "status"], _count: { _all: true } });
  const count = (endpointId: string, status: string) =>
    stats.find((s) => s.endpointId === endpointId && s.status === status)?._count._all ?? 0;
  return {
    events: Object.entries(WEBHOOK_EVENTS).map(([type, e]) => ({ type, label: e.label, description: e.description })),
    endpoints: rows.map((e) => ({
      id: e.id,
      url: e.url,
      description: e.description,
      events: e.events,
      enabled: e.enabled,
      disabledAt: e.disabledAt,
      disabledReason: e.disabledReason,
      failingSince: e.failingSince,
      rotating: e.previousSecretUntil !== null && e.previousSecretUntil > new Date(),
      createdBy: e.createdBy.user.name,
      createdAt: e.createdAt,
      delivered: count(e.id, "DELIVERED"),
      failed: count(e.id, "FAILED"),
      pending: count(e.id, "PENDING"),
    })),
  };
}

export interface EndpointFields {
  url: string;
  description: string;
  events: string[];
}

// Returns the secret itself: the only time anyone sees it.
export async function createWebhookEndpoint(ctx: WorkspaceCtx, input: EndpointFields) {
  const url = checkedUrl(input.url);
  const events = checkedEvents(input.events);
  const secret = newWebhookSecret();
  return ctx.db.$transaction(async (tx) => {
    if ((await tx.webhookEndpoint.count()) >= MAX_ENDPOINTS) {
      throw badRequest(`A workspace may have at most ${MAX_ENDPOINTS} webhook endpoints; remove one first.`);
    }
    const created = await tx.webhookEndpoint.create({
      data: {
        workspaceId: ctx.workspace.id,
        url,
        description: input.description.trim(),
        events,
        secret: sealSecret(ctx.workspace.id, secret),
        createdById: ctx.member.id,
      },
    });
    await audit(tx, {
      action: "webhook.created",
      actorUserId: ctx.user.id,
      target: target(url),
      detail: { endpointId: created.id, events },
      address: ctx.address ?? null,
    });
    return { id: created.id, url, secret };
  });
}

async function endpointOf(db: TenantClient, endpointId: string) {
  const endpoint = await db.webhookEndpoint.findUnique({ where: byId(db, endpointId) });
  if (!endpoint) throw notFound("Webhook endpoint");
  return endpoint;
}

export interface EndpointChange {
  url?: string;
  description?: string;
  events?: string[];
  enabled?: boolean;
}

export async function updateWebhookEndpoint(ctx: WorkspaceCtx, endpointId: string, input: EndpointChange, now = new Date()) {
  const existing = await endpointOf(ctx.db, endpointId);
  const next = {
    url: input.url === undefined ? existing.url : checkedUrl(input.url),
    description: input.description === undefined ? existing.description : input.description.trim(),
    events: input.events === undefined ? existing.events : checkedEvents(input.events),
    enabled: input.enabled ?? existing.enabled,
  };
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of ["url", "description", "events", "enabled"] as const) {
    if (JSON.stringify(existing[key]) !== JSON.stringify(next[key])) changes[key] = [existing[key], next[key]];
  }
  if (Object.keys(changes).length === 0) return { id: existing.id, changed: [] as string[] };
  await ctx.db.$transaction(async (tx) => {
    await tx.webhookEndpoint.update({
      where: byId(tx, existing.id),
      data: {
        ...next,
        // Turned back on: a fresh start, so a day of past failures does not turn it off at once.
        ...(changes.enabled
          ? next.enabled
            ? { disabledAt: null, disabledReason: null, failingSince: null }
            : { disabledAt: now, disabledReason: "Turned off by an admin." }
          : {}),
      },
    });
    await audit(tx, {
      action: "webhook.updated",
      actorUserId: ctx.user.id,
      target: target(next.url),
      detail: { endpointId: existing.id, changes } as Prisma.InputJsonValue,
      address: ctx.address ?? null,
    });
  });
  return { id: existing.id, changed: Object.keys(changes) };
}

// A new secret, returned once; the previous one keeps signing beside it for a day.
export async function rotateWebhookSecret(ctx: WorkspaceCtx, endpointId: string, now = new Date()) {
  const existing = await endpointOf(ctx.db, endpointId);
  const secret = newWebhookSecret();
  await ctx.db.$transaction(async (tx) => {
    await tx.webhookEndpoint.update({
      where: byId(tx, existing.id),
      data: {
        secret: sealSecret(ctx.workspace.id, secret),
        previousSecret: existing.secret,
        previousSecretUntil: new Date(now.getTime() + ROTATION_OVERLAP_MS),
      },
    });
    await audit(tx, {
      action: "webhook.secret_rotated",
      actorUserId: ctx.user.id,
      target: target(existing.url),
      detail: { endpointId: existing.id },
      address: ctx.address ?? null,
    });
  });
  return { id: existing.id, secret };
}

export async function removeWebhookEndpoint(ctx: WorkspaceCtx, endpointId: string) {
  const existing = await endpointOf(ctx.db, endpointId);
  await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.deleteMany({ where: { id: existing.id } });
    if (count === 1) {
      await audit(tx, {
        action: "webhook.deleted",
        actorUserId: ctx.user.id,
        target: target(existing.url),
        detail: { endpointId: existing.id },
        address: ctx.address ?? null,
      });
    }
  });
  return { id: existing.id };
}

// "Send test event": a ping to this endpoint alone, through the same queue, signing and log.
export async function sendTestEvent(ctx: WorkspaceCtx, endpointId: string, now = new Date()) {
  const endpoint = await endpointOf(ctx.db, endpointId);
  if (!endpoint.enabled) throw badRequest("This endpoint is turned off. Turn it on to send it a test event.");
  const data = pingData.parse({
    message: `A test event from ${ctx.workspace.name}, sent by ${ctx.user.name}.`,
    endpoint: { id: endpoint.id, description: endpoint.description },
  });
  const workspace = { id: ctx.workspace.id, slug: ctx.workspace.slug, name: ctx.workspace.name };
  await ctx.db.$transaction((tx) => writeDeliveries(tx, [endpoint], PING_EVENT, { workspace, data }, now));
  // Again once committed: the nudge from inside the transaction may reach the sweep before the
  // row is visible, and someone is watching the log for this one.
  background.webhooksQueued();
  return { id: endpoint.id };
}
