// The events a workspace's webhook endpoints can subscribe to, each with the shape of its `data`
// as a zod schema: the one catalogue for what leaves the app about an event (webhooks today; chat
// notifications may reuse it). Every payload is parsed through its schema before it is stored, and
// zod drops any field the schema does not name, so a builder cannot leak more than is listed here.
// What is listed: ids, names, labels, bands, dates and links into the app. Never another
// workspace's rows, a person's answers or comments, token hashes or secrets, and no per-side
// score: the figures an alert names are the combined ones the scorecard may show
// (services/confidentiality.ts), and a perception gap is given as its size only.
import { z } from "zod";

const ref = z.object({ id: z.string(), name: z.string() });
const person = ref.nullable();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const partnershipRef = z.object({
  id: z.string(),
  name: z.string(),
  partnerOrganisation: ref,
  link: z.string(),
});
export const cycleRef = z.object({ id: z.string(), label: z.string(), link: z.string() });

const partnershipState = partnershipRef.extend({
  tier: z.enum(["STRATEGIC", "CORE", "EMERGING"]),
  phase: z.enum(["EXPLORING", "ONBOARDING", "ACTIVE", "RENEWAL_REVIEW", "RENEWED", "EXITED"]),
  renewalDate: day.nullable(),
  owner: person,
  archived: z.boolean(),
});

const action = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(["OPEN", "IN_PROGRESS", "DONE", "DROPPED"]),
  owner: person,
  dueDate: day.nullable(),
  pillarKey: z.string().nullable(),
  link: z.string(),
});

const band = z.enum(["HEALTHY", "WATCH", "AT_RISK"]);
const pillar = z.object({ key: z.string(), name: z.string() });

const alert = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("HEALTH_DROP"), title: z.string(), from: z.number(), to: z.number(), drop: z.number(), band }),
  z.object({ kind: z.literal("PILLAR_AT_RISK"), title: z.string(), pillar, score: z.number(), band }),
  z.object({ kind: z.literal("PERCEPTION_GAP"), title: z.string(), pillar, gap: z.number() }),
]);

const cycleState = cycleRef.extend({ opensAt: z.string(), closesAt: z.string() });

export const WEBHOOK_EVENTS = {
  "response.submitted": {
    label: "Response submitted",
    description: "Someone submitted (or changed) their survey answers for a partnership. Who it was is never sent.",
    data: z.object({ cycle: cycleRef, partnership: partnershipRef, side: z.enum(["HOST", "PARTNER"]), resubmitted: z.boolean() }),
  },
  "cycle.opened": {
    label: "Cycle opened",
    description: "A survey cycle opened (or was reopened), by an admin or the schedule.",
    data: z.object({ cycle: cycleState, reopened: z.boolean() }),
  },
  "cycle.closed": {
    label: "Cycle closed",
    description: "A survey cycle closed; its alerts follow.",
    data: z.object({ cycle: cycleState }),
  },
  "alert.raised": {
    label: "Alert raised",
    description: "A closed cycle raised an alert: health fell, a pillar is at risk, or the two sides see a pillar differently.",
    data: z.object({ alert, partnership: partnershipRef, cycle: cycleRef }),
  },
  "action.created": {
    label: "Action created",
    description: "An action was agreed on a partnership (by hand or from a retro).",
    data: z.object({ action, partnership: partnershipRef }),
  },
  "action.updated": {
    label: "Action updated",
    description: "An action changed: its status, owner, due date, title, pillar or notes.",
    data: z.object({ action, partnership: partnershipRef, changed: z.array(z.string()) }),
  },
  "renewal.decided": {
    label: "Renewal decided",
    description: "A renewal review was decided: renew, revise terms, or exit.",
    data: z.object({
      partnership: partnershipRef,
      decision: z.enum(["RENEW", "REVISE_TERMS", "EXIT"]),
      nextRenewalDate: day.nullable(),
    }),
  },
  "partnership.created": {
    label: "Partnership created",
    description: "A partnership was added to the workspace.",
    data: z.object({ partnership: partnershipState }),
  },
  "partnership.updated": {
    label: "Partnership updated",
    description: "A partnership's name, owner, tier, phase, renewal date or host team changed.",
    data: z.object({ partnership: partnershipState, changed: z.array(z.string()) }),
  },
} as const;

export type WebhookEventType = keyof typeof WEBHOOK_EVENTS;
export type WebhookEventData<T extends WebhookEventType> = z.infer<(typeof WEBHOOK_EVENTS)[T]["data"]>;
export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENTS) as WebhookEventType[];
export const isWebhookEventType = (v: string): v is WebhookEventType => Object.hasOwn(WEBHOOK_EVENTS, v);

// The test event of the "Send test event" button: sent to one endpoint, whatever it subscribes to.
export const PING_EVENT = "webhook.ping";
export const pingData = z.object({ message: z.string(), endpoint: z.object({ id: z.string(), description: z.string() }) });

// What every delivery's body is: the event's type, when it happened, the workspace it happened in
// (the receiving endpoint's own), and its data.
export const webhookEnvelope = z.object({
  type: z.string(),
  timestamp: z.string(),
  workspace: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  data: z.record(z.string(), z.unknown()),
});
export type WebhookEnvelope = z.infer<typeof webhookEnvelope>;
