// An endpoint's delivery log, newest first, and "Redeliver": the same message (same webhook-id,
// same payload) queued again, signed afresh when it is sent.
import type { WorkspaceCtx } from "../../access/context";
import { badRequest, conflict, notFound } from "../../access/errors";
import { byId } from "../../db/tenant";
import { background } from "../background";
import { messageId } from "./deliver";

export const DELIVERIES_PAGE_SIZE = 25;

export async function listWebhookDeliveries(ctx: WorkspaceCtx, input: { endpointId: string; cursor?: string }) {
  const endpoint = await ctx.db.webhookEndpoint.findUnique({ where: byId(ctx.db, input.endpointId), select: { id: true, url: true } });
  if (!endpoint) throw notFound("Webhook endpoint");
  const rows = await ctx.db.webhookDelivery.findMany({
    where: { endpointId: endpoint.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: DELIVERIES_PAGE_SIZE + 1,
    ...(input.cursor ? { cursor: byId(ctx.db, input.cursor), skip: 1 } : {}),
  });
  const page = rows.slice(0, DELIVERIES_PAGE_SIZE);
  return {
    endpoint,
    nextCursor: rows.length > DELIVERIES_PAGE_SIZE ? page[page.length - 1]!.id : null,
    deliveries: page.map((d) => ({
      id: d.id,
      messageId: messageId(d.id),
      eventType: d.eventType,
      status: d.status,
      createdAt: d.createdAt,
      attempts: d.attempts,
      lastAttemptAt: d.lastAttemptAt,
      responseStatus: d.responseStatus,
      durationMs: d.durationMs,
      responseExcerpt: d.responseExcerpt,
      lastError: d.lastError,
      deliveredAt: d.deliveredAt,
      payload: JSON.stringify(d.payload, null, 2),
    })),
  };
}

// Refused while it is still being tried, or while its endpoint is off (it would fail at once).
export async function redeliverWebhook(ctx: WorkspaceCtx, deliveryId: string) {
  const delivery = await ctx.db.webhookDelivery.findUnique({
    where: byId(ctx.db, deliveryId),
    include: { endpoint: { select: { enabled: true } } },
  });
  if (!delivery) throw notFound("Delivery");
  if (!delivery.endpoint.enabled) throw badRequest("This endpoint is turned off. Turn it on before redelivering to it.");
  const { count } = await ctx.db.webhookDelivery.updateMany({
    where: { id: delivery.id, status: { in: ["DELIVERED", "FAILED"] } },
    data: { status: "PENDING", round: { increment: 1 }, claimedAt: null, deliveredAt: null },
  });
  if (count !== 1) throw conflict("This delivery is still being tried; wait for its result before redelivering it.");
  background.webhooksQueued();
  return { id: delivery.id };
}
