// Actions on the real database through the tRPC caller: ownership from either side, who may
// change what, history, optimistic concurrency, the lists, the owner reminders and each role's
// access.
import { describe, expect, it } from "vitest";
import { addMember, createPartnership } from "../../prisma/factories";
import { createAction } from "../../server/services/actions/record";
import { runActionReminders } from "../../server/services/actions/reminders";
import { actionsDoneByPillar, openActionsFor } from "../../server/services/actions/scorecard";
import { memberContext } from "../../server/access/member-context";
import { forWorkspace } from "../../server/db/tenant";
import { buildWorld, callerFor, db, expectTrpcError, appDb, keyOf } from "./helpers";

const DAY = 86_400_000;
// A calendar day relative to today, as typed in a date field.
const ymd = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

async function world() {
  const w = await buildWorld();
  // A manager who neither owns nor works on partnership A.
  const outsider = await addMember(db(), w.workspace.id, { role: "MANAGER" });
  return { ...w, outsider: { ...outsider, api: callerFor(outsider.user.id) } };
}
type World = Awaited<ReturnType<typeof world>>;

const newAction = (w: World, over: Record<string, unknown> = {}) => ({
  workspaceSlug: w.slug,
  partnershipId: w.partnershipA.id,
  title: "Share the joint pipeline every Monday",
  ownerMemberId: w.contactA.member.id,
  dueDate: ymd(14),
  ...over,
});

// An action agreed earlier whose date has since passed: new actions are refused a date in the
// past, so the history is written straight to the database.
async function backdate<T extends { id: string }>(action: T, dueDate: string): Promise<T> {
  await db().action.updateMany({ where: { id: action.id }, data: { dueDate: new Date(`${dueDate}T00:00:00Z`) } });
  return action;
}

const events = (actionId: string) => db().actionEvent.findMany({ where: { actionId }, orderBy: { at: "asc" } });

describe("making actions", () => {
  it("takes an owner from either side, whoever makes it", async () => {
    const w = await world();
    const byManager = await w.manager.api.action.create(newAction(w, { ownerMemberId: w.contactA.member.id, pillarKey: "trust" }));
    const byContact = await w.contactA.api.action.create(
      newAction(w, { title: "Name an escalation contact", ownerMemberId: w.manager.member.id }),
    );

    const one = await w.contactA.api.action.get({ workspaceSlug: w.slug, actionId: byManager.id });
    expect(one.action).toMatchObject({
      title: "Share the joint pipeline every Monday",
      status: "OPEN",
      owner: { memberId: w.contactA.member.id, name: w.contactA.user.name, side: "PARTNER" },
      pillarKey: "trust",
      pillarName: "Trust",
      dueDate: new Date(`${ymd(14)}T00:00:00Z`),
      overdue: false,
      version: 1,
      createdBy: w.manager.user.name,
    });
    // The first history event is the creation, with names rather than ids.
    expect(one.history).toHaveLength(1);
    expect(one.history[0]!.by).toBe(w.manager.user.name);
    expect(one.history[0]!.changes).toContainEqual({ field: "owner", before: null, after: w.contactA.user.name });
    expect(one.history[0]!.changes).toContainEqual({ field: "pillar", before: null, after: "Trust" });
    expect(one.history[0]!.changes.map((c) => c.field)).toEqual(["title", "owner", "dueDate", "pillar"]);

    const two = await w.manager.api.action.get({ workspaceSlug: w.slug, actionId: byContact.id });
    expect(two.action.owner).toMatchObject({ memberId: w.manager.member.id, side: "HOST" });
    expect(two.action.createdBy).toBe(w.contactA.user.name);
    // Made during the open cycle: it remembers the cycle it was agreed in.
    expect((await db().action.findFirstOrThrow({ where: { id: byContact.id } })).cycleId).toBe(w.cycle.id);
  });

  it("refuses an owner from outside the partnership, an unknown pillar and bad input, and makes nothing", async () => {
    const w = await world();
    await expectTrpcError(
      w.manager.api.action.create(newAction(w, { ownerMemberId: w.contactB.member.id })),
      "BAD_REQUEST",
      /works on this partnership/,
    );
    await expectTrpcError(
      w.manager.api.action.create(newAction(w, { ownerMemberId: w.outsider.member.id })),
      "BAD_REQUEST",
      /works on this partnership/,
    );
    await expectTrpcError(w.manager.api.action.create(newAction(w, { ownerMemberId: "nobody" })), "BAD_REQUEST");
    await expectTrpcError(w.manager.api.action.create(newAction(w, { pillarKey: "speed" })), "BAD_REQUEST", /pillars/);
    await expectTrpcError(w.manager.api.action.create(newAction(w, { title: "   " })), "BAD_REQUEST");
    await expectTrpcError(w.manager.api.action.create(newAction(w, { dueDate: "2026-02-30" })), "BAD_REQUEST");
    await expectTrpcError(w.manager.api.action.create(newAction(w, { dueDate: "31/12/2026" })), "BAD_REQUEST");
    expect(await db().action.count({ where: { workspaceId: w.workspace.id } })).toBe(0);
  });
});

describe("changing actions", () => {
  it("writes one history event per change, sets doneAt when done and clears it when reopened", async () => {
    const w = await world();
    const { id } = await w.manager.api.action.create(newAction(w));
    const as = (api: World["manager"]["api"], version: number, change: Record<string, unknown>) =>
      api.action.update({ workspaceSlug: w.slug, actionId: id, version, ...change });

    expect(await as(w.contactA.api, 1, { status: "IN_PROGRESS" })).toMatchObject({ version: 2, changed: ["status"] });
    await as(w.contactA.api, 2, { status: "DONE", notes: "Sent the first one on Monday." });
    const done = await db().action.findFirstOrThrow({ where: { id } });
    expect(done).toMatchObject({ status: "DONE", version: 3, notes: "Sent the first one on Monday." });
    expect(done.doneAt).toBeInstanceOf(Date);

    await as(w.manager.api, 3, { status: "OPEN" });
    expect((await db().action.findFirstOrThrow({ where: { id } })).doneAt).toBeNull();

    // A "change" to what it already is changes nothing and writes no history.
    expect(await as(w.manager.api, 4, { status: "OPEN" })).toMatchObject({ version: 4, changed: [] });

    const history = await events(id);
    expect(history.map((e) => e.changes)).toEqual([
      expect.objectContaining({ title: [null, "Share the joint pipeline every Monday"] }),
      { status: ["OPEN", "IN_PROGRESS"] },
      { status: ["IN_PROGRESS", "DONE"], notes: ["", "Sent the first one on Monday."] },
      { status: ["DONE", "OPEN"] },
    ]);
    expect(history.map((e) => e.memberId)).toEqual([w.manager.member.id, w.contactA.member.id, w.contactA.member.id, w.manager.member.id]);

    const detail = await w.manager.api.action.get({ workspaceSlug: w.slug, actionId: id });
    expect(detail.history[3]).toMatchObject({ by: w.manager.user.name, changes: [{ field: "status", before: "DONE", after: "OPEN" }] });
  });

  it("shows a new owner's name in the history, and refuses handing it to someone outside", async () => {
    const w = await world();
    const { id } = await w.manager.api.action.create(newAction(w));
    await w.contactA.api.action.update({
      workspaceSlug: w.slug,
      actionId: id,
      version: 1,
      ownerMemberId: w.manager.member.id,
      dueDate: ymd(21),
    });
    const detail = await w.contactA.api.action.get({ workspaceSlug: w.slug, actionId: id });
    expect(detail.history[1]!.changes).toEqual([
      { field: "owner", before: w.contactA.user.name, after: w.manager.user.name },
      { field: "dueDate", before: ymd(14), after: ymd(21) },
    ]);
    await expectTrpcError(
      w.manager.api.action.update({ workspaceSlug: w.slug, actionId: id, version: 2, ownerMemberId: w.contactB.member.id }),
      "BAD_REQUEST",
    );
    expect((await db().action.findFirstOrThrow({ where: { id } })).version).toBe(2);
  });

  it("lets any participant change status and notes, but only the owner, maker, partnership owner or an admin what was agreed", async () => {
    const w = await world();
    // Made by the manager for the manager: contactA is neither its owner nor its maker.
    const { id } = await w.manager.api.action.create(newAction(w, { ownerMemberId: w.manager.member.id }));
    await w.contactA.api.action.update({ workspaceSlug: w.slug, actionId: id, version: 1, status: "IN_PROGRESS", notes: "Helping." });
    await expectTrpcError(
      w.contactA.api.action.update({ workspaceSlug: w.slug, actionId: id, version: 2, title: "Something else" }),
      "FORBIDDEN",
      /status and notes/,
    );
    const detail = await w.contactA.api.action.get({ workspaceSlug: w.slug, actionId: id });
    expect(detail.viewer).toMatchObject({ canUpdate: true, canEditDetails: false, canClaim: false });
    await w.admin.api.action.update({ workspaceSlug: w.slug, actionId: id, version: 2, title: "Share the pipeline weekly" });
    expect(await db().action.findFirstOrThrow({ where: { id } })).toMatchObject({ title: "Share the pipeline weekly", version: 3 });
  });

  it("lets any participant take on an action nobody owns yet (as a retro makes them), but not give it to someone else", async () => {
    const w = await world();
    const tdb = forWorkspace(appDb(), w.workspace.id);
    const made = await createAction(tdb, w.manager.member.id, {
      partnershipId: w.partnershipA.id,
      title: "Run a joint QBR",
    });
    const claim = (by: string) => w.contactA.api.action.update({ workspaceSlug: w.slug, actionId: made.id, version: 1, ownerMemberId: by });
    await expectTrpcError(claim(w.manager.member.id), "FORBIDDEN");
    await claim(w.contactA.member.id);
    expect((await db().action.findFirstOrThrow({ where: { id: made.id } })).ownerMemberId).toBe(w.contactA.member.id);
  });

  it("refuses a change based on an older version with CONFLICT and changes nothing", async () => {
    const w = await world();
    const { id } = await w.manager.api.action.create(newAction(w));
    // Both have the action open at version 1; the manager saves first.
    await w.manager.api.action.update({ workspaceSlug: w.slug, actionId: id, version: 1, notes: "Moved to Tuesdays." });
    // The owner, still looking at version 1, moves the date.
    await expectTrpcError(
      w.contactA.api.action.update({ workspaceSlug: w.slug, actionId: id, version: 1, dueDate: ymd(30), status: "IN_PROGRESS" }),
      "CONFLICT",
      /Someone else changed this action a moment ago; reload/,
    );
    expect(await db().action.findFirstOrThrow({ where: { id } })).toMatchObject({
      version: 2,
      status: "OPEN",
      notes: "Moved to Tuesdays.",
      dueDate: new Date(`${ymd(14)}T00:00:00Z`),
    });
    expect(await events(id)).toHaveLength(2);
    // Reloaded, the owner's change goes through.
    await w.contactA.api.action.update({ workspaceSlug: w.slug, actionId: id, version: 2, dueDate: ymd(30) });
    expect((await db().action.findFirstOrThrow({ where: { id } })).version).toBe(3);
  });

  it("lets exactly one of two concurrent changes from the same version win, with one history event", async () => {
    const w = await world();
    const { id } = await w.manager.api.action.create(newAction(w));
    const results = await Promise.allSettled([
      w.manager.api.action.update({ workspaceSlug: w.slug, actionId: id, version: 1, status: "DROPPED" }),
      w.contactA.api.action.update({ workspaceSlug: w.slug, actionId: id, version: 1, status: "DONE" }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    const action = await db().action.findFirstOrThrow({ where: { id } });
    expect(action.version).toBe(2);
    const history = await events(id);
    expect(history).toHaveLength(2);
    expect(history[1]!.changes).toEqual({ status: ["OPEN", action.status] });
  });
  // Both read version 1 before either writes: a row lock held here stops both at their write, so
  // the version condition of the write itself (not the earlier read) must refuse the second.
  // PGlite has one connection, so the interleaving exists only on PostgreSQL.
  it.runIf(Boolean(process.env.TEST_DATABASE_URL))("refuses the second of two changes that both read the same version", async () => {
    const w = await world();
    const { id } = await w.manager.api.action.create(newAction(w));
    const updates: Promise<unknown>[] = [];
    await db().$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1 FROM "Action" WHERE id = ${id} FOR UPDATE`;
        updates.push(
          w.manager.api.action.update({ workspaceSlug: w.slug, actionId: id, version: 1, status: "DROPPED" }),
          w.contactA.api.action.update({ workspaceSlug: w.slug, actionId: id, version: 1, status: "DONE" }),
        );
        for (const u of updates) u.catch(() => {});
        for (let i = 0; i < 200; i++) {
          const [row] = await db().$queryRaw<{ n: bigint }[]>`
            SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE%"Action"%'`;
          if (Number(row!.n) >= 2) break;
          await new Promise((r) => setTimeout(r, 25));
        }
      },
      { timeout: 20_000 },
    );
    const results = await Promise.allSettled(updates);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(["CONFLICT"]);
    expect(await events(id)).toHaveLength(2);
    expect((await db().action.findFirstOrThrow({ where: { id } })).version).toBe(2);
  });
});

describe("lists", () => {
  it("lists a partnership's open actions by default, overdue first and marked, with counts", async () => {
    const w = await world();
    const later = await w.manager.api.action.create(newAction(w, { title: "Later", dueDate: ymd(10) }));
    const late = await backdate(await w.manager.api.action.create(newAction(w, { title: "Late" })), ymd(-2));
    const today = await w.manager.api.action.create(newAction(w, { title: "Today", dueDate: ymd(0) }));
    const done = await backdate(await w.manager.api.action.create(newAction(w, { title: "Done late" })), ymd(-5));
    await w.manager.api.action.update({ workspaceSlug: w.slug, actionId: done.id, version: 1, status: "DONE" });
    const dropped = await backdate(await w.manager.api.action.create(newAction(w, { title: "Dropped" })), ymd(-5));
    await w.manager.api.action.update({ workspaceSlug: w.slug, actionId: dropped.id, version: 1, status: "DROPPED" });
    await w.manager.api.action.create(
      newAction(w, { partnershipId: w.partnershipB.id, ownerMemberId: w.manager.member.id, title: "Other" }),
    );

    const open = await w.contactA.api.action.list({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id });
    expect(open.actions.map((a) => [a.title, a.overdue])).toEqual([
      ["Late", true],
      ["Today", false],
      ["Later", false],
    ]);
    expect(open.counts).toEqual({ open: 3, inProgress: 0, done: 1, dropped: 1, overdue: 1 });
    expect(open.actions.map((a) => a.id)).toEqual([late.id, today.id, later.id]);

    const finished = await w.contactA.api.action.list({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id, filter: "done" });
    expect(finished.actions.map((a) => [a.title, a.overdue])).toEqual([["Done late", false]]);
    const all = await w.contactA.api.action.list({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id, filter: "all" });
    expect(all.actions).toHaveLength(5);
    // The form's choices: the partnership's people from both sides, and the framework's pillars.
    expect(open.people.map((p) => p.memberId).sort()).toEqual([w.manager.member.id, w.contactA.member.id].sort());
    expect(open.pillars.map((p) => p.key)).toEqual(["trust", "commitment", "coordination", "communication"]);
  });

  it("lists my actions: only mine, only in partnerships whose work I see, not archived, overdue first", async () => {
    const w = await world();
    const teamMate = await addMember(db(), w.workspace.id, { role: "MANAGER" });
    const shared = await createPartnership(db(), w.workspace.id, {
      partnerOrgId: w.orgA.id,
      ownerMemberId: teamMate.member.id,
      teamMemberIds: [w.manager.member.id],
    });
    const mine = [
      await w.manager.api.action.create(newAction(w, { title: "A soon", ownerMemberId: w.manager.member.id, dueDate: ymd(3) })),
      await w.manager.api.action.create(
        newAction(w, { partnershipId: w.partnershipB.id, title: "B late", ownerMemberId: w.manager.member.id, dueDate: ymd(-1) }),
      ),
      await w.manager.api.action.create(
        newAction(w, { partnershipId: shared.id, title: "Team", ownerMemberId: w.manager.member.id, dueDate: ymd(20) }),
      ),
    ];
    // Someone else's action, and a finished one of mine.
    await w.manager.api.action.create(newAction(w, { title: "Theirs", ownerMemberId: w.contactA.member.id }));
    const finished = await w.manager.api.action.create(newAction(w, { title: "Finished", ownerMemberId: w.manager.member.id }));
    await w.manager.api.action.update({ workspaceSlug: w.slug, actionId: finished.id, version: 1, status: "DONE" });

    const list = await w.manager.api.action.mine({ workspaceSlug: w.slug });
    expect(list.actions.map((a) => [a.title, a.overdue])).toEqual([
      ["B late", true],
      ["A soon", false],
      ["Team", false],
    ]);
    expect(list.actions.map((a) => a.id)).toEqual([mine[1]!.id, mine[0]!.id, mine[2]!.id]);
    expect(list.counts).toMatchObject({ open: 3, done: 1, overdue: 1, dueThisWeek: 1 });
    expect((await w.manager.api.action.mine({ workspaceSlug: w.slug, filter: "all" })).actions).toHaveLength(4);

    // Off the team, the team's partnership's work is no longer theirs to see; archived is history.
    await db().partnershipTeamMember.deleteMany({ where: { partnershipId: shared.id, memberId: w.manager.member.id } });
    await db().partnership.update({ where: keyOf(w.partnershipB), data: { archivedAt: new Date() } });
    expect((await w.manager.api.action.mine({ workspaceSlug: w.slug })).actions.map((a) => a.title)).toEqual(["A soon"]);

    // A partner contact sees theirs; the executive owns none.
    expect((await w.contactA.api.action.mine({ workspaceSlug: w.slug })).actions.map((a) => a.title)).toEqual(["Theirs"]);
    expect((await w.executive.api.action.mine({ workspaceSlug: w.slug })).actions).toEqual([]);
  });

  it("gives the scorecard the done actions by pillar in a period, and the open ones", async () => {
    const w = await world();
    const ctx = (await memberContext(appDb(), w.manager.user.id, w.slug))!;
    const mk = async (title: string, pillarKey: string | null, doneAt: Date | null) => {
      const a = await w.manager.api.action.create(newAction(w, { title, pillarKey }));
      if (doneAt)
        await db().action.update({
          where: { workspaceId_id: { workspaceId: w.workspace.id, id: a.id } },
          data: { status: "DONE", doneAt },
        });
      return a;
    };
    await mk("Before", "trust", new Date("2030-01-01T00:00:00Z"));
    await mk("Trust one", "trust", new Date("2030-02-01T00:00:00Z"));
    await mk("No pillar", null, new Date("2030-02-02T00:00:00Z"));
    await mk("Comms", "communication", new Date("2030-02-03T00:00:00Z"));
    await mk("Trust two", "trust", new Date("2030-03-31T00:00:00Z"));
    await mk("After", "trust", new Date("2030-04-02T00:00:00Z"));
    await mk("Still open", "trust", null);

    const done = await actionsDoneByPillar(ctx, w.partnershipA.id, new Date("2030-01-01T00:00:00Z"), new Date("2030-03-31T00:00:00Z"));
    expect(done.map((g) => [g.pillarKey, g.actions.map((a) => a.title)])).toEqual([
      ["trust", ["Trust one", "Trust two"]],
      ["communication", ["Comms"]],
      [null, ["No pillar"]],
    ]);
    expect(done[0]!.actions[0]!.ownerName).toBe(w.contactA.user.name);
    const since = await actionsDoneByPillar(ctx, w.partnershipA.id, null, new Date("2030-01-01T00:00:00Z"));
    expect(since.flatMap((g) => g.actions.map((a) => a.title))).toEqual(["Before"]);

    const open = await openActionsFor(ctx, w.partnershipA.id);
    expect(open).toEqual([
      expect.objectContaining({ title: "Still open", ownerName: w.contactA.user.name, ownerSide: "PARTNER", overdue: false }),
    ]);
  });
});

describe("owner reminders", () => {
  const at = (iso: string) => new Date(iso);

  async function reminderWorld() {
    const w = await world();
    const run = (iso: string) => runActionReminders(forWorkspace(appDb(), w.workspace.id), at(iso));
    const emails = () =>
      db().outboxEmail.findMany({ where: { workspaceId: w.workspace.id, kind: "ACTION_REMINDER" }, orderBy: { createdAt: "asc" } });
    return { w, run, emails };
  }

  it("reminds the owner once a few days before the date and once after it, however often the job runs", async () => {
    const { w, run, emails } = await reminderWorld();
    const { id } = await w.manager.api.action.create(newAction(w, { dueDate: "2031-03-10" }));

    expect(await run("2031-03-06T09:00:00Z")).toBe(0);
    expect(await run("2031-03-07T09:00:00Z")).toBe(1);
    expect(await run("2031-03-07T09:01:00Z")).toBe(0);
    expect(await run("2031-03-10T09:00:00Z")).toBe(0);
    expect(await run("2031-03-11T09:00:00Z")).toBe(1);
    expect(await run("2031-03-12T09:00:00Z")).toBe(0);

    const sent = await emails();
    expect(sent.map((e) => e.to)).toEqual([w.contactA.user.email, w.contactA.user.email]);
    expect(sent[0]!.subject).toBe('Reminder: "Share the joint pipeline every Monday" is due in 3 days');
    expect(sent[1]!.subject).toMatch(/^Overdue: "Share the joint pipeline every Monday" was due on Monday, 10 March 2031/);
    expect(sent[0]!.link).toMatch(new RegExp(`/w/${w.slug}/partnerships/${w.partnershipA.id}/actions/${id}$`));
    expect(sent[0]!.text).toContain(w.partnershipA.name);

    const notes = await db().notification.findMany({ where: { workspaceId: w.workspace.id }, orderBy: { createdAt: "asc" } });
    expect(notes.map((n) => [n.memberId, n.kind, n.dedupeKey])).toEqual([
      [w.contactA.member.id, "ACTION_DUE", `action-due:${id}:DUE_SOON:2031-03-10`],
      [w.contactA.member.id, "ACTION_DUE", `action-due:${id}:OVERDUE:2031-03-10`],
    ]);
    expect(notes[0]!.link).toBe(`/w/${w.slug}/partnerships/${w.partnershipA.id}/actions/${id}`);
  });

  it("sends each reminder once when job runs race", async () => {
    const { w, run, emails } = await reminderWorld();
    await w.manager.api.action.create(newAction(w, { dueDate: "2031-03-10" }));
    const counts = await Promise.all([run("2031-03-08T09:00:00Z"), run("2031-03-08T09:00:00Z"), run("2031-03-08T09:00:00Z")]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await emails()).toHaveLength(1);
  });

  it("reminds again after the date moves, and never for finished actions, removed owners or archived partnerships", async () => {
    const { w, run, emails } = await reminderWorld();
    const moved = await w.manager.api.action.create(newAction(w, { title: "Moved", dueDate: "2031-03-10" }));
    const done = await w.manager.api.action.create(newAction(w, { title: "Done", dueDate: "2031-03-10" }));
    await w.contactA.api.action.update({ workspaceSlug: w.slug, actionId: done.id, version: 1, status: "DONE" });
    const dropped = await w.manager.api.action.create(newAction(w, { title: "Dropped", dueDate: "2031-03-10" }));
    await w.contactA.api.action.update({ workspaceSlug: w.slug, actionId: dropped.id, version: 1, status: "DROPPED" });
    const leaver = await addMember(db(), w.workspace.id, { role: "PARTNER", partnerOrgId: w.orgA.id });
    await w.manager.api.action.create(newAction(w, { title: "Leaver's", ownerMemberId: leaver.member.id, dueDate: "2031-03-10" }));
    await db().member.update({ where: keyOf(leaver.member), data: { removedAt: new Date() } });
    await w.manager.api.action.create(
      newAction(w, { partnershipId: w.partnershipB.id, ownerMemberId: w.manager.member.id, title: "Archived", dueDate: "2031-03-10" }),
    );
    await db().partnership.update({ where: keyOf(w.partnershipB), data: { archivedAt: new Date() } });
    const tdb = forWorkspace(appDb(), w.workspace.id);
    await createAction(tdb, w.manager.member.id, {
      partnershipId: w.partnershipA.id,
      title: "Unowned",
      dueDate: at("2031-03-10"),
    });

    expect(await run("2031-03-08T09:00:00Z")).toBe(1);
    expect((await emails()).map((e) => e.subject)).toEqual(['Reminder: "Moved" is due in 2 days']);

    // The owner moves the date: the reminders for the new date are due in their turn.
    await w.contactA.api.action.update({ workspaceSlug: w.slug, actionId: moved.id, version: 1, dueDate: "2031-03-20" });
    expect(await run("2031-03-11T09:00:00Z")).toBe(0);
    expect(await run("2031-03-18T09:00:00Z")).toBe(1);
    expect(await run("2031-03-21T09:00:00Z")).toBe(1);
    expect(await run("2031-03-22T09:00:00Z")).toBe(0);
    expect((await emails()).map((e) => e.subject)).toEqual([
      'Reminder: "Moved" is due in 2 days',
      'Reminder: "Moved" is due in 2 days',
      expect.stringMatching(/^Overdue: "Moved" was due on Thursday, 20 March 2031/),
    ]);
  });

  it("skips the due-soon reminder of an action that is already overdue", async () => {
    const { w, run, emails } = await reminderWorld();
    await w.manager.api.action.create(newAction(w, { dueDate: "2031-03-10" }));
    expect(await run("2031-04-01T09:00:00Z")).toBe(1);
    expect((await emails()).map((e) => e.subject)).toEqual([expect.stringMatching(/^Overdue:/)]);
  });
});

describe("access", () => {
  it("lets the executive read but not write", async () => {
    const w = await world();
    const { id } = await w.manager.api.action.create(newAction(w));
    expect((await w.executive.api.action.list({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id })).viewer.canWrite).toBe(false);
    expect((await w.executive.api.action.get({ workspaceSlug: w.slug, actionId: id })).viewer).toMatchObject({
      canUpdate: false,
      canEditDetails: false,
    });
    await expectTrpcError(w.executive.api.action.create(newAction(w)), "FORBIDDEN", /Executives/);
    await expectTrpcError(w.executive.api.action.update({ workspaceSlug: w.slug, actionId: id, version: 1, status: "DONE" }), "FORBIDDEN");
  });

  it("answers NOT_FOUND to another organisation's contact, as if the action did not exist", async () => {
    const w = await world();
    const { id } = await w.manager.api.action.create(newAction(w));
    await expectTrpcError(w.contactB.api.action.list({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id }), "NOT_FOUND");
    await expectTrpcError(w.contactB.api.action.get({ workspaceSlug: w.slug, actionId: id }), "NOT_FOUND", /^Action not found/);
    await expectTrpcError(w.contactB.api.action.update({ workspaceSlug: w.slug, actionId: id, version: 1, status: "DONE" }), "NOT_FOUND");
    await expectTrpcError(w.contactB.api.action.create(newAction(w, { ownerMemberId: w.contactB.member.id })), "NOT_FOUND");
    expect((await w.contactB.api.action.mine({ workspaceSlug: w.slug })).actions).toEqual([]);
  });

  it("forbids a manager who does not work on the partnership, and its actions' ids answer like made-up ones", async () => {
    const w = await world();
    const { id } = await w.manager.api.action.create(newAction(w));
    await expectTrpcError(w.outsider.api.action.list({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id }), "FORBIDDEN");
    await expectTrpcError(w.outsider.api.action.get({ workspaceSlug: w.slug, actionId: id }), "NOT_FOUND", /^Action not found\.$/);
    await expectTrpcError(w.outsider.api.action.create(newAction(w, { ownerMemberId: w.outsider.member.id })), "FORBIDDEN");
    await expectTrpcError(w.outsider.api.action.update({ workspaceSlug: w.slug, actionId: id, version: 1, status: "DONE" }), "NOT_FOUND");
  });

  it("keeps an archived partnership's actions readable and unchangeable", async () => {
    const w = await world();
    const { id } = await w.manager.api.action.create(newAction(w));
    await db().partnership.update({ where: keyOf(w.partnershipA), data: { archivedAt: new Date() } });
    const list = await w.manager.api.action.list({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id });
    expect(list.partnership.archived).toBe(true);
    expect(list.viewer.canWrite).toBe(false);
    expect(list.actions.map((a) => a.id)).toEqual([id]);
    await expectTrpcError(w.manager.api.action.create(newAction(w)), "BAD_REQUEST", /archived/);
    await expectTrpcError(
      w.admin.api.action.update({ workspaceSlug: w.slug, actionId: id, version: 1, status: "DONE" }),
      "BAD_REQUEST",
      /archived/,
    );
    expect(await db().action.findFirstOrThrow({ where: { id } })).toMatchObject({ status: "OPEN", version: 1 });
  });

  it("keeps another workspace's actions out of reach", async () => {
    const w = await world();
    const other = await world();
    const { id } = await other.manager.api.action.create(newAction(other));
    await expectTrpcError(w.owner.api.action.get({ workspaceSlug: w.slug, actionId: id }), "NOT_FOUND");
    await expectTrpcError(w.owner.api.action.update({ workspaceSlug: w.slug, actionId: id, version: 1, status: "DONE" }), "NOT_FOUND");
  });
});
