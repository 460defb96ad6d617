// Joint goals on the real database through the tRPC caller: owners per side, check-ins once per
// cycle, version-guarded changes, the behind-schedule lists, and each role's access.
import { describe, expect, it } from "vitest";
import { addMember, createCycle } from "../../prisma/factories";
import { keyOf, buildWorld, callerFor, db, expectTrpcError } from "./helpers";

const DAY = 86_400_000;
const ymd = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

async function world() {
  const w = await buildWorld();
  const outsider = await addMember(db(), w.workspace.id, { role: "MANAGER" });
  // A second contact of organisation A, who owns nothing.
  const colleague = await addMember(db(), w.workspace.id, { role: "PARTNER", partnerOrgId: w.orgA.id });
  return {
    ...w,
    outsider: { ...outsider, api: callerFor(outsider.user.id) },
    colleague: { ...colleague, api: callerFor(colleague.user.id) },
  };
}
type World = Awaited<ReturnType<typeof world>>;

const newGoal = (w: World, over: Record<string, unknown> = {}) => ({
  workspaceSlug: w.slug,
  partnershipId: w.partnershipA.id,
  title: "Grow joint pipeline",
  measure: "Qualified joint opportunities",
  unit: "opportunities",
  targetValue: 100,
  dueDate: ymd(90),
  hostOwnerId: w.manager.member.id,
  partnerOwnerId: w.contactA.member.id,
  ...over,
});

const list = (w: World, api = w.manager.api, partnershipId = w.partnershipA.id) => api.goal.list({ workspaceSlug: w.slug, partnershipId });

describe("making goals", () => {
  it("takes an owner on each side, from whichever side makes it, starting today by default", async () => {
    const w = await world();
    const a = await w.manager.api.goal.create(newGoal(w));
    await w.contactA.api.goal.create(newGoal(w, { title: "Certify five engineers", startDate: ymd(-10), dueDate: ymd(80) }));

    const { goals } = await list(w, w.contactA.api);
    const made = goals.find((g) => g.id === a.id)!;
    expect(made).toMatchObject({
      title: "Grow joint pipeline",
      measure: "Qualified joint opportunities",
      unit: "opportunities",
      startValue: 0,
      targetValue: 100,
      targetText: "100 opportunities",
      status: "ACTIVE",
      version: 1,
      startDate: new Date(`${ymd(0)}T00:00:00Z`),
      dueDate: new Date(`${ymd(90)}T00:00:00Z`),
      hostOwner: { memberId: w.manager.member.id, name: w.manager.user.name },
      partnerOwner: { memberId: w.contactA.member.id, name: w.contactA.user.name },
      latest: null,
    });
    expect(goals.map((g) => g.title).sort()).toEqual(["Certify five engineers", "Grow joint pipeline"]);
  });

  it("refuses an owner on the wrong side or from outside, and a due date before the start", async () => {
    const w = await world();
    await expectTrpcError(
      w.manager.api.goal.create(newGoal(w, { hostOwnerId: w.contactA.member.id })),
      "BAD_REQUEST",
      /your own organisation/,
    );
    await expectTrpcError(
      w.manager.api.goal.create(newGoal(w, { partnerOwnerId: w.manager.member.id })),
      "BAD_REQUEST",
      /contact of the partner organisation/,
    );
    await expectTrpcError(w.manager.api.goal.create(newGoal(w, { partnerOwnerId: w.contactB.member.id })), "BAD_REQUEST");
    await expectTrpcError(w.manager.api.goal.create(newGoal(w, { hostOwnerId: w.outsider.member.id })), "BAD_REQUEST");
    await expectTrpcError(w.manager.api.goal.create(newGoal(w, { startDate: ymd(10), dueDate: ymd(5) })), "BAD_REQUEST", /after the start/);
    await expectTrpcError(w.manager.api.goal.create(newGoal(w, { measure: "" })), "BAD_REQUEST");
    expect(await db().goal.count({ where: { workspaceId: w.workspace.id } })).toBe(0);
  });
});

describe("check-ins", () => {
  it("keeps one check-in per goal and cycle: a second one updates it", async () => {
    const w = await world();
    const goal = await w.manager.api.goal.create(newGoal(w));
    const checkIn = (api: World["manager"]["api"], extra: Record<string, unknown>) =>
      api.goal.checkIn({ workspaceSlug: w.slug, goalId: goal.id, value: 30, note: "First deals registered.", ...extra });

    expect(await checkIn(w.contactA.api, {})).toMatchObject({ cycleId: w.cycle.id, version: 1, updated: false });
    let g = (await list(w)).goals[0]!;
    expect(g.current).toEqual({ value: 30, note: "First deals registered.", version: 1 });
    expect(g.latest).toMatchObject({ cycleLabel: w.cycle.label, progress: 30, by: w.contactA.user.name });

    expect(await checkIn(w.manager.api, { value: 45, note: "Two more.", version: 1 })).toMatchObject({ version: 2, updated: true });
    g = (await list(w)).goals[0]!;
    expect(g.current).toEqual({ value: 45, note: "Two more.", version: 2 });
    expect(g.checkIns).toHaveLength(1);
    expect(await db().goalCheckIn.count({ where: { goalId: goal.id } })).toBe(1);

    // One made without seeing the existing check-in, or from an older version, is refused.
    await expectTrpcError(checkIn(w.contactA.api, { value: 50 }), "CONFLICT", /checked in this goal for .* a moment ago/);
    await expectTrpcError(checkIn(w.contactA.api, { value: 50, version: 1 }), "CONFLICT");
    expect(await db().goalCheckIn.findFirstOrThrow({ where: { goalId: goal.id } })).toMatchObject({ value: 45, version: 2 });

    await expectTrpcError(checkIn(w.contactA.api, { value: Number.NaN, version: 2 }), "BAD_REQUEST");
  });

  it("makes one row when two people check in for the first time at once", async () => {
    const w = await world();
    const goal = await w.manager.api.goal.create(newGoal(w));
    const results = await Promise.allSettled([
      w.manager.api.goal.checkIn({ workspaceSlug: w.slug, goalId: goal.id, value: 20, note: "" }),
      w.contactA.api.goal.checkIn({ workspaceSlug: w.slug, goalId: goal.id, value: 25, note: "" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(["CONFLICT"]);
    expect(await db().goalCheckIn.count({ where: { goalId: goal.id } })).toBe(1);
  });

  it("checks in for the latest cycle once none is open, keeps cycles apart, and refuses a draft cycle", async () => {
    const w = await world();
    const goal = await w.manager.api.goal.create(newGoal(w));
    await w.manager.api.goal.checkIn({ workspaceSlug: w.slug, goalId: goal.id, value: 10, note: "" });
    await db().cycle.update({ where: keyOf(w.cycle), data: { status: "CLOSED" } });
    const next = await createCycle(db(), w.workspace.id, { status: "CLOSED", opensAt: new Date(Date.now() + DAY) });
    expect(await w.manager.api.goal.checkIn({ workspaceSlug: w.slug, goalId: goal.id, value: 25, note: "" })).toMatchObject({
      cycleId: next.id,
      version: 1,
    });
    const g = (await list(w)).goals[0]!;
    expect(g.checkIns.map((c) => [c.cycleLabel, c.progress])).toEqual([
      [next.label, 25],
      [w.cycle.label, 10],
    ]);
    expect(g.latest).toMatchObject({ progress: 25 });

    const draft = await createCycle(db(), w.workspace.id, { status: "DRAFT", opensAt: new Date(Date.now() + 30 * DAY) });
    await expectTrpcError(
      w.manager.api.goal.checkIn({ workspaceSlug: w.slug, goalId: goal.id, cycleId: draft.id, value: 30, note: "" }),
      "BAD_REQUEST",
      /not opened yet/,
    );
  });

  it("takes no check-in for a goal that is no longer active", async () => {
    const w = await world();
    const goal = await w.manager.api.goal.create(newGoal(w));
    await w.manager.api.goal.update({ workspaceSlug: w.slug, goalId: goal.id, version: 1, status: "ACHIEVED" });
    await expectTrpcError(
      w.contactA.api.goal.checkIn({ workspaceSlug: w.slug, goalId: goal.id, value: 100, note: "" }),
      "BAD_REQUEST",
      /active/,
    );
  });
});

describe("changing goals", () => {
  it("lets the goal's owners and maker change it, based on the version they saw", async () => {
    const w = await world();
    const goal = await w.manager.api.goal.create(newGoal(w));
    await w.contactA.api.goal.update({ workspaceSlug: w.slug, goalId: goal.id, version: 1, targetValue: 50 });
    await expectTrpcError(
      w.manager.api.goal.update({ workspaceSlug: w.slug, goalId: goal.id, version: 1, targetValue: 30 }),
      "CONFLICT",
      /Someone else changed this goal/,
    );
    await expectTrpcError(
      w.colleague.api.goal.update({ workspaceSlug: w.slug, goalId: goal.id, version: 2, status: "DROPPED" }),
      "FORBIDDEN",
    );
    await expectTrpcError(
      w.manager.api.goal.update({ workspaceSlug: w.slug, goalId: goal.id, version: 2, partnerOwnerId: w.manager.member.id }),
      "BAD_REQUEST",
    );
    await w.manager.api.goal.update({
      workspaceSlug: w.slug,
      goalId: goal.id,
      version: 2,
      partnerOwnerId: w.colleague.member.id,
      status: "MISSED",
    });
    expect(await db().goal.findFirstOrThrow({ where: { id: goal.id } })).toMatchObject({
      targetValue: 50,
      partnerOwnerId: w.colleague.member.id,
      status: "MISSED",
      version: 3,
    });
    // The colleague who does not own it may still check it in, once it is active again.
    await w.manager.api.goal.update({ workspaceSlug: w.slug, goalId: goal.id, version: 3, status: "ACTIVE" });
    await w.colleague.api.goal.checkIn({ workspaceSlug: w.slug, goalId: goal.id, value: 5, note: "" });
  });
});

describe("behind schedule", () => {
  it("lists the active goals behind schedule with the reason, per partnership and across the viewer's partnerships", async () => {
    const w = await world();
    // Long spans, so the hours already passed today never move a rounded percentage.
    const mk = async (title: string, startDate: string, dueDate: string, progress: number | null, over: Record<string, unknown> = {}) => {
      const g = await w.manager.api.goal.create(newGoal(w, { title, startDate, dueDate, ...over }));
      if (progress !== null) await w.manager.api.goal.checkIn({ workspaceSlug: w.slug, goalId: g.id, value: progress, note: "" });
      return g;
    };
    await mk("Slow", ymd(-500), ymd(500), 20);
    await mk("On track", ymd(-500), ymd(500), 45);
    await mk("Fresh", ymd(0), ymd(100), null);
    await mk("Silent", ymd(-400), ymd(600), null);
    await mk("Overdue", ymd(-100), ymd(-1), 90);
    const achieved = await mk("Achieved late", ymd(-100), ymd(-1), 100);
    await w.manager.api.goal.update({ workspaceSlug: w.slug, goalId: achieved.id, version: 1, status: "ACHIEVED" });
    await mk("Other partnership", ymd(-500), ymd(550), 0, { partnershipId: w.partnershipB.id, partnerOwnerId: w.contactB.member.id });

    const a = await list(w);
    const overdueReason = `Past its due date (${new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${ymd(-1)}T00:00:00Z`))}) at 90%`;
    expect(a.behind.map((b) => [b.title, b.reason])).toEqual([
      ["Overdue", overdueReason],
      ["Slow", "20% done, 50% expected by now"],
      ["Silent", "No check-in yet, 40% of its time has passed"],
    ]);
    expect(a.goals.find((g) => g.title === "On track")!.schedule).toMatchObject({ behind: false, expected: 50 });

    const { goals: all, total } = await w.manager.api.goal.behind({ workspaceSlug: w.slug });
    expect(total).toBe(4);
    expect(all.map((b) => [b.title, b.partnershipName])).toEqual([
      ["Overdue", w.partnershipA.name],
      ["Slow", w.partnershipA.name],
      ["Other partnership", w.partnershipB.name],
      ["Silent", w.partnershipA.name],
    ]);
    expect(all.find((b) => b.title === "Slow")).toMatchObject({ progress: 20, expected: 50, reason: "20% done, 50% expected by now" });
    expect((await w.executive.api.goal.behind({ workspaceSlug: w.slug })).goals.map((b) => b.title)).toHaveLength(4);
    expect((await w.contactA.api.goal.behind({ workspaceSlug: w.slug })).goals.map((b) => b.title).sort()).toEqual([
      "Overdue",
      "Silent",
      "Slow",
    ]);
    expect((await w.contactB.api.goal.behind({ workspaceSlug: w.slug })).goals.map((b) => b.title)).toEqual(["Other partnership"]);
    expect(await w.outsider.api.goal.behind({ workspaceSlug: w.slug })).toEqual({ goals: [], total: 0 });

    // An archived partnership's goals are history, not on the dashboard.
    await db().partnership.update({ where: keyOf(w.partnershipB), data: { archivedAt: new Date() } });
    expect((await w.manager.api.goal.behind({ workspaceSlug: w.slug })).goals.map((b) => b.title)).not.toContain("Other partnership");
  });
});

describe("access", () => {
  it("lets the executive read but not write", async () => {
    const w = await world();
    const goal = await w.manager.api.goal.create(newGoal(w));
    const seen = await list(w, w.executive.api);
    expect(seen.viewer.canWrite).toBe(false);
    expect(seen.goals[0]!.canEdit).toBe(false);
    await expectTrpcError(w.executive.api.goal.create(newGoal(w)), "FORBIDDEN");
    await expectTrpcError(w.executive.api.goal.checkIn({ workspaceSlug: w.slug, goalId: goal.id, value: 10, note: "" }), "FORBIDDEN");
    await expectTrpcError(
      w.executive.api.goal.update({ workspaceSlug: w.slug, goalId: goal.id, version: 1, status: "DROPPED" }),
      "FORBIDDEN",
    );
  });

  it("answers NOT_FOUND to another organisation's contact; a manager who does not work on it is forbidden its goals, whose ids answer like made-up ones", async () => {
    const w = await world();
    const goal = await w.manager.api.goal.create(newGoal(w));
    await expectTrpcError(list(w, w.contactB.api), "NOT_FOUND");
    await expectTrpcError(
      w.contactB.api.goal.checkIn({ workspaceSlug: w.slug, goalId: goal.id, value: 10, note: "" }),
      "NOT_FOUND",
      /^Goal not found/,
    );
    await expectTrpcError(w.contactB.api.goal.create(newGoal(w, { hostOwnerId: null, partnerOwnerId: null })), "NOT_FOUND");
    await expectTrpcError(list(w, w.outsider.api), "FORBIDDEN");
    await expectTrpcError(
      w.outsider.api.goal.checkIn({ workspaceSlug: w.slug, goalId: goal.id, value: 10, note: "" }),
      "NOT_FOUND",
      /^Goal not found\.$/,
    );
    expect(await db().goalCheckIn.count({ where: { goalId: goal.id } })).toBe(0);
  });

  it("keeps an archived partnership's goals readable and unchangeable", async () => {
    const w = await world();
    const goal = await w.manager.api.goal.create(newGoal(w));
    await db().partnership.update({ where: keyOf(w.partnershipA), data: { archivedAt: new Date() } });
    const seen = await list(w);
    expect(seen.partnership.archived).toBe(true);
    expect(seen.goals).toHaveLength(1);
    await expectTrpcError(w.manager.api.goal.create(newGoal(w)), "BAD_REQUEST", /archived/);
    await expectTrpcError(
      w.admin.api.goal.checkIn({ workspaceSlug: w.slug, goalId: goal.id, value: 10, note: "" }),
      "BAD_REQUEST",
      /archived/,
    );
    await expectTrpcError(
      w.manager.api.goal.update({ workspaceSlug: w.slug, goalId: goal.id, version: 1, status: "DROPPED" }),
      "BAD_REQUEST",
      /archived/,
    );
  });
});

describe("measures", () => {
  it("computes progress from the measured value, in money and when lower is better, and shows it as people write it", async () => {
    const w = await world();
    const pipeline = await w.manager.api.goal.create(
      newGoal(w, { title: "Grow co-sold pipeline", measure: "Joint pipeline", unit: "$", targetValue: 2_000_000 }),
    );
    const churn = await w.manager.api.goal.create(
      newGoal(w, { title: "Cut churn", measure: "Joint customers' churn", unit: "%", startValue: 40, targetValue: 25 }),
    );
    await w.contactA.api.goal.checkIn({ workspaceSlug: w.slug, goalId: pipeline.id, value: 1_200_000, note: "" });
    await w.contactA.api.goal.checkIn({ workspaceSlug: w.slug, goalId: churn.id, value: 31, note: "" });

    const { goals } = await list(w);
    const p = goals.find((g) => g.id === pipeline.id)!;
    expect(p).toMatchObject({ unit: "$", startValue: 0, targetValue: 2_000_000, targetText: "$2.0M" });
    expect(p.latest).toMatchObject({ value: 1_200_000, valueText: "$1.2M of $2.0M", progress: 60 });
    expect(p.checkIns[0]).toMatchObject({ valueText: "$1.2M", progress: 60 });
    const c = goals.find((g) => g.id === churn.id)!;
    expect(c.targetText).toBe("from 40% to 25%");
    expect(c.latest).toMatchObject({ valueText: "31% of 25%", progress: 60 });
    expect(await db().goalCheckIn.findFirstOrThrow({ where: { goalId: churn.id } })).toMatchObject({ value: 31 });
  });

  it("refuses a target equal to the start, on creation and on edit, and changes nothing", async () => {
    const w = await world();
    await expectTrpcError(w.manager.api.goal.create(newGoal(w, { startValue: 5, targetValue: 5 })), "BAD_REQUEST", /differ from the start/);
    const goal = await w.manager.api.goal.create(newGoal(w));
    await expectTrpcError(
      w.manager.api.goal.update({ workspaceSlug: w.slug, goalId: goal.id, version: 1, startValue: 100 }),
      "BAD_REQUEST",
      /differ from the start/,
    );
    expect(await db().goal.findFirstOrThrow({ where: { id: goal.id } })).toMatchObject({ startValue: 0, version: 1 });
    expect(await db().goalRevision.count({ where: { goalId: goal.id } })).toBe(0);
  });
});

describe("history", () => {
  it("keeps who changed which field from what to what, newest first; a stale edit adds nothing", async () => {
    const w = await world();
    const goal = await w.manager.api.goal.create(newGoal(w, { unit: "$", targetValue: 2_000_000, dueDate: ymd(90) }));
    await w.manager.api.goal.update({
      workspaceSlug: w.slug,
      goalId: goal.id,
      version: 1,
      title: "Grow co-sold pipeline",
      targetValue: 2_500_000,
      dueDate: ymd(120),
      // Unchanged: not in the history.
      measure: "Qualified joint opportunities",
    });
    await w.contactA.api.goal.update({
      workspaceSlug: w.slug,
      goalId: goal.id,
      version: 2,
      partnerOwnerId: w.colleague.member.id,
      status: "DROPPED",
    });
    await expectTrpcError(
      w.manager.api.goal.update({ workspaceSlug: w.slug, goalId: goal.id, version: 2, title: "Too late" }),
      "CONFLICT",
      /Someone else changed this goal/,
    );
    // Saving what is already there makes no new version and no revision.
    expect(await w.manager.api.goal.update({ workspaceSlug: w.slug, goalId: goal.id, version: 3, status: "DROPPED" })).toEqual({
      id: goal.id,
      version: 3,
    });

    const g = (await list(w)).goals[0]!;
    const day = (n: number) =>
      new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
        new Date(`${ymd(n)}T00:00:00Z`),
      );
    expect(g.revisions.map((r) => ({ version: r.version, by: r.by, changes: r.changes }))).toEqual([
      {
        version: 3,
        by: w.contactA.user.name,
        changes: [
          { field: "status", from: "Active", to: "Dropped" },
          { field: "partnerOwner", from: w.contactA.user.name, to: w.colleague.user.name },
        ],
      },
      {
        version: 2,
        by: w.manager.user.name,
        changes: [
          { field: "title", from: "Grow joint pipeline", to: "Grow co-sold pipeline" },
          { field: "targetValue", from: "$2.0M", to: "$2.5M" },
          { field: "dueDate", from: day(90), to: day(120) },
        ],
      },
    ]);
    expect(await db().goalRevision.count({ where: { goalId: goal.id } })).toBe(2);
  });
});

describe("the goals page across partnerships", () => {
  it("lists goals behind schedule by default, or every active or every goal, only from partnerships the viewer may read", async () => {
    const w = await world();
    const mk = async (title: string, partnershipId: string, over: Record<string, unknown> = {}) =>
      w.manager.api.goal.create(newGoal(w, { title, partnershipId, startDate: ymd(-500), dueDate: ymd(500), ...over }));
    const slow = await mk("Slow pipeline", w.partnershipA.id, { unit: "$", targetValue: 2_000_000 });
    await w.manager.api.goal.checkIn({ workspaceSlug: w.slug, goalId: slow.id, value: 400_000, note: "" });
    const fine = await mk("Certified engineers", w.partnershipA.id, { unit: "engineers", targetValue: 20 });
    await w.manager.api.goal.checkIn({ workspaceSlug: w.slug, goalId: fine.id, value: 11, note: "" });
    const done = await mk("References", w.partnershipB.id, { partnerOwnerId: w.contactB.member.id });
    await w.manager.api.goal.update({ workspaceSlug: w.slug, goalId: done.id, version: 1, status: "ACHIEVED" });
    await mk("Silent in B", w.partnershipB.id, { partnerOwnerId: w.contactB.member.id });

    const behind = await w.executive.api.goal.portfolio({ workspaceSlug: w.slug });
    expect(behind.show).toBe("behind");
    expect(behind.goals.map((g) => [g.title, g.partnershipName, g.valueText, g.reason])).toEqual([
      ["Slow pipeline", w.partnershipA.name, "$0.4M of $2.0M", "20% done, 50% expected by now"],
      ["Silent in B", w.partnershipB.name, null, "No check-in yet, 50% of its time has passed"],
    ]);
    expect(behind.partnerships).toBe(2);
    const active = await w.executive.api.goal.portfolio({ workspaceSlug: w.slug, show: "active" });
    expect(active.goals.map((g) => g.title).sort()).toEqual(["Certified engineers", "Silent in B", "Slow pipeline"]);
    const every = await w.executive.api.goal.portfolio({ workspaceSlug: w.slug, show: "all" });
    expect(every.goals.find((g) => g.title === "References")).toMatchObject({ status: "ACHIEVED", behind: false });
    expect(every.goals).toHaveLength(4);
    expect(every.page).toMatchObject({ number: 1, pages: 1, total: 4, from: 1, to: 4 });

    // A partner contact sees only their own organisation's goals; a manager who works on none, none.
    expect((await w.contactA.api.goal.portfolio({ workspaceSlug: w.slug, show: "all" })).goals.map((g) => g.title).sort()).toEqual([
      "Certified engineers",
      "Slow pipeline",
    ]);
    expect((await w.contactB.api.goal.portfolio({ workspaceSlug: w.slug, show: "all" })).goals.map((g) => g.title).sort()).toEqual([
      "References",
      "Silent in B",
    ]);
    expect((await w.outsider.api.goal.portfolio({ workspaceSlug: w.slug, show: "all" })).goals).toEqual([]);

    // Twenty-two more goals with no check-in at half their time: behind. Each list reads one page
    // at a time, in due order, and its pages together are the whole list.
    const halfway = (n: number) => ({
      start: new Date(Date.now() - (100 + n) * 86_400_000),
      due: new Date(Date.now() + (100 - n) * 86_400_000),
    });
    await db().goal.createMany({
      data: Array.from({ length: 22 }, (_, n) => ({
        workspaceId: w.workspace.id,
        partnershipId: w.partnershipA.id,
        title: `Silent ${n}`,
        measure: "Progress",
        targetValue: 100,
        startDate: halfway(n).start,
        dueDate: halfway(n).due,
        createdById: w.manager.member.id,
      })),
    });
    const expected = { behind: 24, active: 25, all: 26 };
    for (const show of ["behind", "active", "all"] as const) {
      const first = await w.executive.api.goal.portfolio({ workspaceSlug: w.slug, show, page: 1, pageSize: 20 });
      const second = await w.executive.api.goal.portfolio({ workspaceSlug: w.slug, show, page: 2, pageSize: 20 });
      const whole = await w.executive.api.goal.portfolio({ workspaceSlug: w.slug, show, pageSize: 50 });
      expect(first.page, show).toMatchObject({ number: 1, pages: 2, total: expected[show], from: 1, to: 20 });
      expect(second.page, show).toMatchObject({ number: 2, from: 21, to: expected[show] });
      expect(
        [...first.goals, ...second.goals].map((g) => g.goalId),
        show,
      ).toEqual(whole.goals.map((g) => g.goalId));
      expect(whole.goals, show).toHaveLength(expected[show]);
    }
    const firstBehind = await w.executive.api.goal.behind({ workspaceSlug: w.slug });
    expect([firstBehind.goals.length, firstBehind.total]).toEqual([10, 24]);
  });
});
