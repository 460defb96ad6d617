// Webhooks on the real database: events recorded in the transaction of each change (and nothing
// for a workspace without endpoints), delivered through the job queue to a loopback receiver that
// verifies every delivery with the `standardwebhooks` library, retried with backoff, redelivered
// by an admin, an endpoint failing for a day turned off with its admins emailed, payloads that carry
// nothing of another workspace and no secrets, and private addresses refused unless allowed.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addMember, createResponses, createWorkspaceWithOwner } from "../../prisma/factories";
import { forWorkspace } from "../../server/db/tenant";
import { env } from "../../server/env";
import { evaluateAllDueAlerts } from "../../server/services/alerts/due";
import { readImportFile } from "../../server/services/import/read-file";
import { deliverWebhook } from "../../server/services/webhooks/deliver";
import type { WebhookEnvelope } from "../../server/services/webhooks/events";
import { createContextFor } from "../../server/trpc/context";
import { createCaller } from "../../server/trpc/root";
import { appDb, buildWorld, closedQuarter, db, expectTrpcError, fullAnswers } from "./helpers";
import { ownDatabase, startTestJobs } from "./own-database";
import { startReceiver } from "./webhook-receiver";

type World = Awaited<ReturnType<typeof buildWorld>>;
const ALL_EVENTS = [
  "response.submitted",
  "cycle.opened",
  "cycle.closed",
  "alert.raised",
  "action.created",
  "action.updated",
  "renewal.decided",
  "partnership.created",
  "partnership.updated",
];

const daysAhead = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

const allowPrivate = (on: boolean) => {
  (env as { WEBHOOKS_ALLOW_PRIVATE: boolean }).WEBHOOKS_ALLOW_PRIVATE = on;
};
beforeEach(() => allowPrivate(true));
afterEach(() => allowPrivate(false));

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 90_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const deliveriesOf = (workspaceId: string) =>
  db().webhookDelivery.findMany({ where: { workspaceId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

async function addEndpoint(w: Pick<World, "slug" | "admin">, url: string, events = ALL_EVENTS) {
  return w.admin.api.webhook.create({ workspaceSlug: w.slug, url, description: "CRM", events });
}

describe("webhook events", () => {
  it("records every kind of event in the transaction of its change, with payloads of its own workspace only and no secrets", async () => {
    const w = await buildWorld();
    const other = await buildWorld();
    const { secret, id: endpointId } = await addEndpoint(w, "https://hooks.example.test/crm");
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    // The other workspace has no endpoint: what happens there writes nothing.
    await other.contactA.api.response.submit({
      workspaceSlug: other.slug,
      cycleId: other.cycle.id,
      partnershipId: other.partnershipA.id,
      answers: await fullAnswers(other.cycle.id, 4),
    });
    await other.admin.api.cycle.close({ workspaceSlug: other.slug, cycleId: other.cycle.id });

    // A scored previous quarter and a drop of 10 points, so closing raises a health alert.
    const previous = await closedQuarter(w.workspace.id, "2020-Q4");
    const second = await addMember(db(), w.workspace.id, { role: "PARTNER", partnerOrgId: w.orgA.id });
    const people = { HOST: [w.manager.member.id, w.executive.member.id], PARTNER: [w.contactA.member.id, second.member.id] };
    await createResponses(
      db(),
      w.workspace.id,
      (["HOST", "PARTNER"] as const).flatMap((side) =>
        people[side].map((memberId) => ({ cycleId: previous.id, partnershipId: w.partnershipA.id, side, answers: 4, memberId })),
      ),
    );
    const s = { workspaceSlug: w.slug };
    for (const api of [w.manager.api, w.contactA.api]) {
      await api.response.submit({ ...s, cycleId: w.cycle.id, partnershipId: w.partnershipA.id, answers: await fullAnswers(w.cycle.id, 3) });
    }
    // The executive (not asked) and the second contact (who joined after the cycle's list was
    // made) count towards the threshold: their answers laid down directly.
    await createResponses(db(), w.workspace.id, [
      { cycleId: w.cycle.id, partnershipId: w.partnershipA.id, side: "HOST", answers: 3, memberId: w.executive.member.id },
      { cycleId: w.cycle.id, partnershipId: w.partnershipA.id, side: "PARTNER", answers: 3, memberId: second.member.id },
    ]);
    const setHealth = (cycleId: string, health: number) =>
      db().partnershipCycleScore.update({
        where: { workspaceId_partnershipId_cycleId: { workspaceId: w.workspace.id, partnershipId: w.partnershipA.id, cycleId } },
        data: { health },
      });
    await setHealth(previous.id, 75);
    await setHealth(w.cycle.id, 65);
    await w.admin.api.cycle.close({ ...s, cycleId: w.cycle.id });
    await evaluateAllDueAlerts(forWorkspace(appDb(), w.workspace.id));
    // Reopened: cycle.opened, with what it was.
    await w.admin.api.cycle.open({ ...s, cycleId: w.cycle.id });

    const made = await w.admin.api.partnership.create({
      ...s,
      partnerOrgId: w.orgB.id,
      name: "Second line",
      tier: "CORE",
      phase: "ACTIVE",
    });
    await w.admin.api.partnership.update({
      ...s,
      partnershipId: w.partnershipA.id,
      name: w.partnershipA.name,
      ownerMemberId: w.manager.member.id,
      tier: "STRATEGIC",
      phase: w.partnershipA.phase,
      renewalDate: daysAhead(30),
    });
    await w.manager.api.team.add({ ...s, partnershipId: w.partnershipA.id, memberId: w.admin.member.id });
    const action = await w.manager.api.action.create({
      ...s,
      partnershipId: w.partnershipA.id,
      title: "Joint QBR",
      ownerMemberId: w.manager.member.id,
      dueDate: daysAhead(7),
    });
    await w.manager.api.action.update({ ...s, actionId: action.id, version: action.version, status: "IN_PROGRESS" });
    const { reviewId } = await w.manager.api.lifecycle.openReview({ ...s, partnershipId: w.partnershipA.id });
    await w.manager.api.lifecycle.decide({
      ...s,
      partnershipId: w.partnershipA.id,
      reviewId,
      decision: "RENEW",
      reasons: "Going well.",
      nextRenewalDate: daysAhead(400),
    });

    const deliveries = await deliveriesOf(w.workspace.id);
    expect(deliveries.every((d) => d.endpointId === endpointId && d.status === "PENDING")).toBe(true);
    const types = new Set(deliveries.map((d) => d.eventType));
    for (const type of ALL_EVENTS) expect(types, type).toContain(type);
    expect(await deliveriesOf(other.workspace.id)).toEqual([]);

    const byType = (type: string) =>
      deliveries
        .filter((d) => d.eventType === type)
        .map((d) => d.payload as unknown as WebhookEnvelope & { data: Record<string, unknown> });
    const submitted = byType("response.submitted");
    expect(submitted).toHaveLength(2);
    expect(submitted[0]).toMatchObject({
      type: "response.submitted",
      workspace: { id: w.workspace.id, slug: w.slug },
      data: { cycle: { id: w.cycle.id }, partnership: { id: w.partnershipA.id, name: w.partnershipA.name }, resubmitted: false },
    });
    expect(byType("cycle.opened")[0]!.data).toMatchObject({ cycle: { id: w.cycle.id, label: w.cycle.label }, reopened: true });
    const [alert] = byType("alert.raised");
    expect(alert!.data).toMatchObject({ alert: { kind: "HEALTH_DROP", from: 75, to: 65, drop: 10, band: "WATCH" } });
    expect(byType("partnership.created")[0]!.data).toMatchObject({ partnership: { id: made.id, name: "Second line", tier: "CORE" } });
    expect(byType("partnership.updated").map((p) => p.data.changed)).toEqual(
      expect.arrayContaining([["tier", "renewalDate"], ["hostTeam"], ["phase"]]),
    );
    expect(byType("action.updated")[0]!.data).toMatchObject({ action: { id: action.id, status: "IN_PROGRESS" }, changed: ["status"] });
    expect(byType("renewal.decided")[0]!.data).toMatchObject({ decision: "RENEW", partnership: { id: w.partnershipA.id } });

    // Nothing of the other workspace, nobody's answers, who answered, or a secret.
    const text = JSON.stringify(deliveries.map((d) => d.payload));
    const foreign = [other.workspace.id, other.slug, other.partnershipA.id, other.partnershipA.name, other.orgA.name, other.cycle.id];
    for (const value of foreign) expect(text).not.toContain(value);
    for (const value of [secret, "whsec_", "tokenHash", w.contactA.user.email, w.contactA.member.id, second.member.id]) {
      expect(text).not.toContain(value);
    }
    expect(text).not.toMatch(/"(host|partner|answers|comments)"/);
  });

  it("records an import's new and changed partnerships, as if each was made by hand", async () => {
    const w = await buildWorld();
    await addEndpoint(w, "https://hooks.example.test/crm", ["partnership.created", "partnership.updated"]);
    const table = await readImportFile(
      new TextEncoder().encode(
        [
          "name,partner,tier,phase,owner email,renewal date,host team emails",
          `Imported One,${w.orgA.name},Core,Active,${w.manager.user.email},2027-03-31,`,
          `${w.partnershipB.name},${w.orgB.name},Emerging,,,2027-06-30,${w.admin.user.email}`,
        ].join("\n"),
      ),
      "partnerships.csv",
    );
    const s = { workspaceSlug: w.slug, kind: "partnerships" as const };
    const { mapping } = await w.admin.api.import.mapping({ ...s, headers: table.headers });
    for await (const event of await w.admin.api.import.confirm({ ...s, table, mapping, onlyValid: false })) void event;
    const payloads = (await deliveriesOf(w.workspace.id)).map((d) => d.payload as unknown as WebhookEnvelope);
    expect(payloads.map((p) => [p.type, (p.data.partnership as { name: string }).name, p.data.changed])).toEqual(
      expect.arrayContaining([
        ["partnership.created", "Imported One", undefined],
        ["partnership.updated", w.partnershipB.name, ["tier", "renewalDate", "hostTeam"]],
      ]),
    );
    expect(payloads).toHaveLength(2);
  });

  it("writes nothing for a workspace whose endpoints are off or do not subscribe to the event", async () => {
    const w = await buildWorld();
    const { id } = await addEndpoint(w, "https://hooks.example.test/a", ["cycle.closed"]);
    await w.contactA.api.response.submit({
      workspaceSlug: w.slug,
      cycleId: w.cycle.id,
      partnershipId: w.partnershipA.id,
      answers: await fullAnswers(w.cycle.id, 4),
    });
    await w.admin.api.webhook.update({ workspaceSlug: w.slug, endpointId: id, enabled: false });
    await w.admin.api.cycle.close({ workspaceSlug: w.slug, cycleId: w.cycle.id });
    expect(await deliveriesOf(w.workspace.id)).toEqual([]);
  });
});

describe("webhook delivery", { timeout: 240_000 }, () => {
  it("delivers through the job queue, verified by standardwebhooks; retries a failing delivery with backoff, then an admin redelivers it", async () => {
    const own = await ownDatabase();
    const receiver = await startReceiver();
    const { workspace, user } = await createWorkspaceWithOwner(own.fixtures);
    const api = createCaller(createContextFor(user.id, own.db));
    const s = { workspaceSlug: workspace.slug };
    const { id: endpointId, secret } = await api.webhook.create({
      ...s,
      url: receiver.url,
      description: "Loopback",
      events: ["cycle.opened"],
    });
    receiver.control.secrets = [secret];
    await startTestJobs(own, { webhook: { retryLimit: 2, retryDelaySeconds: 1 } });

    // A test event: delivered, signed, verified.
    await api.webhook.sendTest({ ...s, endpointId });
    await until(
      "the ping delivered",
      async () => (await api.webhook.deliveries({ ...s, endpointId })).deliveries[0]?.status === "DELIVERED",
    );
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.verified).toMatchObject([
      { ok: true, payload: { type: "webhook.ping", workspace: { id: workspace.id } } },
    ]);

    // The receiver fails: one try and two retries, each wait at least the doubled delay.
    receiver.control.status = 503;
    await api.webhook.sendTest({ ...s, endpointId });
    const failed = await until("the delivery given up on", async () => {
      const [latest] = (await api.webhook.deliveries({ ...s, endpointId })).deliveries;
      return latest?.status === "FAILED" ? latest : null;
    });
    expect(failed).toMatchObject({
      attempts: 3,
      responseStatus: 503,
      responseExcerpt: "receiver is down",
      lastError: "The endpoint answered 503.",
    });
    const tries = receiver.received.slice(1);
    expect(tries).toHaveLength(3);
    expect(new Set(tries.map((t) => t.id))).toEqual(new Set([failed.messageId]));
    expect(tries.every((t) => t.verified[0]!.ok)).toBe(true);
    expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(tries[2]!.at - tries[1]!.at).toBeGreaterThanOrEqual(2000);

    // Fixed; the admin redelivers: the same message, delivered and verified once more.
    receiver.control.status = 204;
    await api.webhook.redeliver({ ...s, deliveryId: failed.id });
    await until("the redelivery", async () => (await api.webhook.deliveries({ ...s, endpointId })).deliveries[0]?.status === "DELIVERED");
    expect(receiver.received).toHaveLength(5);
    expect(receiver.received[4]!.id).toBe(failed.messageId);
    expect(receiver.received[4]!.verified[0]!.ok).toBe(true);
    const endpoint = (await api.webhook.list(s)).endpoints[0]!;
    expect(endpoint).toMatchObject({ enabled: true, failingSince: null, delivered: 2 });
    expect(JSON.stringify(await api.webhook.list(s))).not.toContain(secret);
  });

  it("turns off an endpoint that keeps failing for a day, emails the admins and records it; nothing more is sent to it", async () => {
    const w = await buildWorld();
    const receiver = await startReceiver();
    receiver.control.status = 500;
    const { id: endpointId, secret } = await addEndpoint(w, receiver.url);
    receiver.control.secrets = [secret];
    const scoped = forWorkspace(appDb(), w.workspace.id);
    const s = { workspaceSlug: w.slug };
    const day = 24 * 3600 * 1000;
    const t0 = new Date();
    const ping = async () => {
      await w.admin.api.webhook.sendTest({ ...s, endpointId });
      return (await deliveriesOf(w.workspace.id)).at(-1)!;
    };

    const first = await ping();
    await expect(deliverWebhook(scoped, first.id, { retrying: false, now: t0 })).rejects.toThrow(/answered 500/);
    expect(await db().webhookEndpoint.findFirstOrThrow({ where: { id: endpointId } })).toMatchObject({ enabled: true, failingSince: t0 });
    // Still failing 23 hours on: tried again later.
    const second = await ping();
    await expect(deliverWebhook(scoped, second.id, { retrying: false, now: new Date(t0.getTime() + 23 * 3600_000) })).rejects.toThrow();
    // A day after the first failure: turned off.
    const third = await ping();
    expect(await deliverWebhook(scoped, third.id, { retrying: false, now: new Date(t0.getTime() + day) })).toBe("disabled");
    expect(receiver.received.every((r) => r.verified[0]!.ok)).toBe(true);

    const endpoint = (await w.admin.api.webhook.list(s)).endpoints[0]!;
    expect(endpoint).toMatchObject({ enabled: false, failed: 3 });
    expect(endpoint.disabledReason).toMatch(/^Turned off after failing for 24 hours: The endpoint answered 500\./);
    const emails = await db().outboxEmail.findMany({ where: { workspaceId: w.workspace.id, kind: "WEBHOOK_DISABLED" } });
    expect(emails.map((e) => e.to).sort()).toEqual([w.owner.user.email, w.admin.user.email].sort());
    expect(emails[0]!.text).toContain(receiver.url);
    expect(emails[0]!.link).toMatch(new RegExp(`/w/${w.slug}/admin/webhooks$`));
    expect(await db().auditEvent.count({ where: { workspaceId: w.workspace.id, action: "webhook.disabled" } })).toBe(1);

    // Off: no event is recorded for it, no test event nor redelivery is accepted.
    await w.admin.api.cycle.close({ ...s, cycleId: w.cycle.id });
    expect(await db().webhookDelivery.count({ where: { workspaceId: w.workspace.id, eventType: "cycle.closed" } })).toBe(0);
    await expectTrpcError(w.admin.api.webhook.sendTest({ ...s, endpointId }), "BAD_REQUEST", /turned off/);
    await expectTrpcError(w.admin.api.webhook.redeliver({ ...s, deliveryId: third.id }), "BAD_REQUEST", /turned off/);

    // Turned on again with the receiver fixed: a fresh start, and a redelivery goes through.
    receiver.control.status = 200;
    await w.admin.api.webhook.update({ ...s, endpointId, enabled: true });
    await w.admin.api.webhook.redeliver({ ...s, deliveryId: third.id });
    expect(await deliverWebhook(scoped, third.id, { retrying: false })).toBe("delivered");
    expect(await db().webhookEndpoint.findFirstOrThrow({ where: { id: endpointId } })).toMatchObject({ enabled: true, failingSince: null });
  });

  it("signs with the new and the old secret for a day after a rotation", async () => {
    const w = await buildWorld();
    const receiver = await startReceiver();
    const { id: endpointId, secret: old } = await addEndpoint(w, receiver.url);
    const { secret: rotated } = await w.admin.api.webhook.rotateSecret({ workspaceSlug: w.slug, endpointId });
    expect(rotated).not.toBe(old);
    receiver.control.secrets = [rotated, old];
    const scoped = forWorkspace(appDb(), w.workspace.id);
    await w.admin.api.webhook.sendTest({ workspaceSlug: w.slug, endpointId });
    const [ping] = await deliveriesOf(w.workspace.id);
    expect(await deliverWebhook(scoped, ping!.id, { retrying: false })).toBe("delivered");
    expect(receiver.received[0]!.verified.map((v) => v.ok)).toEqual([true, true]);
    expect(receiver.received[0]!.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    // A day and a bit later only the new secret signs.
    await w.admin.api.webhook.redeliver({ workspaceSlug: w.slug, deliveryId: ping!.id });
    await deliverWebhook(scoped, ping!.id, { retrying: false, now: new Date(Date.now() + 25 * 3600_000) });
    expect(receiver.received[1]!.headers["webhook-signature"]!.split(" ")).toHaveLength(1);
  });
});

describe("webhook endpoints", () => {
  it("refuses private and loopback addresses and plain http when WEBHOOKS_ALLOW_PRIVATE is off, at saving and at sending", async () => {
    const w = await buildWorld();
    const receiver = await startReceiver();
    // Saved while allowed (a test receiver), then the setting is turned off.
    const { id: endpointId, secret } = await addEndpoint(w, receiver.url);
    receiver.control.secrets = [secret];
    allowPrivate(false);
    for (const [url, words] of [
      ["https://127.0.0.1/hooks", /private or local address/],
      ["https://10.1.2.3/hooks", /private or local address/],
      ["https://[::1]/hooks", /private or local address/],
      ["https://169.254.169.254/latest", /private or local address/],
      ["https://localhost/hooks", /this server itself/],
      ["http://hooks.example.com/", /must start with https/],
      ["https://user:pw@hooks.example.com/", /credentials/],
      ["not a url", /not a web address/],
    ] as const) {
      await expectTrpcError(addEndpoint(w, url), "BAD_REQUEST", words);
    }
    await expectTrpcError(
      w.admin.api.webhook.update({ workspaceSlug: w.slug, endpointId, url: "https://192.168.1.10/" }),
      "BAD_REQUEST",
      /private/,
    );
    expect(await db().webhookEndpoint.count({ where: { workspaceId: w.workspace.id } })).toBe(1);

    // The loopback endpoint saved before: its delivery is refused at sending, and the log says why.
    await w.admin.api.webhook.sendTest({ workspaceSlug: w.slug, endpointId });
    const [ping] = await deliveriesOf(w.workspace.id);
    await expect(deliverWebhook(forWorkspace(appDb(), w.workspace.id), ping!.id, { retrying: false })).rejects.toThrow(/private|https/);
    expect(receiver.received).toHaveLength(0);
    const { deliveries } = await w.admin.api.webhook.deliveries({ workspaceSlug: w.slug, endpointId });
    expect(deliveries[0]).toMatchObject({ attempts: 1, responseStatus: null });
    expect(deliveries[0]!.lastError).toMatch(/private|https/);
  });

  it("are the workspace's own: another workspace's endpoint or delivery is not found; every change is audited", async () => {
    const w = await buildWorld();
    const other = await buildWorld();
    const theirs = await addEndpoint(other, "https://hooks.example.test/theirs");
    await other.admin.api.webhook.sendTest({ workspaceSlug: other.slug, endpointId: theirs.id });
    const [delivery] = await deliveriesOf(other.workspace.id);
    const s = { workspaceSlug: w.slug };
    await expectTrpcError(w.admin.api.webhook.deliveries({ ...s, endpointId: theirs.id }), "NOT_FOUND");
    await expectTrpcError(w.admin.api.webhook.update({ ...s, endpointId: theirs.id, enabled: false }), "NOT_FOUND");
    await expectTrpcError(w.admin.api.webhook.remove({ ...s, endpointId: theirs.id }), "NOT_FOUND");
    await expectTrpcError(w.admin.api.webhook.redeliver({ ...s, deliveryId: delivery!.id }), "NOT_FOUND");
    expect((await w.admin.api.webhook.list(s)).endpoints).toEqual([]);
    await expectTrpcError(w.manager.api.webhook.list(s), "FORBIDDEN");

    const mine = await addEndpoint(w, "https://hooks.example.test/mine", ["cycle.closed"]);
    await w.admin.api.webhook.update({ ...s, endpointId: mine.id, events: ["cycle.closed", "alert.raised"], description: "BI" });
    await expectTrpcError(w.admin.api.webhook.update({ ...s, endpointId: mine.id, events: [] }), "BAD_REQUEST", /at least one event/);
    await expectTrpcError(
      w.admin.api.webhook.update({ ...s, endpointId: mine.id, events: ["nope"] }),
      "BAD_REQUEST",
      /Unknown event: nope/,
    );
    await w.admin.api.webhook.rotateSecret({ ...s, endpointId: mine.id });
    await w.admin.api.webhook.remove({ ...s, endpointId: mine.id });
    const actions = await db().auditEvent.findMany({
      where: { workspaceId: w.workspace.id, action: { startsWith: "webhook." } },
      orderBy: { createdAt: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual(["webhook.created", "webhook.updated", "webhook.secret_rotated", "webhook.deleted"]);
    expect(actions[1]!.detail).toMatchObject({ changes: { description: ["CRM", "BI"] } });
    expect(JSON.stringify(actions)).not.toContain("whsec_");
  });
});
