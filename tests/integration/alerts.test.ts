// Alerts on the real database: closing a cycle (the admin's button or the schedule job) tells a
// partnership's owner about a health drop, a pillar entering the at-risk band or a perception gap
// appearing, in the app and by email, once per event; and each member's notifications are theirs.
import { forWorkspace } from "../../server/db/tenant";
import { describe, expect, it } from "vitest";
import { addMember, createResponses, cycleFramework, type ResponseSpec } from "../../prisma/factories";
import { evaluateAllDueAlerts, evaluateDueAlerts } from "../../server/services/alerts/due";
import { runSchedule } from "../../server/services/schedule";
import { buildWorld, closedQuarter, db, expectTrpcError, appDb, keyOf } from "./helpers";

type World = Awaited<ReturnType<typeof buildWorld>>;

// Answers per statement from a per-pillar value ("trust" -> 2), others `rest`.
async function answersBy(cycleId: string, byPillar: Record<string, number>, rest = 4) {
  const pillars = await cycleFramework(db(), cycleId);
  return Object.fromEntries(pillars.flatMap((p) => p.statements.map((s) => [s.key, byPillar[p.key] ?? rest])));
}

// A world whose open cycle (the current one) has a scored predecessor, 2020-Q4.
async function alertWorld() {
  const w = await buildWorld();
  const previous = await closedQuarter(w.workspace.id, "2020-Q4");
  const respond = (specs: Omit<ResponseSpec, "memberId">[], people: { host: string[]; partner: string[] }) =>
    createResponses(
      db(),
      w.workspace.id,
      specs.flatMap((s) => (s.side === "HOST" ? people.host : people.partner).map((memberId) => ({ ...s, memberId }))),
    );
  // Two people a side: four responses reach the threshold of 3 for the combined figures the
  // alerts read (one a side would be two people's answers, which nothing may show or alert on).
  const secondA = await addMember(db(), w.workspace.id, { role: "PARTNER", partnerOrgId: w.orgA.id });
  const secondB = await addMember(db(), w.workspace.id, { role: "PARTNER", partnerOrgId: w.orgB.id });
  const peopleA = { host: [w.manager.member.id, w.executive.member.id], partner: [w.contactA.member.id, secondA.member.id] };
  const peopleB = { host: [w.manager.member.id, w.executive.member.id], partner: [w.contactB.member.id, secondB.member.id] };
  // Closing marks the alerts due; the job queue's job evaluates them after the commit (the same
  // service function, called here directly).
  const close = async () => {
    await w.admin.api.cycle.close({ workspaceSlug: w.slug, cycleId: w.cycle.id });
    await evaluateAllDueAlerts(forWorkspace(appDb(), w.workspace.id));
  };
  const notifications = (memberId?: string) =>
    db().notification.findMany({
      where: { workspaceId: w.workspace.id, ...(memberId ? { memberId } : {}) },
      orderBy: { dedupeKey: "asc" },
    });
  const alertEmails = () =>
    db().outboxEmail.findMany({ where: { workspaceId: w.workspace.id, kind: "ALERT" }, orderBy: { createdAt: "asc" } });
  return { w, previous, respond, peopleA, peopleB, close, notifications, alertEmails };
}

// Sets the stored health of a partnership's cycle (the figure alerts read) to an exact value.
const setHealth = (w: World, partnershipId: string, cycleId: string, health: number) =>
  db().partnershipCycleScore.update({
    where: { workspaceId_partnershipId_cycleId: { workspaceId: w.workspace.id, partnershipId, cycleId } },
    data: { health },
  });

describe("alerts when a cycle closes", () => {
  it("a health drop of 10 points alerts the owner in the app and by email with the scorecard link; 9.9 does not", async () => {
    const { w, previous, respond, peopleA, peopleB, close, notifications, alertEmails } = await alertWorld();
    for (const cycle of [previous, w.cycle]) {
      await respond(
        [
          { cycleId: cycle.id, partnershipId: w.partnershipA.id, side: "HOST", answers: 4 },
          { cycleId: cycle.id, partnershipId: w.partnershipA.id, side: "PARTNER", answers: 4 },
        ],
        peopleA,
      );
      await respond(
        [
          { cycleId: cycle.id, partnershipId: w.partnershipB.id, side: "HOST", answers: 4 },
          { cycleId: cycle.id, partnershipId: w.partnershipB.id, side: "PARTNER", answers: 4 },
        ],
        peopleB,
      );
    }
    await setHealth(w, w.partnershipA.id, previous.id, 75);
    await setHealth(w, w.partnershipA.id, w.cycle.id, 65);
    await setHealth(w, w.partnershipB.id, previous.id, 75);
    await setHealth(w, w.partnershipB.id, w.cycle.id, 65.1);

    await close();

    const notes = await notifications();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      memberId: w.manager.member.id,
      kind: "HEALTH_DROP",
      partnershipId: w.partnershipA.id,
      cycleId: w.cycle.id,
      dedupeKey: `health-drop:${w.partnershipA.id}:${w.cycle.id}`,
      link: `/w/${w.slug}/partnerships/${w.partnershipA.id}`,
      readAt: null,
    });
    expect(notes[0]!.title).toBe(`${w.partnershipA.name}: health fell 10 points`);
    expect(notes[0]!.body).toBe(`Health fell from 75 in 2020-Q4 to 65 in ${w.cycle.label}.`);

    const emails = await alertEmails();
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ to: w.manager.user.email, subject: notes[0]!.title });
    expect(emails[0]!.link).toMatch(new RegExp(`^https?://[^/]+/w/${w.slug}/partnerships/${w.partnershipA.id}$`));
    expect(emails[0]!.text).toContain(emails[0]!.link!);
    expect(emails[0]!.text).toContain("Health fell from 75 in 2020-Q4 to 65");
  });

  it("a pillar entering the at-risk band alerts; one already at risk does not alert again", async () => {
    const { w, previous, respond, peopleA, close, notifications } = await alertWorld();
    // Before: trust 75 (healthy), commitment 25 (at risk). Now: trust 25, commitment 25.
    const before = await answersBy(previous.id, { commitment: 2 });
    const now = await answersBy(w.cycle.id, { trust: 2, commitment: 2 });
    await respond(
      [
        { cycleId: previous.id, partnershipId: w.partnershipA.id, side: "HOST", answers: before },
        { cycleId: previous.id, partnershipId: w.partnershipA.id, side: "PARTNER", answers: before },
        { cycleId: w.cycle.id, partnershipId: w.partnershipA.id, side: "HOST", answers: now },
        { cycleId: w.cycle.id, partnershipId: w.partnershipA.id, side: "PARTNER", answers: now },
      ],
      peopleA,
    );

    await close();

    const notes = await notifications(w.manager.member.id);
    expect(notes.map((n) => [n.kind, n.dedupeKey])).toEqual([
      // Health 62.5 -> 50: a drop of 12.5 too.
      ["HEALTH_DROP", `health-drop:${w.partnershipA.id}:${w.cycle.id}`],
      ["PILLAR_AT_RISK", `pillar-at-risk:${w.partnershipA.id}:${w.cycle.id}:trust`],
    ]);
    expect(notes[1]!.body).toBe(`Trust scored 25 in ${w.cycle.label}, in the at-risk band (below 60); it was 75 in 2020-Q4.`);
  });

  it("a perception gap appearing alerts only where both sides meet the confidentiality threshold", async () => {
    const { w, previous, respond, close, notifications } = await alertWorld();
    const hosts = await Promise.all([0, 1, 2].map(() => addMember(db(), w.workspace.id, { role: "MANAGER" })));
    const contactsA = await Promise.all([0, 1, 2].map(() => addMember(db(), w.workspace.id, { role: "PARTNER", partnerOrgId: w.orgA.id })));
    const contactsB = await Promise.all([0, 1].map(() => addMember(db(), w.workspace.id, { role: "PARTNER", partnerOrgId: w.orgB.id })));
    const host = hosts.map((h) => h.member.id);
    const even = await answersBy(previous.id, {});
    const hostView = await answersBy(w.cycle.id, { communication: 5 });
    const partnerView = await answersBy(w.cycle.id, { communication: 2 });
    for (const [partnership, partner] of [
      [w.partnershipA.id, contactsA.map((c) => c.member.id)],
      [w.partnershipB.id, contactsB.map((c) => c.member.id)],
    ] as const) {
      await respond(
        [
          { cycleId: previous.id, partnershipId: partnership, side: "HOST", answers: even },
          { cycleId: previous.id, partnershipId: partnership, side: "PARTNER", answers: even },
          { cycleId: w.cycle.id, partnershipId: partnership, side: "HOST", answers: hostView },
          { cycleId: w.cycle.id, partnershipId: partnership, side: "PARTNER", answers: partnerView },
        ],
        { host, partner: [...partner] },
      );
    }

    await close();

    // A: 3 and 3 responses, communication 100 vs 25. B: only 2 partner responses, so its sides
    // (and its gap) stay hidden, and so does any alert about them.
    const notes = await notifications();
    expect(notes.map((n) => n.dedupeKey)).toEqual([`gap:${w.partnershipA.id}:${w.cycle.id}:communication`]);
    expect(notes[0]).toMatchObject({ kind: "PERCEPTION_GAP", memberId: w.manager.member.id });
    expect(notes[0]!.body).toContain("your team rates Communication 100");
    expect(notes[0]!.body).toContain("rates it 25: a gap of 75 points");
  });

  it("closing, reopening and closing again (and a second job run) notifies and emails once", async () => {
    const { w, previous, respond, peopleA, close, notifications, alertEmails } = await alertWorld();
    await respond(
      [
        { cycleId: previous.id, partnershipId: w.partnershipA.id, side: "HOST", answers: 4 },
        { cycleId: previous.id, partnershipId: w.partnershipA.id, side: "PARTNER", answers: 4 },
        { cycleId: w.cycle.id, partnershipId: w.partnershipA.id, side: "HOST", answers: 2 },
        { cycleId: w.cycle.id, partnershipId: w.partnershipA.id, side: "PARTNER", answers: 2 },
      ],
      peopleA,
    );
    await close();
    const first = await notifications();
    const firstEmails = await alertEmails();
    // Health 75 -> 25, and each of the four pillars into the at-risk band: five events, one email.
    expect(first).toHaveLength(5);
    expect(firstEmails).toHaveLength(1);
    expect(firstEmails[0]!.subject).toBe(`${w.partnershipA.name}: 5 alerts after ${w.cycle.label}`);

    await w.admin.api.cycle.open({ workspaceSlug: w.slug, cycleId: w.cycle.id });
    await close();
    // The schedule job closes it too, once its date has passed: still nothing new.
    await w.admin.api.cycle.open({ workspaceSlug: w.slug, cycleId: w.cycle.id });
    await db().cycle.update({ where: keyOf(w.cycle), data: { closesAt: new Date(Date.now() - 60_000) } });
    const run = await runSchedule(forWorkspace(appDb(), w.workspace.id), new Date());
    expect(run.closed).toContain(`${w.slug}/${w.cycle.label}`);
    await evaluateAllDueAlerts(forWorkspace(appDb(), w.workspace.id));

    expect((await notifications()).map((n) => n.id)).toEqual(first.map((n) => n.id));
    expect(await alertEmails()).toHaveLength(1);
  });

  it("the schedule job's close alerts too; without an owner the admins hear; archived partnerships do not alert", async () => {
    const { w, previous, respond, peopleA, peopleB, notifications } = await alertWorld();
    await db().partnership.update({ where: keyOf(w.partnershipA), data: { ownerMemberId: null } });
    await w.manager.api.lifecycle.changePhase({ workspaceSlug: w.slug, partnershipId: w.partnershipB.id, phase: "EXITED", reason: "" });
    for (const [partnership, people] of [
      [w.partnershipA.id, peopleA],
      [w.partnershipB.id, peopleB],
    ] as const) {
      await respond(
        [
          { cycleId: previous.id, partnershipId: partnership, side: "HOST", answers: 4 },
          { cycleId: previous.id, partnershipId: partnership, side: "PARTNER", answers: 4 },
          { cycleId: w.cycle.id, partnershipId: partnership, side: "HOST", answers: 3 },
          { cycleId: w.cycle.id, partnershipId: partnership, side: "PARTNER", answers: 3 },
        ],
        people,
      );
    }
    await db().cycle.update({ where: keyOf(w.cycle), data: { closesAt: new Date(Date.now() - 60_000) } });
    await runSchedule(forWorkspace(appDb(), w.workspace.id), new Date());
    await evaluateAllDueAlerts(forWorkspace(appDb(), w.workspace.id));

    // Health 75 -> 50 and every pillar into the at-risk band, for A only, to the owner and the admin.
    const notes = await notifications();
    expect(new Set(notes.map((n) => n.partnershipId))).toEqual(new Set([w.partnershipA.id]));
    expect(new Set(notes.map((n) => n.memberId))).toEqual(new Set([w.owner.member.id, w.admin.member.id]));
    expect(notes).toHaveLength(10);
    const emails = await db().outboxEmail.findMany({ where: { workspaceId: w.workspace.id, kind: "ALERT" } });
    expect(emails.map((e) => e.to).sort()).toEqual([w.owner.user.email, w.admin.user.email].sort());
  });
});

describe("notifications", () => {
  async function notifiedWorld() {
    const w = await buildWorld();
    const note = (memberId: string, n: number) =>
      db().notification.create({
        data: {
          workspaceId: w.workspace.id,
          memberId,
          kind: "HEALTH_DROP",
          partnershipId: w.partnershipA.id,
          title: `Note ${n}`,
          body: "Body",
          link: `/w/${w.slug}/partnerships/${w.partnershipA.id}`,
          dedupeKey: `test:${n}`,
          createdAt: new Date(Date.UTC(2031, 0, n)),
        },
      });
    const mine = [await note(w.manager.member.id, 1), await note(w.manager.member.id, 2), await note(w.manager.member.id, 3)];
    const theirs = await note(w.admin.member.id, 4);
    return { w, mine, theirs };
  }

  it("lists a member's own notifications, newest first, a page at a time, with the unread count", async () => {
    const { w, mine } = await notifiedWorld();
    const args = { workspaceSlug: w.slug };
    const page1 = await w.manager.api.notification.list({ ...args, limit: 2 });
    expect(page1.items.map((n) => n.title)).toEqual(["Note 3", "Note 2"]);
    const page2 = await w.manager.api.notification.list({ ...args, limit: 2, cursor: page1.nextCursor! });
    expect(page2).toMatchObject({ items: [expect.objectContaining({ id: mine[0]!.id })], nextCursor: null });
    expect(await w.manager.api.notification.unreadCount(args)).toBe(3);
    expect((await w.admin.api.notification.list(args)).items.map((n) => n.title)).toEqual(["Note 4"]);
    expect((await w.executive.api.notification.list(args)).items).toEqual([]);
  });

  it("marks one or all read, only one's own", async () => {
    const { w, mine, theirs } = await notifiedWorld();
    const args = { workspaceSlug: w.slug };
    await expectTrpcError(w.manager.api.notification.markRead({ ...args, notificationId: theirs.id }), "NOT_FOUND");
    expect((await db().notification.findFirstOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();

    await w.manager.api.notification.markRead({ ...args, notificationId: mine[0]!.id });
    await w.manager.api.notification.markRead({ ...args, notificationId: mine[0]!.id });
    expect(await w.manager.api.notification.unreadCount(args)).toBe(2);

    expect(await w.manager.api.notification.markAllRead(args)).toEqual({ marked: 2 });
    expect(await w.manager.api.notification.unreadCount(args)).toBe(0);
    expect(await w.admin.api.notification.unreadCount(args)).toBe(1);

    // Another workspace's member cannot reach them either.
    const other = await buildWorld();
    await expectTrpcError(other.manager.api.notification.markRead({ workspaceSlug: other.slug, notificationId: theirs.id }), "NOT_FOUND");
    await expectTrpcError(other.manager.api.notification.list({ workspaceSlug: w.slug }), "NOT_FOUND");
  });
});

describe("alerts after the close commits", () => {
  it("are due, not written, when the cycle closes; two evaluations at once write them once", async () => {
    const { w, previous, respond, peopleA, notifications, alertEmails } = await alertWorld();
    await respond(
      [
        { cycleId: previous.id, partnershipId: w.partnershipA.id, side: "HOST", answers: 4 },
        { cycleId: previous.id, partnershipId: w.partnershipA.id, side: "PARTNER", answers: 4 },
        { cycleId: w.cycle.id, partnershipId: w.partnershipA.id, side: "HOST", answers: 2 },
        { cycleId: w.cycle.id, partnershipId: w.partnershipA.id, side: "PARTNER", answers: 2 },
      ],
      peopleA,
    );
    await w.admin.api.cycle.close({ workspaceSlug: w.slug, cycleId: w.cycle.id });
    const closed = await db().cycle.findUniqueOrThrow({ where: keyOf(w.cycle) });
    expect(closed.alertsDueAt).not.toBeNull();
    expect(await notifications()).toHaveLength(0);

    const scoped = forWorkspace(appDb(), w.workspace.id);
    const results = await Promise.all([evaluateDueAlerts(scoped, w.cycle.id), evaluateDueAlerts(scoped, w.cycle.id)]);
    expect(results.filter((r) => r !== null)).toEqual([5]);
    expect(await notifications()).toHaveLength(5);
    expect(await alertEmails()).toHaveLength(1);
    expect((await db().cycle.findUniqueOrThrow({ where: keyOf(w.cycle) })).alertsDueAt).toBeNull();
    expect(await evaluateDueAlerts(scoped, w.cycle.id)).toBeNull();
  });
});
