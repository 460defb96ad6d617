// People change; access follows. A manager made a partner contact of organisation A, a contact
// moved from B to A, a member removed, a manager made an executive: after each change and a job
// run, nothing about the partnerships they may no longer hear of reaches them (notifications,
// emails, pickers, lists, counts), and what they held moved on as decided (server/services/
// member-change/). Emails queued before a change are dropped, with the reason, and never sent,
// even by a delivery with a real SMTP server; reads and sends re-check access even when the
// clean-up is bypassed.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { describe, expect, it, onTestFinished } from "vitest";
import { addMember, createPartnerOrg, createPartnership } from "../../prisma/factories";
import { forWorkspace } from "../../server/db/tenant";
import { runJobs } from "../../server/jobs/run";
import { deliverOutbox, REMOVED_REASON } from "../../server/services/email/deliver";
import { createMailTransport } from "../../server/services/email/transport";
import { syncCurrentCycles } from "../../server/services/participants";
import { buildWorld, callerFor, db, expectTrpcError, fullAnswers, appDb, keyOf } from "./helpers";

const DAY_MS = 24 * 60 * 60 * 1000;
const ymd = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

// The world of helpers.ts (manager owns A and B) plus Max, an alliance manager on B's host team
// who owns partnership C of a third organisation.
async function world() {
  const w = await buildWorld();
  const d = db();
  const ws = w.workspace.id;
  const mover = await addMember(d, ws, { role: "MANAGER", user: { name: "Max Mover" } });
  const orgC = await createPartnerOrg(d, ws);
  const partnershipC = await createPartnership(d, ws, { partnerOrgId: orgC.id, ownerMemberId: mover.member.id });
  await d.partnershipTeamMember.create({ data: { workspaceId: ws, partnershipId: w.partnershipB.id, memberId: mover.member.id } });
  await syncCurrentCycles(forWorkspace(d, ws));
  return { ...w, mover: { ...mover, api: callerFor(mover.user.id) }, orgC, partnershipC };
}
type World = Awaited<ReturnType<typeof world>>;
type Person = World["mover"];

const jobs = (w: World, now: Date) => runJobs(appDb(), now, [w.workspace.id]);
// Late enough in the open cycle for its closing-soon reminder, and after every action's date.
const later = () => new Date(Date.now() + 12.5 * DAY_MS);

// An overdue action and a goal behind schedule in B, both theirs.
async function workInB(w: World, holder: Person, side: "HOST" | "PARTNER") {
  const slug = w.slug;
  const action = await w.manager.api.action.create({
    workspaceSlug: slug,
    partnershipId: w.partnershipB.id,
    title: "Send the joint forecast",
    ownerMemberId: holder.member.id,
    dueDate: ymd(5),
  });
  // Agreed earlier, now late: a new action is refused a date in the past, so its date moves here.
  await db().action.updateMany({ where: { id: action.id }, data: { dueDate: new Date(`${ymd(-5)}T00:00:00Z`) } });
  const goal = await w.manager.api.goal.create({
    workspaceSlug: slug,
    partnershipId: w.partnershipB.id,
    title: "Ten joint deals",
    measure: "Deals closed together",
    unit: "deals",
    targetValue: 10,
    startDate: ymd(-60),
    dueDate: ymd(30),
    ...(side === "HOST" ? { hostOwnerId: holder.member.id } : { partnerOwnerId: holder.member.id }),
  });
  return { actionId: action.id, goalId: goal.id };
}

// B's retro, run by its owner up to the step where its actions get owners.
async function retroOnB(w: World, before?: (retroId: string) => Promise<void>) {
  const api = w.manager.api;
  const slug = w.slug;
  const { retroId } = await api.retro.open({ workspaceSlug: slug, partnershipId: w.partnershipB.id, groundRules: "Be kind." });
  const step = async () => {
    const { retro } = await api.retro.get({ workspaceSlug: slug, retroId });
    await api.retro.advance({ workspaceSlug: slug, retroId, version: retro.version });
  };
  await before?.(retroId);
  await step(); // voting
  await step(); // proposing
  const item = await api.retro.addItem({ workspaceSlug: slug, retroId, list: "START_DOING", text: "Monthly joint forecast" });
  await step(); // voting on Start doing
  await api.retro.vote({ workspaceSlug: slug, itemId: item.id });
  await step(); // assigning
  const action = await db().action.findFirstOrThrow({ where: { retroId } });
  return { retroId, actionId: action.id, step };
}

// Everything a person has been told (notifications) or is yet to be sent (emails neither sent
// yet nor dropped), and every email they were sent.
async function reaching(w: World, person: Person) {
  const d = db();
  const ws = w.workspace.id;
  const emails = await d.outboxEmail.findMany({
    where: { workspaceId: ws, OR: [{ recipientMemberId: person.member.id }, { to: person.user.email }] },
    include: { about: true },
  });
  const notifications = await d.notification.findMany({ where: { workspaceId: ws, memberId: person.member.id } });
  return { emails, live: emails.filter((e) => e.droppedAt === null), notifications };
}

const names = (text: string, partnerships: { name: string }[]) => partnerships.some((p) => text.includes(p.name));

// Nothing about these partnerships reaches the person: no notification, no email sent or waiting,
// not in the partnership's people pickers, nowhere in their own lists and counts.
// `stale: true` leaves out the rows themselves (a change made behind the clean-up's back leaves
// them; reads must not show them, and delivery must drop the emails); `readsAll` for an
// executive, who still reads every partnership's goals.
async function expectNothingAbout(
  w: World,
  person: Person,
  gone: { id: string; name: string }[],
  opts: { retroId?: string; member?: boolean; stale?: boolean; readsAll?: boolean } = {},
) {
  const ids = gone.map((p) => p.id);
  if (!opts.stale) {
    const { live, notifications } = await reaching(w, person);
    expect(notifications.filter((n) => (n.partnershipId && ids.includes(n.partnershipId)) || names(n.title + n.body, gone))).toEqual([]);
    expect(live.filter((e) => e.about.some((a) => ids.includes(a.partnershipId)) || names(e.subject + e.text, gone))).toEqual([]);
  }

  // B's pickers, as B's owner sees them.
  const slug = w.slug;
  const b = w.partnershipB.id;
  const pickers = [
    ...(await w.manager.api.action.list({ workspaceSlug: slug, partnershipId: b })).people,
    ...(await w.manager.api.goal.list({ workspaceSlug: slug, partnershipId: b })).people,
    ...(opts.retroId ? (await w.manager.api.retro.get({ workspaceSlug: slug, retroId: opts.retroId })).people : []),
  ];
  expect(pickers.length).toBeGreaterThan(0);
  expect(pickers.map((p) => p.memberId)).not.toContain(person.member.id);

  if (opts.member === false) return;
  const api = person.api;
  const mine = await api.action.mine({ workspaceSlug: slug, filter: "all" });
  expect(mine.actions.filter((a) => ids.includes(a.partnershipId))).toEqual([]);
  const behind = await api.goal.behind({ workspaceSlug: slug });
  const goals = await api.goal.portfolio({ workspaceSlug: slug, show: "all", pageSize: 100 });
  if (!opts.readsAll) {
    expect(behind.goals.filter((g) => ids.includes(g.partnershipId))).toEqual([]);
    expect(goals.goals.filter((g) => ids.includes(g.partnershipId))).toEqual([]);
  }
  const list = await api.notification.list({ workspaceSlug: slug, limit: 100 });
  expect(list.items.filter((n) => (n.partnershipId && ids.includes(n.partnershipId)) || names(n.title + n.body, gone))).toEqual([]);
  expect(await api.notification.unreadCount({ workspaceSlug: slug })).toBe(list.items.filter((n) => n.readAt === null).length);
  const owed = await api.response.owed({ workspaceSlug: slug });
  expect(owed.filter((o) => ids.includes(o.partnershipId))).toEqual([]);
  return { mine, behind, list, owed };
}

// What a job run queued for them before the change, about B: the change must deal with it.
async function expectQueuedAbout(w: World, person: Person, partnership: { id: string; name: string }) {
  const { live, notifications } = await reaching(w, person);
  expect(live.filter((e) => e.about.some((a) => a.partnershipId === partnership.id)).length).toBeGreaterThan(0);
  expect(notifications.filter((n) => n.partnershipId === partnership.id && n.readAt === null).length).toBeGreaterThan(0);
}

async function actionHistory(actionId: string) {
  return db().actionEvent.findMany({ where: { actionId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
}

async function startSmtp() {
  const received: string[][] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      stream.on("data", () => undefined);
      stream.on("end", () => {
        received.push(session.envelope.rcptTo.map((a) => a.address));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.server.address() as AddressInfo;
  return { received, transport: createMailTransport({ host: "127.0.0.1", port, secure: false }) };
}

// The admins' notice and email that a partnership needs a new owner.
async function expectOwnerNeeded(w: World, partnership: { id: string; name: string }) {
  for (const admin of [w.owner.member, w.admin.member]) {
    const notices = await db().notification.findMany({
      where: { memberId: admin.id, kind: "OWNER_NEEDED", partnershipId: partnership.id },
    });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.title).toBe(`${partnership.name} needs an owner`);
    const emails = await db().outboxEmail.findMany({
      where: { recipientMemberId: admin.id, kind: "ALERT", about: { some: { partnershipId: partnership.id } } },
    });
    expect(emails).toHaveLength(1);
    expect(emails[0]!.text).toContain(partnership.name);
  }
}

describe("a manager made a partner contact of organisation A", () => {
  it("hears nothing more of B (or C), and what they held in B and C moved on", async () => {
    const w = await world();
    const max = w.mover;
    const slug = w.slug;
    const work = await workInB(w, max, "HOST");
    const retro = await retroOnB(w);
    await max.api.retro.volunteer({ workspaceSlug: slug, actionId: retro.actionId, dueDate: ymd(10) });
    await jobs(w, new Date());
    await expectQueuedAbout(w, max, w.partnershipB);

    const change = { workspaceSlug: slug, memberId: max.member.id, role: "PARTNER" as const, partnerOrgId: w.orgA.id };
    const preview = await w.admin.api.member.preview({ ...change, change: "role" });
    expect(preview.lines.join("\n")).toMatch(/Owns 1 partnership .*ownership will be cleared/);
    expect(preview.lines.join("\n")).toMatch(/2 open actions go to their partnerships' owners/);
    const effects = await w.admin.api.member.changeRole(change);
    expect(effects).toEqual(preview);
    expect(effects).toMatchObject({
      ownershipCleared: 1,
      teamsLeft: 1,
      actionsHandedOver: 2,
      actionsUnowned: 0,
      goalsCleared: 1,
      attendanceRemoved: 1,
    });

    // Ownership of C cleared; the admins asked, in the app and by email, to choose an owner.
    expect((await db().partnership.findFirstOrThrow({ where: { id: w.partnershipC.id } })).ownerMemberId).toBeNull();
    await expectOwnerNeeded(w, w.partnershipC);
    // Off B's host team; B's open actions with B's owner, the change in their history by the admin.
    expect(await db().partnershipTeamMember.count({ where: { memberId: max.member.id } })).toBe(0);
    for (const actionId of [work.actionId, retro.actionId]) {
      const action = await db().action.findFirstOrThrow({ where: { id: actionId } });
      expect(action.ownerMemberId).toBe(w.manager.member.id);
      const last = (await actionHistory(actionId)).at(-1)!;
      expect(last.memberId).toBe(w.admin.member.id);
      expect(last.changes).toEqual({ owner: [max.member.id, w.manager.member.id] });
      const told = await db().notification.findMany({
        where: { memberId: w.manager.member.id, kind: "ACTION_HANDED_OVER", link: { endsWith: actionId } },
      });
      expect(told).toHaveLength(1);
    }
    const detail = await w.manager.api.action.get({ workspaceSlug: slug, actionId: work.actionId });
    expect(detail.history.at(-1)).toMatchObject({ by: w.admin.user.name, changes: [{ field: "owner", before: "Max Mover" }] });
    // No longer the goal's host owner; no longer listed in B's open retro (they only volunteered).
    expect((await db().goal.findFirstOrThrow({ where: { id: work.goalId } })).hostOwnerId).toBeNull();
    expect(await db().retroAttendee.count({ where: { retroId: retro.retroId, memberId: max.member.id } })).toBe(0);
    // Asked about A, from its partner side, and no longer about B or C.
    const places = await db().cycleParticipant.findMany({ where: { memberId: max.member.id, cycle: { status: "OPEN" } } });
    expect(places.map((p) => [p.partnershipId, p.side])).toEqual(places.map(() => [w.partnershipA.id, "PARTNER"]));
    expect(places.length).toBeGreaterThan(0);
    // Their queued emails about B and C dropped, with the reason; their notices about them gone.
    const { emails } = await reaching(w, max);
    const dropped = emails.filter((e) => e.droppedAt);
    expect(dropped.length).toBe(effects.emailsDropped);
    expect(dropped.length).toBeGreaterThanOrEqual(2);
    for (const e of dropped) expect(e.dropReason).toMatch(/may no longer hear about/);

    await jobs(w, later());
    const seen = await expectNothingAbout(w, max, [w.partnershipB, w.partnershipC], { retroId: retro.retroId });
    expect(seen!.owed.map((o) => o.partnershipId)).toContain(w.partnershipA.id);
    expect(seen!.mine.counts).toMatchObject({ open: 0, overdue: 0, dueThisWeek: 0 });
    await expectTrpcError(max.api.partnership.scorecard({ workspaceSlug: slug, partnershipId: w.partnershipB.id }), "NOT_FOUND");

    // The outbox shows the dropped emails as such, and a delivery with a real SMTP server sends
    // none of them (it sends the rest).
    const outbox = await w.admin.api.outbox.list({ workspaceSlug: slug });
    const shown = outbox.emails.filter((e) => dropped.some((d) => d.id === e.id));
    expect(shown.length).toBe(dropped.length);
    for (const e of shown)
      expect(e).toMatchObject({ status: "DROPPED", sentAt: null, dropReason: expect.stringMatching(/may no longer hear/) });
    const smtp = await startSmtp();
    const sent = await deliverOutbox(forWorkspace(appDb(), w.workspace.id), { transport: smtp.transport, limit: 500 });
    expect(sent).toMatchObject({ failed: 0, dropped: 0 });
    // What reaches Max now is about A only (its survey), never one of the dropped emails.
    const toMax = (await reaching(w, max)).emails.filter((e) => e.sentAt);
    expect(smtp.received.flat().filter((to) => to === max.user.email)).toHaveLength(toMax.length);
    for (const e of toMax) expect(e.about.map((a) => a.partnershipId)).toEqual([w.partnershipA.id]);
    for (const e of dropped) expect(await db().outboxEmail.findFirstOrThrow({ where: { id: e.id } })).toMatchObject({ sentAt: null });
  });
});

describe("a partner contact moved from organisation B to A", () => {
  it("hears nothing more of B; their answer to B's survey keeps counting, their other places move on", async () => {
    const w = await world();
    const carla = { ...w.contactB, member: w.contactB.member };
    const slug = w.slug;
    const work = await workInB(w, carla, "PARTNER");
    // Carla answered B's survey and wrote an item in B's retro before she moved.
    await carla.api.response.submit({
      workspaceSlug: slug,
      cycleId: w.cycle.id,
      partnershipId: w.partnershipB.id,
      answers: await fullAnswers(w.cycle.id, 4),
      comments: [],
    });
    const retro = await retroOnB(w, async (retroId) => {
      await carla.api.retro.addItem({ workspaceSlug: slug, retroId, list: "GOING_WELL", text: "Quick answers" });
    });
    await jobs(w, new Date());
    const queued = await reaching(w, carla);
    expect(queued.notifications.filter((n) => n.partnershipId === w.partnershipB.id).length).toBeGreaterThan(0);
    expect(queued.live.filter((e) => e.about.some((a) => a.partnershipId === w.partnershipB.id)).length).toBeGreaterThan(0);

    const effects = await w.admin.api.member.changeRole({
      workspaceSlug: slug,
      memberId: carla.member.id,
      role: "PARTNER",
      partnerOrgId: w.orgA.id,
    });
    expect(effects).toMatchObject({
      ownershipCleared: 0,
      actionsHandedOver: 1,
      goalsCleared: 1,
      participantsExcluded: 1,
      attendanceRemoved: 0,
    });

    expect((await db().action.findFirstOrThrow({ where: { id: work.actionId } })).ownerMemberId).toBe(w.manager.member.id);
    expect((await db().goal.findFirstOrThrow({ where: { id: work.goalId } })).partnerOwnerId).toBeNull();
    // Her answer stays and counts; she is off B's list and on A's.
    expect(await db().response.count({ where: { memberId: carla.member.id, partnershipId: w.partnershipB.id } })).toBe(1);
    const key = { workspaceId: w.workspace.id, cycleId: w.cycle.id, memberId: carla.member.id };
    expect(
      await db().cycleParticipant.findUnique({
        where: { workspaceId_cycleId_partnershipId_memberId: { ...key, partnershipId: w.partnershipB.id } },
      }),
    ).toMatchObject({ excluded: true });
    expect(
      await db().cycleParticipant.findUnique({
        where: { workspaceId_cycleId_partnershipId_memberId: { ...key, partnershipId: w.partnershipA.id } },
      }),
    ).toMatchObject({ excluded: false, side: "PARTNER" });
    // What she wrote in B's retro stays, and so does her place among who took part.
    expect(await db().retroAttendee.count({ where: { retroId: retro.retroId, memberId: carla.member.id } })).toBe(1);

    await jobs(w, later());
    const seen = await expectNothingAbout(w, carla, [w.partnershipB], { retroId: retro.retroId });
    expect([...new Set(seen!.owed.map((o) => o.partnershipId))]).toEqual([w.partnershipA.id]);
    await expectTrpcError(
      carla.api.response.form({ workspaceSlug: slug, cycleId: w.cycle.id, partnershipId: w.partnershipB.id }),
      "NOT_FOUND",
    );

    // B's retro closes: its summary goes to B's people and those who took part, not to Carla.
    await w.manager.api.action.update({
      workspaceSlug: slug,
      actionId: retro.actionId,
      version: 1,
      ownerMemberId: w.manager.member.id,
      dueDate: ymd(10),
    });
    await retro.step();
    const summaries = await db().outboxEmail.findMany({ where: { workspaceId: w.workspace.id, kind: "RETRO_SUMMARY" } });
    expect(summaries.map((e) => e.to)).toContain(w.manager.user.email);
    expect(summaries.map((e) => e.to)).not.toContain(carla.user.email);
  });
});

describe("a member removed", () => {
  it("is told and sent nothing more, and what they held moved on", async () => {
    const w = await world();
    const max = w.mover;
    const work = await workInB(w, max, "HOST");
    await jobs(w, new Date());
    await expectQueuedAbout(w, max, w.partnershipB);

    const effects = await w.admin.api.member.remove({ workspaceSlug: w.slug, memberId: max.member.id });
    expect(effects).toMatchObject({ ownershipCleared: 1, teamsLeft: 1, actionsHandedOver: 1, goalsCleared: 1 });
    expect(effects.participantsRemoved).toBeGreaterThan(0);

    await expectOwnerNeeded(w, w.partnershipC);
    expect((await db().action.findFirstOrThrow({ where: { id: work.actionId } })).ownerMemberId).toBe(w.manager.member.id);
    expect((await db().goal.findFirstOrThrow({ where: { id: work.goalId } })).hostOwnerId).toBeNull();
    expect(await db().cycleParticipant.count({ where: { memberId: max.member.id, cycle: { status: { in: ["OPEN", "DRAFT"] } } } })).toBe(0);
    const { emails, notifications } = await reaching(w, max);
    expect(notifications).toEqual([]);
    expect(emails.length).toBeGreaterThan(0);
    for (const e of emails) expect(e).toMatchObject({ sentAt: null, dropReason: REMOVED_REASON });

    await jobs(w, later());
    const after = await reaching(w, max);
    expect(after.notifications).toEqual([]);
    expect(after.live).toEqual([]);
    await expectNothingAbout(w, max, [w.partnershipB, w.partnershipC], { member: false });
    await expectTrpcError(max.api.notification.list({ workspaceSlug: w.slug }), "NOT_FOUND");
  });
});

describe("a manager made an executive", () => {
  it("still reads every partnership, but owns, answers and is reminded of nothing", async () => {
    const w = await world();
    const max = w.mover;
    const work = await workInB(w, max, "HOST");
    await jobs(w, new Date());
    await expectQueuedAbout(w, max, w.partnershipB);

    const effects = await w.admin.api.member.changeRole({ workspaceSlug: w.slug, memberId: max.member.id, role: "EXECUTIVE" });
    expect(effects).toMatchObject({ ownershipCleared: 1, teamsLeft: 1, actionsHandedOver: 1, goalsCleared: 1 });
    await expectOwnerNeeded(w, w.partnershipC);
    expect(await db().cycleParticipant.count({ where: { memberId: max.member.id, excluded: false, cycle: { status: "OPEN" } } })).toBe(0);
    // The action reminders and survey reminders queued for them are dropped; so is "action due".
    const before = await reaching(w, max);
    expect(before.live.filter((e) => ["ACTION_REMINDER", "REMINDER", "SURVEY_OPEN"].includes(e.kind))).toEqual([]);
    expect(before.notifications.filter((n) => n.kind === "ACTION_DUE")).toEqual([]);

    const changedAt = new Date();
    await jobs(w, later());
    const after = await reaching(w, max);
    expect(after.notifications.filter((n) => n.createdAt >= changedAt)).toEqual([]);
    expect(after.live.filter((e) => e.createdAt >= changedAt)).toEqual([]);
    const seen = await expectNothingAbout(w, max, [w.partnershipB, w.partnershipC], { readsAll: true });
    expect(seen!.owed).toEqual([]);
    expect(seen!.mine.actions).toEqual([]);
    // Still an executive's view of B: its actions, read-only.
    const b = await max.api.action.list({ workspaceSlug: w.slug, partnershipId: w.partnershipB.id });
    expect(b.actions.map((a) => a.id)).toContain(work.actionId);
    expect(b.viewer.canWrite).toBe(false);
  });

  it("and an admin made a manager keeps what a manager may hold, and loses what only an admin could", async () => {
    const w = await world();
    // The admin owns an action of A without working on A (admins act for anyone) and owns C.
    const ada = { ...w.admin };
    await db().partnership.update({ where: keyOf(w.partnershipC), data: { ownerMemberId: ada.member.id } });
    const { id: actionId } = await ada.api.action.create({
      workspaceSlug: w.slug,
      partnershipId: w.partnershipA.id,
      title: "Stand in",
      ownerMemberId: ada.member.id,
      dueDate: ymd(5),
    });
    const effects = await w.owner.api.member.changeRole({ workspaceSlug: w.slug, memberId: ada.member.id, role: "MANAGER" });
    expect(effects).toMatchObject({ ownershipCleared: 0, actionsHandedOver: 1 });
    expect((await db().partnership.findFirstOrThrow({ where: { id: w.partnershipC.id } })).ownerMemberId).toBe(ada.member.id);
    expect((await db().action.findFirstOrThrow({ where: { id: actionId } })).ownerMemberId).toBe(w.manager.member.id);
  });
});

describe("a stale row, left by a change the clean-up did not see", () => {
  it("never reaches the person: reads, reminders and delivery check current access", async () => {
    const w = await world();
    const max = w.mover;
    const work = await workInB(w, max, "HOST");
    await jobs(w, new Date());
    await expectQueuedAbout(w, max, w.partnershipB);
    const queued = (await reaching(w, max)).live;

    // Made a partner contact of A behind the app's back: every row about B stays.
    await db().member.update({ where: keyOf(max.member), data: { role: "PARTNER", partnerOrgId: w.orgA.id } });
    expect((await db().action.findFirstOrThrow({ where: { id: work.actionId } })).ownerMemberId).toBe(max.member.id);

    const lists = await expectNothingAbout(w, max, [w.partnershipB, w.partnershipC], { stale: true });
    expect(lists!.mine.actions).toEqual([]);
    await expectTrpcError(
      max.api.response.form({ workspaceSlug: w.slug, cycleId: w.cycle.id, partnershipId: w.partnershipB.id }),
      "NOT_FOUND",
    );

    // A job run queues nothing new about B or C for them, and delivery drops what was queued.
    const smtp = await startSmtp();
    await jobs(w, later());
    const result = await deliverOutbox(forWorkspace(appDb(), w.workspace.id), { transport: smtp.transport, limit: 500 });
    expect(result.dropped).toBeGreaterThanOrEqual(queued.length);
    expect(smtp.received.flat()).not.toContain(max.user.email);
    for (const e of queued) {
      const row = await db().outboxEmail.findFirstOrThrow({ where: { id: e.id } });
      expect(row.sentAt).toBeNull();
      expect(row.dropReason).toMatch(/may no longer hear about/);
    }
    const after = await reaching(w, max);
    expect(after.live.filter((e) => names(e.subject + e.text, [w.partnershipB, w.partnershipC]))).toEqual([]);
  });

  it("an executive with an old place on a survey list owes nothing and cannot answer", async () => {
    const w = await world();
    await db().member.update({ where: keyOf(w.mover.member), data: { role: "EXECUTIVE" } });
    expect(await db().cycleParticipant.count({ where: { memberId: w.mover.member.id, cycleId: w.cycle.id } })).toBeGreaterThan(0);
    expect(await w.mover.api.response.owed({ workspaceSlug: w.slug })).toEqual([]);
    await expectTrpcError(
      w.mover.api.response.submit({
        workspaceSlug: w.slug,
        cycleId: w.cycle.id,
        partnershipId: w.partnershipB.id,
        answers: await fullAnswers(w.cycle.id, 4),
        comments: [],
      }),
      "FORBIDDEN",
    );
  });
});
