// Sending one webhook delivery, as its job on the queue asks (server/jobs/): claim it, sign the
// stored payload with the endpoint's secret (Standard Webhooks), POST it through the one guarded
// door for outgoing requests (services/outbound), and record the try for the delivery log.
//
// A 2xx answer delivers it. Anything else is recorded and thrown, so the queue tries again with
// growing waits; after the last try the dead-letter job marks it failed (an admin may redeliver).
// An endpoint whose deliveries have all failed for WEBHOOK_DISABLE_AFTER_HOURS (a day), counted
// from its first failure since its last success, is turned off at its next failure, and the
// workspace's admins are emailed through the outbox, in the same transaction.
import type { WebhookDelivery, WebhookEndpoint } from "../../db/generated/client";
import { rolesWith } from "../../access/roles";
import { byId, type TenantDb, type TenantTx } from "../../db/tenant";
import { env } from "../../env";
import { audit } from "../accounts/audit";
import { appUrl } from "../email/app-url";
import { enqueueEmail } from "../email/outbox";
import { postJson, type OutboundResult } from "../outbound/post";
import type { TargetRules } from "../outbound/target";
import { openSecret, signedHeaders } from "./secret";

export const CLAIM_TIMEOUT_MS = 2 * 60 * 1000;
const TIMEOUT_MS = 10_000;

export interface WebhookDeliverOptions {
  retrying: boolean;
  now?: Date;
  // How long an endpoint may fail before it is turned off (tests shorten it).
  disableAfterMs?: number;
  rules?: TargetRules;
  timeoutMs?: number;
}

export type DeliverOutcome = "delivered" | "done" | "disabled";

export class WebhookDeliveryError extends Error {}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);
const defaultDisableAfterMs = () => env.WEBHOOK_DISABLE_AFTER_HOURS * 3600 * 1000;

export const messageId = (deliveryId: string) => `msg_${deliveryId}`;

function liveSecrets(endpoint: WebhookEndpoint, workspaceId: string, now: Date): string[] {
  const secrets = [openSecret(workspaceId, endpoint.secret)];
  if (endpoint.previousSecret && endpoint.previousSecretUntil && endpoint.previousSecretUntil > now) {
    secrets.push(openSecret(workspaceId, endpoint.previousSecret));
  }
  return secrets;
}

export async function deliverWebhook(db: TenantDb, deliveryId: string, options: WebhookDeliverOptions): Promise<DeliverOutcome> {
  const clock = () => options.now ?? new Date();
  const claim = await db.webhookDelivery.updateMany({
    where: {
      id: deliveryId,
      status: "PENDING",
      // A retry of the same job may take over the claim of a try that died holding it.
      ...(options.retrying ? {} : { OR: [{ claimedAt: null }, { claimedAt: { lt: new Date(clock().getTime() - CLAIM_TIMEOUT_MS) } }] }),
    },
    data: { claimedAt: clock() },
  });
  if (claim.count !== 1) return "done";
  const delivery = await db.webhookDelivery.findUniqueOrThrow({ where: byId(db, deliveryId), include: { endpoint: true } });
  const { endpoint } = delivery;
  if (!endpoint.enabled) {
    await db.webhookDelivery.update({
      where: byId(db, deliveryId),
      data: { status: "FAILED", claimedAt: null, lastError: "Not sent: the endpoint is turned off." },
    });
    return "done";
  }

  const at = clock();
  const body = JSON.stringify(delivery.payload);
  let result: OutboundResult | null = null;
  let failure: string | null = null;
  try {
    // Signed at the real time, whatever clock the caller runs on: receivers check it against theirs.
    const headers = signedHeaders(messageId(delivery.id), new Date(), body, liveSecrets(endpoint, db.$workspaceId, at));
    result = await postJson(endpoint.url, body, { headers, timeoutMs: options.timeoutMs ?? TIMEOUT_MS, rules: options.rules });
    if (result.status < 200 || result.status > 299) failure = `The endpoint answered ${result.status}.`;
  } catch (error) {
    failure = errorText(error);
  }
  const tried = {
    attempts: { increment: 1 },
    lastAttemptAt: at,
    responseStatus: result?.status ?? null,
    durationMs: result?.durationMs ?? null,
    responseExcerpt: result?.excerpt ?? null,
    lastError: failure,
    claimedAt: null,
  };

  if (!failure) {
    await db.$transaction(async (tx) => {
      await tx.webhookDelivery.update({ where: byId(tx, delivery.id), data: { ...tried, status: "DELIVERED", deliveredAt: clock() } });
      await tx.webhookEndpoint.updateMany({ where: { id: endpoint.id, failingSince: { not: null } }, data: { failingSince: null } });
    });
    return "delivered";
  }

  const disabled = await db.$transaction(async (tx) => {
    await tx.webhookDelivery.update({ where: byId(tx, delivery.id), data: tried });
    await tx.webhookEndpoint.updateMany({ where: { id: endpoint.id, failingSince: null }, data: { failingSince: at } });
    const since = (await tx.webhookEndpoint.findUniqueOrThrow({ where: byId(tx, endpoint.id), select: { failingSince: true } }))
      .failingSince!;
    if (at.getTime() - since.getTime() < (options.disableAfterMs ?? defaultDisableAfterMs())) return false;
    return disableFailingEndpoint(tx, endpoint, delivery, since, failure!, at);
  });
  if (disabled) return "disabled";
  throw new WebhookDeliveryError(failure);
}

// Turns the endpoint off (once, however many deliveries fail at the same moment), marks what
// waits for it failed, records it and emails the admins. True when this call turned it off.
async function disableFailingEndpoint(
  tx: TenantTx,
  endpoint: WebhookEndpoint,
  delivery: WebhookDelivery,
  since: Date,
  failure: string,
  now: Date,
): Promise<boolean> {
  const hours = Math.max(1, Math.round((now.getTime() - since.getTime()) / 3_600_000));
  const reason = `Turned off after failing for ${hours === 1 ? "an hour" : `${hours} hours`}: ${failure}`;
  const { count } = await tx.webhookEndpoint.updateMany({
    where: { id: endpoint.id, enabled: true },
    data: { enabled: false, disabledAt: now, disabledReason: reason.slice(0, 500) },
  });
  await tx.webhookDelivery.updateMany({
    where: { endpointId: endpoint.id, status: "PENDING", id: { not: delivery.id } },
    data: { status: "FAILED", lastError: "Not sent: the endpoint was turned off." },
  });
  await tx.webhookDelivery.update({ where: byId(tx, delivery.id), data: { status: "FAILED" } });
  if (count !== 1) return true;
  await audit(tx, {
    action: "webhook.disabled",
    target: `Webhook endpoint ${endpoint.url}`,
    detail: { endpointId: endpoint.id, reason },
  });
  const [workspace, admins] = await Promise.all([
    tx.workspace.findUniqueOrThrow({ where: { id: tx.$workspaceId }, select: { slug: true, name: true } }),
    tx.member.findMany({
      where: { removedAt: null, role: { in: rolesWith("administer") } },
      select: { id: true, user: { select: { name: true, email: true } } },
      orderBy: { id: "asc" },
    }),
  ]);
  const link = appUrl(`/w/${workspace.slug}/admin/webhooks`);
  for (const admin of admins) {
    await enqueueEmail(tx, {
      workspaceId: tx.$workspaceId,
      kind: "WEBHOOK_DISABLED",
      to: admin.user.email,
      recipientMemberId: admin.id,
      partnershipIds: [],
      subject: `A webhook endpoint of ${workspace.name} was turned off`,
      link,
      text: [
        `Hello ${admin.user.name},`,
        "",
        `The webhook endpoint ${endpoint.url}${endpoint.description ? ` (${endpoint.description})` : ""} has failed every delivery since ${since.toISOString()}, so it was turned off. Nothing more is sent to it until an admin turns it on again.`,
        "",
        `The last answer: ${failure}`,
        "",
        "See its delivery log, fix the receiver, turn the endpoint on and redeliver what it missed:",
        link,
        "",
        "You receive this as an admin of the workspace.",
        "",
        "— Partnership Health",
      ].join("\n"),
    });
  }
  return true;
}

// The queue gave up on it (its dead-letter queue): kept in the log as failed, for an admin to redeliver.
export async function markWebhookFailed(db: TenantDb, deliveryId: string): Promise<void> {
  await db.webhookDelivery.updateMany({ where: { id: deliveryId, status: "PENDING" }, data: { status: "FAILED", claimedAt: null } });
}
