// Slack and Teams on the real database, posting to a receiver on loopback (WEBHOOKS_ALLOW_PRIVATE
// on for these tests, as the README says to): saving an address (checked, sealed, shown only as a
// hint, audited), the test button and its words on failure, each event reaching the channel once
// (cycle opened, response rates, alerts, the overdue digest once a day, retro summaries), a failing
// receiver retried by the job queue, and nothing of one workspace reaching another's channel.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, createCycle, createResponses, createWorkspaceWithOwner } from "../../prisma/factories";
import { forWorkspace } from "../../server/db/tenant";
import { env } from "../../server/env";
import { runActionReminders } from "../../server/services/actions/reminders";
import { evaluateAllDueAlerts } from "../../server/services/alerts/due";
import { deliverChatOutbox } from "../../server/services/chat/deliver";
import { testMessage } from "../../server/services/chat/events";
import { listChatIntegrations } from "../../server/services/chat/integrations";
import { postChat } from "../../server/services/chat/outbox";
import { sealChatUrl } from "../../server/services/chat/secret";
import { runSurveyReminders } from "../../server/services/schedule";
import { appDb, buildWorld, callerFor, closedQuarter, db, expectTrpcError } from "./helpers";
import { ownDatabase, startTestJobs } from "./own-database";

type World = Awaited<ReturnType<typeof buildWorld>>;

interface Received {
  path: string;
  body: Record<string, unknown>;
}

// A loopback receiver: records every post; answers each path with the statuses queued for it
// (then 200), the way Slack answers "ok" and a Teams workflow 202.
let receiver: http.Server;
let base = "";
const received: Received[] = [];
const answers = new Map<string, { status: number; body: string }[]>();

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let data = "";
    req.on("data", (c: Buffer) => (data += c.toString("utf8")));
    req.on("end", () => {
      received.push({ path: req.url ?? "", body: JSON.parse(data) as Record<string, unknown> });
      const next = answers.get(req.url ?? "")?.shift() ?? { status: req.url?.startsWith("/teams") ? 202 : 200, body: "ok" };
      res.writeHead(next.status, { "content-type": "text/plain" }).end(next.body);
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  (env as { WEBHOOKS_ALLOW_PRIVATE: boolean }).WEBHOOKS_ALLOW_PRIVATE = true;
});

afterAll(async () => {
  (env as { WEBHOOKS_ALLOW_PRIVATE: boolean }).WEBHOOKS_ALLOW_PRIVATE = false;
  await new Promise((resolve) => receiver.close(resolve));
});

// Each test posts to paths of its own, so tests in parallel never read each other's posts.
const paths = () => {
  const tag = randomBytes(4).toString("hex");
  return { slack: `/slack/${tag}`, teams: `/teams/${tag}` };
};
const at = (path: string) => received.filter((r) => r.path === path);

// Slack's text, all of it (header, sections, fields, context), and a Teams card's.
const slackText = (r: Received) => JSON.stringify(r.body);
const teamsCard = (r: Received) => (r.body.attachments as { contentType: string; content: Record<string, unknown> }[])[0]!;

async function connect(w: World, p = paths()) {
  await w.admin.api.chatIntegration.save({ workspaceSlug: w.slug, platform: "SLACK", url: `${base}${p.slack}` });
  await w.admin.api.chatIntegration.save({ workspaceSlug: w.slug, platform: "TEAMS", url: `${base}${p.teams}` });
  return p;
}

const deliver = (w: World) => deliverChatOutbox(forWorkspace(appDb(), w.workspace.id));
const messages = (w: World, kind?: string) =>
  db().chatMessage.findMany({ where: { workspaceId: w.workspace.id, ...(kind ? { kind } : {}) }, orderBy: { createdAt: "asc" } });

describe("saving an incoming webhook", () => {
  it("checks the host, keeps the address sealed, shows only a hint, and records the change without it", async () => {
    const w = await buildWorld();
    (env as { WEBHOOKS_ALLOW_PRIVATE: boolean }).WEBHOOKS_ALLOW_PRIVATE = false;
    try {
      await expectTrpcError(
        w.admin.api.chatIntegration.save({ workspaceSlug: w.slug, platform: "SLACK", url: "https://example.com/services/x" }),
        "BAD_REQUEST",
        /not a Slack incoming webhook.*hooks\.slack\.com\/services/,
      );
      await expectTrpcError(
        w.admin.api.chatIntegration.save({ workspaceSlug: w.slug, platform: "TEAMS", url: "https://hooks.slack.com/services/T/B/x" }),
        "BAD_REQUEST",
        /not a Microsoft Teams workflow address/,
      );
      await expectTrpcError(
        w.admin.api.chatIntegration.save({ workspaceSlug: w.slug, platform: "SLACK", url: "http://hooks.slack.com/services/T/B/x" }),
        "BAD_REQUEST",
        /must start with https/,
      );
      expect(await db().chatIntegration.count({ where: { workspaceId: w.workspace.id } })).toBe(0);

      const slack = "https://hooks.slack.com/services/T0001/B0002/abcdefghijklmnopqrstWXYZ";
      const teams = "https://prod-12.westeurope.logic.azure.com:443/workflows/0123abcd/triggers/manual/paths/invoke?sig=secretSIG9";
      await w.admin.api.chatIntegration.save({ workspaceSlug: w.slug, platform: "SLACK", url: slack });
      await w.admin.api.chatIntegration.save({ workspaceSlug: w.slug, platform: "TEAMS", url: teams });

      const list = await w.admin.api.chatIntegration.list({ workspaceSlug: w.slug });
      expect(list.map((i) => [i.platform, i.configured, i.urlHint])).toEqual([
        ["SLACK", true, "hooks.slack.com/…WXYZ"],
        ["TEAMS", true, "prod-12.westeurope.logic.azure.com/…SIG9"],
      ]);
      expect(JSON.stringify(list)).not.toContain("abcdefghijklmnopqrst");
      expect(JSON.stringify(list)).not.toContain("secretSIG");

      const rows = await db().chatIntegration.findMany({ where: { workspaceId: w.workspace.id } });
      for (const row of rows) expect(row.urlEnc).not.toMatch(/hooks\.slack|logic\.azure|secretSIG|abcdefghij/);

      const events = await db().auditEvent.findMany({ where: { workspaceId: w.workspace.id, action: "chat.updated" } });
      expect(events.map((e) => e.target).sort()).toEqual(["Microsoft Teams", "Slack"]);
      expect(JSON.stringify(events)).not.toContain("abcdefghijklmnopqrst");

      await w.admin.api.chatIntegration.remove({ workspaceSlug: w.slug, platform: "TEAMS" });
      expect((await w.admin.api.chatIntegration.list({ workspaceSlug: w.slug }))[1]!.configured).toBe(false);
      expect(await db().auditEvent.count({ where: { workspaceId: w.workspace.id, action: "chat.removed" } })).toBe(1);
    } finally {
      (env as { WEBHOOKS_ALLOW_PRIVATE: boolean }).WEBHOOKS_ALLOW_PRIVATE = true;
    }
  });

  it("is for admins only", async () => {
    const w = await buildWorld();
    for (const who of [w.manager, w.executive, w.contactA]) {
      await expectTrpcError(who.api.chatIntegration.list({ workspaceSlug: w.slug }), "FORBIDDEN");
      await expectTrpcError(
        who.api.chatIntegration.save({ workspaceSlug: w.slug, platform: "SLACK", url: `${base}/slack/x` }),
        "FORBIDDEN",
      );
    }
  });
});

describe("the test button", () => {
  it("posts at once in each platform's format, and says what happened in words", async () => {
    const w = await buildWorld();
    const p = await connect(w);

    const slack = await w.admin.api.chatIntegration.test({ workspaceSlug: w.slug, platform: "SLACK" });
    expect(slack).toMatchObject({ ok: true, status: 200, error: null });
    expect(slack.message).toMatch(/^Sent: Slack accepted the test message \(HTTP 200\)/);
    const [post] = at(p.slack);
    expect((post!.body.blocks as { type: string }[]).map((b) => b.type)).toEqual(["header", "section", "context", "actions"]);
    expect(post!.body.text).toContain(w.workspace.name);

    const teams = await w.admin.api.chatIntegration.test({ workspaceSlug: w.slug, platform: "TEAMS" });
    expect(teams.ok).toBe(true);
    expect(at(p.teams)[0]!.body.type).toBe("message");
    expect(teamsCard(at(p.teams)[0]!).contentType).toBe("application/vnd.microsoft.card.adaptive");

    // Slack refusing the address (a removed app) comes back in words, and shows on the page.
    answers.set(p.slack, [{ status: 404, body: "no_service" }]);
    const refused = await w.admin.api.chatIntegration.test({ workspaceSlug: w.slug, platform: "SLACK" });
    expect(refused).toMatchObject({ ok: false, status: 404, message: "Not sent: Slack answered 404: no_service" });
    const list = await w.admin.api.chatIntegration.list({ workspaceSlug: w.slug });
    expect(list[0]).toMatchObject({ lastError: "Slack answered 404: no_service" });
    expect(list[0]!.lastSentAt).not.toBeNull();

    // Nobody listening at all.
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/teams/dead`;
    await new Promise((resolve) => closed.close(resolve));
    await w.admin.api.chatIntegration.save({ workspaceSlug: w.slug, platform: "TEAMS", url: deadUrl });
    const nobody = await w.admin.api.chatIntegration.test({ workspaceSlug: w.slug, platform: "TEAMS" });
    expect(nobody.ok).toBe(false);
    expect(nobody.message).toMatch(/^Not sent: .*ECONNREFUSED/);
  });

  it("asks for an address first when none is saved", async () => {
    const w = await buildWorld();
    await expectTrpcError(
      w.admin.api.chatIntegration.test({ workspaceSlug: w.slug, platform: "SLACK" }),
      "BAD_REQUEST",
      /Save a Slack webhook address first/,
    );
  });
});

describe("events in the channel", () => {
  it("a cycle opening: partnerships and people asked, posted once; its response rate when it closes", async () => {
    const w = await buildWorld();
    // Nothing is written for a workspace without an integration.
    await w.admin.api.cycle.close({ workspaceSlug: w.slug, cycleId: w.cycle.id });
    expect(await messages(w)).toHaveLength(0);

    const p = await connect(w);
    const draft = await createCycle(db(), w.workspace.id, { status: "DRAFT", label: `Chat ${randomBytes(2).toString("hex")}` });
    await w.admin.api.cycle.open({ workspaceSlug: w.slug, cycleId: draft.id });
    const asked = await db().cycleParticipant.findMany({ where: { cycleId: draft.id, excluded: false } });
    expect(await deliver(w)).toEqual({ sent: 2, failed: 0 });

    const slack = at(p.slack);
    expect(slack).toHaveLength(1);
    expect(slackText(slack[0]!)).toContain(`${draft.label} survey is open`);
    expect(slackText(slack[0]!)).toContain(`${asked.length} (`);
    const partnerships = new Set(asked.map((a) => a.partnershipId)).size;
    expect(slackText(slack[0]!)).toContain(`*Partnerships*\\n${partnerships}`);
    const card = teamsCard(at(p.teams)[0]!).content;
    expect(JSON.stringify(card.body)).toContain(`${draft.label} survey is open`);
    expect(card.actions).toEqual([
      { type: "Action.OpenUrl", title: "Open the cycle", url: expect.stringMatching(new RegExp(`/w/${w.slug}/cycles/${draft.id}$`)) },
    ]);

    // One person of A's partner side answers; then the close posts the final rate.
    await createResponses(db(), w.workspace.id, [
      { cycleId: draft.id, partnershipId: w.partnershipA.id, memberId: w.contactA.member.id, side: "PARTNER", answers: 4 },
    ]);
    await w.admin.api.cycle.close({ workspaceSlug: w.slug, cycleId: draft.id });
    await deliver(w);
    const closed = at(p.slack)[1]!;
    expect(slackText(closed)).toContain(`${draft.label} closed:`);
    expect(slackText(closed)).toContain(`1 of ${asked.length}`);
    // B's partner side never answered; both partnerships are below the threshold of 3.
    expect(slackText(closed)).toContain("No answer from the partner side");
    expect(slackText(closed)).toContain(w.partnershipB.name);
    expect(slackText(closed)).toContain("had fewer than 3 responses");
    expect(await messages(w, "CYCLE_OPENED")).toHaveLength(2);

    // Reopened and closed again: no second opening post.
    await w.admin.api.cycle.open({ workspaceSlug: w.slug, cycleId: draft.id });
    expect(await messages(w, "CYCLE_OPENED")).toHaveLength(2);
  });

  it("an opening undone before it was posted is withdrawn, and opening again posts anew", async () => {
    const w = await buildWorld();
    await w.admin.api.cycle.close({ workspaceSlug: w.slug, cycleId: w.cycle.id });
    const p = await connect(w);
    const draft = await createCycle(db(), w.workspace.id, { status: "DRAFT", label: `Undo ${randomBytes(2).toString("hex")}` });
    await w.admin.api.cycle.open({ workspaceSlug: w.slug, cycleId: draft.id });
    expect(await messages(w, "CYCLE_OPENED")).toHaveLength(2);
    await w.admin.api.cycle.undoOpen({ workspaceSlug: w.slug, cycleId: draft.id });
    expect(await messages(w, "CYCLE_OPENED")).toHaveLength(0);
    await w.admin.api.cycle.open({ workspaceSlug: w.slug, cycleId: draft.id });
    await deliver(w);
    expect(at(p.slack).filter((r) => slackText(r).includes(`${draft.label} survey is open`))).toHaveLength(1);
  });

  it("the response rate two days before the close, once however often the reminders run", async () => {
    const w = await buildWorld();
    const p = await connect(w);
    const run = (at: Date) => runSurveyReminders(forWorkspace(appDb(), w.workspace.id), at);
    const closesAt = w.cycle.closesAt.getTime();
    await run(new Date(closesAt - 3 * 86_400_000));
    expect(await messages(w, "RESPONSE_RATES")).toHaveLength(0);
    await run(new Date(closesAt - 2 * 86_400_000 + 60_000));
    await run(new Date(closesAt - 2 * 86_400_000 + 120_000));
    expect(await messages(w, "RESPONSE_RATES")).toHaveLength(2);
    await deliver(w);
    expect(at(p.slack)).toHaveLength(1);
    expect(slackText(at(p.slack)[0]!)).toMatch(/answered, closes/);
    expect(slackText(at(p.slack)[0]!)).toContain("No answer from the partner side yet");
  });

  it("alerts, once, when the cycle they are about closes, with the combined health and its band", async () => {
    const w = await buildWorld();
    const previous = await closedQuarter(w.workspace.id, "2020-Q4");
    const secondA = await addMember(db(), w.workspace.id, { role: "PARTNER", partnerOrgId: w.orgA.id });
    const people = { HOST: [w.manager.member.id, w.executive.member.id], PARTNER: [w.contactA.member.id, secondA.member.id] };
    for (const [cycle, answers] of [
      [previous, 4],
      [w.cycle, 2],
    ] as const) {
      await createResponses(
        db(),
        w.workspace.id,
        (["HOST", "PARTNER"] as const).flatMap((side) =>
          people[side].map((memberId) => ({ cycleId: cycle.id, partnershipId: w.partnershipA.id, memberId, side, answers })),
        ),
      );
    }
    const p = await connect(w);
    const close = async () => {
      await w.admin.api.cycle.close({ workspaceSlug: w.slug, cycleId: w.cycle.id });
      await evaluateAllDueAlerts(forWorkspace(appDb(), w.workspace.id));
    };
    await close();
    await deliver(w);
    const alerts = at(p.slack).filter((r) => slackText(r).includes("after " + w.cycle.label));
    expect(alerts).toHaveLength(1);
    const text = slackText(alerts[0]!);
    expect(text).toContain(`${w.partnershipA.name} (${w.orgA.name}): health 25, at risk`);
    expect(text).toContain("Health fell from 75 in 2020-Q4 to 25");
    expect(text).toMatch(new RegExp(`/w/${w.slug}/partnerships/${w.partnershipA.id}`));
    expect(JSON.stringify(teamsCard(at(p.teams).find((r) => JSON.stringify(r.body).includes("Health fell"))!).content)).toContain(
      "Health fell from 75 in 2020-Q4 to 25",
    );

    // Reopened and closed again: nothing new to anyone, nothing posted again.
    await w.admin.api.cycle.open({ workspaceSlug: w.slug, cycleId: w.cycle.id });
    await db().cycle.update({
      where: { workspaceId_id: { workspaceId: w.workspace.id, id: w.cycle.id } },
      data: { closesAt: new Date(Date.now() + 86_400_000) },
    });
    await close();
    expect(await messages(w, "ALERTS")).toHaveLength(2);
  });

  it("overdue actions: one digest a day, not two, and again the next day", async () => {
    const w = await buildWorld();
    const p = await connect(w);
    await w.manager.api.action.create({
      workspaceSlug: w.slug,
      partnershipId: w.partnershipA.id,
      title: "Send the <joint> plan & pricing",
      ownerMemberId: w.contactA.member.id,
      dueDate: "2031-03-10",
    });
    await w.manager.api.action.create({
      workspaceSlug: w.slug,
      partnershipId: w.partnershipB.id,
      title: "Not yet due",
      ownerMemberId: w.contactB.member.id,
      dueDate: "2031-04-10",
    });
    const run = (iso: string) => runActionReminders(forWorkspace(appDb(), w.workspace.id), new Date(iso));
    await run("2031-03-10T09:00:00Z");
    expect(await messages(w, "OVERDUE_ACTIONS")).toHaveLength(0);
    await run("2031-03-11T00:01:00Z");
    await run("2031-03-11T09:00:00Z");
    await run("2031-03-11T23:59:00Z");
    expect(await messages(w, "OVERDUE_ACTIONS")).toHaveLength(2);
    await deliver(w);
    const digests = at(p.slack);
    expect(digests).toHaveLength(1);
    const text = slackText(digests[0]!);
    expect(text).toContain("1 overdue action");
    expect(text).toContain("Send the &lt;joint&gt; plan &amp; pricing");
    expect(text).toContain(w.contactA.user.name);
    expect(text).toContain("1 day late");
    expect(text).not.toContain("Not yet due");

    await run("2031-03-12T00:01:00Z");
    await deliver(w);
    expect(at(p.slack)).toHaveLength(2);
    expect(slackText(at(p.slack)[1]!)).toContain("2 days late");
  });

  it("a retro's summary when it closes, without the names of who took part", async () => {
    const w = await buildWorld();
    const p = await connect(w);
    const api = w.manager.api;
    const slug = w.slug;
    const { retroId } = await api.retro.open({ workspaceSlug: slug, partnershipId: w.partnershipA.id, groundRules: "Be kind." });
    const version = async () => (await api.retro.get({ workspaceSlug: slug, retroId })).retro.version;
    const advance = async () => api.retro.advance({ workspaceSlug: slug, retroId, version: await version() });
    const well = await api.retro.addItem({ workspaceSlug: slug, retroId, list: "GOING_WELL", text: "Joint pipeline reviews" });
    await w.contactA.api.retro.addItem({ workspaceSlug: slug, retroId, list: "STOP_DOING", text: "Late price lists" });
    await advance(); // voting
    await api.retro.vote({ workspaceSlug: slug, itemId: well.id });
    await advance(); // proposing
    const start = await api.retro.addItem({ workspaceSlug: slug, retroId, list: "START_DOING", text: "Monthly joint forecast" });
    await advance(); // start voting
    await api.retro.vote({ workspaceSlug: slug, itemId: start.id });
    await advance(); // assigning
    const [action] = await db().action.findMany({ where: { retroId } });
    await w.contactA.api.retro.volunteer({ workspaceSlug: slug, actionId: action!.id, dueDate: "2031-01-15" });
    expect((await advance()).phase).toBe("CLOSED");

    expect(await messages(w, "RETRO_SUMMARY")).toHaveLength(2);
    await deliver(w);
    const text = slackText(at(p.slack).at(-1)!);
    expect(text).toContain(`Retro closed: ${w.partnershipA.name}`);
    expect(text).toContain("Joint pipeline reviews (1 vote)");
    expect(text).toContain(`Monthly joint forecast: ${w.contactA.user.name} (${w.orgA.name}), by 2031-01-15`);
    expect(text).toContain("2 people took part");
    const card = JSON.stringify(teamsCard(at(p.teams).at(-1)!).content);
    expect(card).toContain("Joint pipeline reviews (1 vote)");
    expect(card).toMatch(new RegExp(`/w/${slug}/partnerships/${w.partnershipA.id}/retro/${retroId}`));
  });

  it("nothing of one workspace reaches another's channel", async () => {
    const a = await buildWorld();
    const b = await buildWorld();
    const pa = await connect(a);
    const pb = await connect(b);
    await a.manager.api.action.create({
      workspaceSlug: a.slug,
      partnershipId: a.partnershipA.id,
      title: "A's secret plan",
      ownerMemberId: a.contactA.member.id,
      dueDate: "2031-03-10",
    });
    await runActionReminders(forWorkspace(appDb(), a.workspace.id), new Date("2031-03-12T09:00:00Z"));
    await runActionReminders(forWorkspace(appDb(), b.workspace.id), new Date("2031-03-12T09:00:00Z"));
    await a.admin.api.cycle.close({ workspaceSlug: a.slug, cycleId: a.cycle.id });
    await deliver(a);
    await deliver(b);
    expect(at(pa.slack).length).toBeGreaterThan(0);
    expect(at(pb.slack)).toHaveLength(0);
    expect(at(pb.teams)).toHaveLength(0);
    const aPosts = JSON.stringify([...at(pa.slack), ...at(pa.teams)]);
    for (const name of [b.workspace.name, b.partnershipA.name, b.partnershipB.name, b.orgA.name, b.slug])
      expect(aPosts).not.toContain(name);

    // B's admins see B's integrations only, and cannot test or remove A's.
    const bList = await b.admin.api.chatIntegration.list({ workspaceSlug: b.slug });
    expect(JSON.stringify(bList)).not.toContain(pa.slack.slice(-8));
    await expectTrpcError(callerFor(b.admin.user.id).chatIntegration.list({ workspaceSlug: a.slug }), "NOT_FOUND");
  });
});

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("delivery through the job queue", { timeout: 120_000 }, () => {
  it("retries a failing receiver with backoff until it takes the message, and gives up after the last try", async () => {
    const own = await ownDatabase();
    const { workspace } = await createWorkspaceWithOwner(own.fixtures);
    const p = paths();
    const jobs = await startTestJobs(own, { chat: { retryLimit: 2, retryDelaySeconds: 1 } });
    // On PostgreSQL this database is the test's own, which the tRPC caller does not reach: saved as the
    // service saves it.
    await own.fixtures.chatIntegration.create({
      data: {
        workspaceId: workspace.id,
        platform: "SLACK",
        urlEnc: sealChatUrl(workspace.id, "SLACK", `${base}${p.slack}`),
        urlHint: "loopback",
      },
    });

    // Two failures, then the receiver takes it: three tries, one message.
    answers.set(p.slack, [
      { status: 500, body: "oops" },
      { status: 429, body: "rate_limited" },
    ]);
    const scoped = forWorkspace(own.db, workspace.id);
    const post = (key: string) =>
      postChat(scoped, {
        kind: "TEST",
        dedupeKey: key,
        message: testMessage({ slug: workspace.slug, workspaceName: workspace.name, platform: "Slack" }),
      });
    await post("first");
    await jobs.tick();
    const sent = await until("the message to be posted", () =>
      own.fixtures.chatMessage.findFirst({ where: { workspaceId: workspace.id, dedupeKey: "first", sentAt: { not: null } } }),
    );
    expect(sent.attempts).toBe(3);
    expect(at(p.slack)).toHaveLength(3);
    const integration = await own.fixtures.chatIntegration.findFirstOrThrow({ where: { workspaceId: workspace.id } });
    expect(integration.lastError).toBeNull();
    expect(integration.lastSentAt).not.toBeNull();

    // Always refused: given up on after the last try, and shown as failed.
    answers.set(
      p.slack,
      Array.from({ length: 5 }, () => ({ status: 410, body: "channel_is_archived" })),
    );
    await post("second");
    const failed = await until("the message to be given up on", () =>
      own.fixtures.chatMessage.findFirst({ where: { workspaceId: workspace.id, dedupeKey: "second", failedAt: { not: null } } }),
    );
    expect(failed.attempts).toBe(3);
    expect(failed.lastError).toBe("Slack answered 410: channel_is_archived");
    const list = await listChatIntegrations({ db: scoped });
    expect(list[0]).toMatchObject({ failed: 1, pending: 0, lastError: "Slack answered 410: channel_is_archived" });
  });
});
