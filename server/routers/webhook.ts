// Webhook endpoints, for the workspace's admins: the list (never the secrets), adding one (its
// secret is in that one answer only), changing, rotating, removing, a test event, the delivery log
// and redelivery.
import { z } from "zod";
import { listWebhookDeliveries, redeliverWebhook } from "../services/webhooks/log";
import {
  createWebhookEndpoint,
  listWebhookEndpoints,
  removeWebhookEndpoint,
  rotateWebhookSecret,
  sendTestEvent,
  updateWebhookEndpoint,
} from "../services/webhooks/manage";
import { adminProcedure, id } from "../trpc/procedures";
import { router } from "../trpc/init";

const url = z.string().trim().min(1, "enter the address that receives the events").max(2000, "at most 2,000 characters");
const description = z.string().max(200, "at most 200 characters");
const events = z.array(z.string().max(60)).max(40);
const endpoint = z.object({ endpointId: id });

export const webhookRouter = router({
  list: adminProcedure.query(({ ctx }) => listWebhookEndpoints(ctx)),
  create: adminProcedure
    .input(z.object({ url, description: description.default(""), events }))
    .mutation(({ ctx, input }) => createWebhookEndpoint(ctx, input)),
  update: adminProcedure
    .input(
      endpoint.extend({
        url: url.optional(),
        description: description.optional(),
        events: events.optional(),
        enabled: z.boolean().optional(),
      }),
    )
    .mutation(({ ctx, input: { endpointId, ...change } }) => updateWebhookEndpoint(ctx, endpointId, change)),
  rotateSecret: adminProcedure.input(endpoint).mutation(({ ctx, input }) => rotateWebhookSecret(ctx, input.endpointId)),
  remove: adminProcedure.input(endpoint).mutation(({ ctx, input }) => removeWebhookEndpoint(ctx, input.endpointId)),
  sendTest: adminProcedure.input(endpoint).mutation(({ ctx, input }) => sendTestEvent(ctx, input.endpointId)),
  deliveries: adminProcedure.input(endpoint.extend({ cursor: id.optional() })).query(({ ctx, input }) => listWebhookDeliveries(ctx, input)),
  redeliver: adminProcedure.input(z.object({ deliveryId: id })).mutation(({ ctx, input }) => redeliverWebhook(ctx, input.deliveryId)),
});
