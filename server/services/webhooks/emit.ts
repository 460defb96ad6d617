// Recording an event for the workspace's webhook endpoints: called by the service that made the
// change, inside its transaction, so a delivery exists exactly when its change was committed (as
// the email outbox does). The job queue sends it after the commit (server/jobs/), nudged here, or
// found by the next sweep.
//
// A workspace with no endpoint for the event pays one indexed lookup and writes nothing: the
// payload is only built (and its references read) when some enabled endpoint subscribes to it.
import type { Prisma } from "../../db/generated/client";
import type { TenantClient, TenantDb } from "../../db/tenant";
import { background } from "../background";
import { WEBHOOK_EVENTS, webhookEnvelope, type WebhookEventData, type WebhookEventType } from "./events";
import type { EventScope } from "./refs";

export type PayloadBuilder<T extends WebhookEventType> = (scope: EventScope) => Promise<WebhookEventData<T>> | WebhookEventData<T>;

// The deliveries written (one per subscribed endpoint).
export async function emitWebhookEvent<T extends WebhookEventType>(
  db: TenantClient,
  type: T,
  build: PayloadBuilder<T>,
  now = new Date(),
): Promise<number> {
  const endpoints = await db.webhookEndpoint.findMany({ where: { enabled: true, events: { has: type } }, select: { id: true } });
  if (endpoints.length === 0) return 0;
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: db.$workspaceId }, select: { id: true, slug: true, name: true } });
  const data = WEBHOOK_EVENTS[type].data.parse(await build({ workspace }));
  await writeDeliveries(db, endpoints, type, { workspace, data }, now);
  return endpoints.length;
}

// Many events of one type at once (an import's partnerships): one lookup, and the payloads built
// together only when an endpoint subscribes.
export async function emitWebhookEvents<T extends WebhookEventType>(
  db: TenantClient,
  type: T,
  build: (scope: EventScope) => Promise<WebhookEventData<T>[]>,
  now = new Date(),
): Promise<number> {
  const endpoints = await db.webhookEndpoint.findMany({ where: { enabled: true, events: { has: type } }, select: { id: true } });
  if (endpoints.length === 0) return 0;
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: db.$workspaceId }, select: { id: true, slug: true, name: true } });
  const events = await build({ workspace });
  for (const data of events) await writeDeliveries(db, endpoints, type, { workspace, data: WEBHOOK_EVENTS[type].data.parse(data) }, now);
  return events.length * endpoints.length;
}

// The same envelope for each endpoint; each delivery is its own message (its own webhook-id).
export async function writeDeliveries(
  db: TenantClient,
  endpoints: { id: string }[],
  type: string,
  event: { workspace: EventScope["workspace"]; data: Record<string, unknown> },
  now: Date,
): Promise<void> {
  const payload = webhookEnvelope.parse({ type, timestamp: now.toISOString(), workspace: event.workspace, data: event.data });
  await db.webhookDelivery.createMany({
    data: endpoints.map((e) => ({
      workspaceId: db.$workspaceId,
      endpointId: e.id,
      eventType: type,
      payload: payload as Prisma.InputJsonValue,
    })),
  });
  background.webhooksQueued();
}

// Runs `fn` in a transaction: the caller's when it is already in one, else a new one, so a change
// and its event are committed together wherever the change is made from.
export function inTransaction<R>(db: TenantClient, fn: (tx: TenantClient) => Promise<R>): Promise<R> {
  const own = (db as { $transaction?: unknown }).$transaction;
  return typeof own === "function" ? (db as TenantDb).$transaction((tx) => fn(tx)) : fn(db);
}
