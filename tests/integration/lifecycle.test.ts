// A partnership's lifecycle on the real database: renewal reviews opening on time and once,
// decisions recorded with reasons and who, exit archiving without losing a row, the history
// export, restore, concurrent deciders, and who may do what.
import { describe, expect, it } from "vitest";
import { addMember, createCycle, createResponses } from "../../prisma/factories";
import { forWorkspace } from "../../server/db/tenant";
import { createAction } from "../../server/services/actions/record";
import { historyCsv } from "../../server/services/lifecycle/history";
import { openDueRenewalReviews } from "../../server/services/lifecycle/renewal";
import { buildWorld, callerFor, closedQuarter, db, expectTrpcError, appDb, keyOf } from "./helpers";

type World = Awaited<ReturnType<typeof buildWorld>>;

const DAY = 86_400_000;
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
// A renewal date far enough ahead that "after today" always holds, whatever day the tests run.
const RENEWAL = day("2031-03-02");

async function renewalWorld(phase: "ACTIVE" | "ONBOARDING" = "ACTIVE") {
  const w = await buildWorld();
  await db().partnership.update({ where: keyOf(w.partnershipA), data: { renewalDate: RENEWAL, phase } });
  const args = { workspaceSlug: w.slug, partnershipId: w.partnershipA.id };
  return { w, args };
}

const reviews = (partnershipId: string) => db().renewalReview.findMany({ where: { partnershipId } });
const phaseChanges = (partnershipId: string) =>
  db().phaseChange.findMany({ where: { partnershipId }, orderBy: [{ at: "asc" }, { id: "asc" }] });

describe("the renewal review job", () => {
  it("opens a review 60 days before the renewal date (not at 61), once, however often it runs", async () => {
    const { w } = await renewalWorld();
    const run = (at: Date) => openDueRenewalReviews(forWorkspace(appDb(), w.workspace.id), at);
    const sixtyDaysBefore = new Date(RENEWAL.getTime() - 60 * DAY);

    expect(await run(new Date(RENEWAL.getTime() - 61 * DAY))).toEqual([]);
    expect(await run(new Date(sixtyDaysBefore.getTime() - 1000))).toEqual([]);
    expect(await reviews(w.partnershipA.id)).toHaveLength(0);

    // Two runs at once (two app instances), then another a minute later.
    const [first, second] = await Promise.all([run(sixtyDaysBefore), run(sixtyDaysBefore)]);
    expect([...first, ...second]).toEqual([`${w.slug}/${w.partnershipA.name}`]);
    expect(await run(new Date(sixtyDaysBefore.getTime() + 60_000))).toEqual([]);

    const [review] = await reviews(w.partnershipA.id);
    expect(await reviews(w.partnershipA.id)).toHaveLength(1);
    expect(review).toMatchObject({ renewalDate: RENEWAL, previousPhase: "ACTIVE", openedById: null, decision: null });
    const p = await db().partnership.findFirstOrThrow({ where: { id: w.partnershipA.id } });
    expect(p.phase).toBe("RENEWAL_REVIEW");
    expect((await phaseChanges(w.partnershipA.id)).map((c) => [c.fromPhase, c.toPhase, c.memberId])).toEqual([
      ["ACTIVE", "RENEWAL_REVIEW", null],
    ]);

    // The owner is told once, in the app and by email, with the link to the review.
    const notes = await db().notification.findMany({ where: { workspaceId: w.workspace.id } });
    expect(notes.map((n) => [n.memberId, n.kind])).toEqual([[w.manager.member.id, "RENEWAL_REVIEW"]]);
    expect(notes[0]!.link).toBe(`/w/${w.slug}/partnerships/${w.partnershipA.id}/renewal`);
    const emails = await db().outboxEmail.findMany({ where: { workspaceId: w.workspace.id, kind: "ALERT" } });
    expect(emails.map((e) => e.to)).toEqual([w.manager.user.email]);
    expect(emails[0]!.link).toMatch(new RegExp(`/w/${w.slug}/partnerships/${w.partnershipA.id}/renewal$`));

    // Partnership B has no renewal date: nothing to review.
    expect(await reviews(w.partnershipB.id)).toHaveLength(0);
  });

  it("uses the workspace's lead time, which admins set between 7 and 365 days", async () => {
    const { w } = await renewalWorld();
    await expectTrpcError(
      w.admin.api.workspace.updateRenewalSettings({ workspaceSlug: w.slug, renewalReviewDays: 6 }),
      "BAD_REQUEST",
      /at least 7/,
    );
    await expectTrpcError(w.manager.api.workspace.updateRenewalSettings({ workspaceSlug: w.slug, renewalReviewDays: 30 }), "FORBIDDEN");
    await w.admin.api.workspace.updateRenewalSettings({ workspaceSlug: w.slug, renewalReviewDays: 30 });
    expect((await w.admin.api.workspace.current({ workspaceSlug: w.slug })).renewalReviewDays).toBe(30);

    const run = (daysBefore: number) =>
      openDueRenewalReviews(forWorkspace(appDb(), w.workspace.id), new Date(RENEWAL.getTime() - daysBefore * DAY));
    expect(await run(31)).toEqual([]);
    expect(await run(30)).toHaveLength(1);
  });

  it("leaves archived, exited and already reviewed renewal dates alone", async () => {
    const { w } = await renewalWorld();
    await db().partnership.update({ where: keyOf(w.partnershipB), data: { renewalDate: RENEWAL } });
    await w.manager.api.lifecycle.changePhase({
      workspaceSlug: w.slug,
      partnershipId: w.partnershipB.id,
      phase: "EXITED",
      reason: "Ended",
    });
    // A renewal date whose review was decided (exit, then restored) is not reviewed again.
    await w.manager.api.lifecycle.openReview({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id });
    const [review] = await reviews(w.partnershipA.id);
    await w.manager.api.lifecycle.decide({
      workspaceSlug: w.slug,
      partnershipId: w.partnershipA.id,
      reviewId: review!.id,
      decision: "EXIT",
      reasons: "No fit",
    });
    await w.manager.api.lifecycle.restore({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id });

    expect(await openDueRenewalReviews(forWorkspace(appDb(), w.workspace.id), new Date(RENEWAL.getTime() - DAY))).toEqual([]);
    expect(await reviews(w.partnershipB.id)).toHaveLength(0);
    expect(await reviews(w.partnershipA.id)).toHaveLength(1);
    expect(await w.manager.api.lifecycle.review({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id })).toMatchObject({
      currentDateReviewed: "EXIT",
      reviewDue: false,
      openReview: null,
    });
    await expectTrpcError(
      w.manager.api.lifecycle.openReview({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id }),
      "BAD_REQUEST",
      /already reviewed \(Exit\)/,
    );
  });
});

describe("renewal decisions", () => {
  it("records the decision with its reasons and who decided; renewing sets Renewed and the next date", async () => {
    const { w, args } = await renewalWorld();
    await w.manager.api.lifecycle.openReview(args);
    const page = await w.manager.api.lifecycle.review(args);
    expect(page.openReview).toMatchObject({ renewalDate: RENEWAL, openedByName: w.manager.user.name });
    expect(page.viewer.canDecide).toBe(true);
    const reviewId = page.openReview!.id;

    // Bad input changes nothing.
    await expectTrpcError(
      w.manager.api.lifecycle.decide({ ...args, reviewId, decision: "RENEW", reasons: "   " }),
      "BAD_REQUEST",
      /Say why/,
    );
    await expectTrpcError(
      w.manager.api.lifecycle.decide({ ...args, reviewId, decision: "RENEW", reasons: "Good year" }),
      "BAD_REQUEST",
      /next renewal date/,
    );
    await expectTrpcError(
      w.manager.api.lifecycle.decide({ ...args, reviewId, decision: "RENEW", reasons: "Good year", nextRenewalDate: isoDay(new Date()) }),
      "BAD_REQUEST",
      /after today/,
    );
    await expectTrpcError(
      w.manager.api.lifecycle.decide({ ...args, reviewId, decision: "RENEW", reasons: "Good year", nextRenewalDate: "2031-03-01" }),
      "BAD_REQUEST",
      /after the renewal under review/,
    );
    await expectTrpcError(
      w.manager.api.lifecycle.decide({ ...args, reviewId, decision: "EXIT", reasons: "x", nextRenewalDate: "2032-03-01" }),
      "BAD_REQUEST",
      /no next renewal date/,
    );
    await expectTrpcError(
      w.manager.api.lifecycle.decide({ ...args, reviewId, decision: "RENEW", reasons: "x".repeat(2001), nextRenewalDate: "2032-03-02" }),
      "BAD_REQUEST",
      /2000/,
    );
    expect((await reviews(w.partnershipA.id))[0]!.decision).toBeNull();

    await w.manager.api.lifecycle.decide({
      ...args,
      reviewId,
      decision: "RENEW",
      reasons: "  Strong pipeline, both sides committed.  ",
      nextRenewalDate: "2032-03-02",
    });
    const [review] = await reviews(w.partnershipA.id);
    expect(review).toMatchObject({
      decision: "RENEW",
      reasons: "Strong pipeline, both sides committed.",
      decidedById: w.manager.member.id,
      nextRenewalDate: day("2032-03-02"),
    });
    expect(review!.decidedAt).toBeInstanceOf(Date);
    const p = await db().partnership.findFirstOrThrow({ where: { id: w.partnershipA.id } });
    expect(p).toMatchObject({ phase: "RENEWED", renewalDate: day("2032-03-02"), archivedAt: null });
    expect((await phaseChanges(w.partnershipA.id)).map((c) => [c.fromPhase, c.toPhase, c.memberId])).toEqual([
      ["ACTIVE", "RENEWAL_REVIEW", w.manager.member.id],
      ["RENEWAL_REVIEW", "RENEWED", w.manager.member.id],
    ]);

    // Decided once: a second decision is refused; the page lists it among past reviews.
    await expectTrpcError(
      w.admin.api.lifecycle.decide({ ...args, reviewId, decision: "EXIT", reasons: "Changed my mind" }),
      "CONFLICT",
      /decided a moment ago/,
    );
    const after = await w.executive.api.lifecycle.review(args);
    expect(after.openReview).toBeNull();
    expect(after.pastReviews).toEqual([
      expect.objectContaining({ decision: "RENEW", decidedByName: w.manager.user.name, reasons: "Strong pipeline, both sides committed." }),
    ]);
    expect(after.phaseChanges.map((c) => c.to)).toEqual(["RENEWED", "RENEWAL_REVIEW"]);
  });

  it("lets exactly one of two people deciding at once win; the other gets CONFLICT", async () => {
    const { w, args } = await renewalWorld();
    await w.manager.api.lifecycle.openReview(args);
    const [review] = await reviews(w.partnershipA.id);
    const results = await Promise.allSettled([
      w.manager.api.lifecycle.decide({ ...args, reviewId: review!.id, decision: "RENEW", reasons: "Renew", nextRenewalDate: "2032-03-02" }),
      w.admin.api.lifecycle.decide({ ...args, reviewId: review!.id, decision: "EXIT", reasons: "Exit" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason.code).toBe("CONFLICT");

    const [decided] = await reviews(w.partnershipA.id);
    const p = await db().partnership.findFirstOrThrow({ where: { id: w.partnershipA.id } });
    // The partnership follows the winning decision, and only it.
    if (decided!.decision === "RENEW") expect(p).toMatchObject({ phase: "RENEWED", archivedAt: null });
    else expect(p.phase).toBe("EXITED");
    expect((await phaseChanges(w.partnershipA.id)).filter((c) => c.fromPhase === "RENEWAL_REVIEW")).toHaveLength(1);
  });

  it("keeps a partnership under review in that phase until the review is decided", async () => {
    const { w, args } = await renewalWorld();
    await w.manager.api.lifecycle.openReview(args);
    await expectTrpcError(w.manager.api.lifecycle.openReview(args), "CONFLICT", /already open/);
    await expectTrpcError(w.manager.api.lifecycle.changePhase({ ...args, phase: "ACTIVE", reason: "" }), "BAD_REQUEST", /decision first/);
    await expectTrpcError(w.manager.api.lifecycle.changePhase({ ...args, phase: "EXITED", reason: "" }), "BAD_REQUEST", /decision first/);
    // Without a renewal date there is nothing to review.
    await expectTrpcError(
      w.manager.api.lifecycle.openReview({ workspaceSlug: w.slug, partnershipId: w.partnershipB.id }),
      "BAD_REQUEST",
      /no renewal date/,
    );
  });
});

describe("exit and restore", () => {
  // Partnership A with a scored history, actions, a goal with a check-in and an open review.
  async function historyWorld() {
    const { w, args } = await renewalWorld("ONBOARDING");
    const d = db();
    const ws = w.workspace.id;
    const q3 = await closedQuarter(ws, "2020-Q3");
    const q4 = await closedQuarter(ws, "2020-Q4");
    for (const [cycle, value] of [
      [q3, 4],
      [q4, 3],
    ] as const) {
      await createResponses(d, ws, [
        { cycleId: cycle.id, partnershipId: w.partnershipA.id, memberId: w.manager.member.id, side: "HOST", answers: value },
        { cycleId: cycle.id, partnershipId: w.partnershipA.id, memberId: w.contactA.member.id, side: "PARTNER", answers: value },
      ]);
    }
    const tdb = forWorkspace(d, ws);
    await createAction(tdb, w.manager.member.id, {
      partnershipId: w.partnershipA.id,
      title: "Joint QBR every quarter",
      pillarKey: "coordination",
      cycleId: q4.id,
    });
    const done = await createAction(tdb, w.manager.member.id, {
      partnershipId: w.partnershipA.id,
      title: "Shared escalation path",
      ownerMemberId: w.contactA.member.id,
    });
    await d.action.update({ where: keyOf(done), data: { status: "DONE", doneAt: new Date() } });
    const goal = await d.goal.create({
      data: {
        workspaceId: ws,
        partnershipId: w.partnershipA.id,
        title: "Grow joint pipeline",
        measure: "Qualified opportunities",
        unit: "opportunities",
        targetValue: 40,
        startDate: day("2020-07-01"),
        dueDate: day("2021-06-30"),
        createdById: w.manager.member.id,
      },
    });
    await d.goalCheckIn.create({
      data: { workspaceId: ws, goalId: goal.id, cycleId: q4.id, value: 14, note: "On track", memberId: w.manager.member.id },
    });
    await w.manager.api.lifecycle.openReview(args);
    return { w, args, q3, q4 };
  }

  async function counts(w: World) {
    const where = { partnershipId: w.partnershipA.id };
    const d = db();
    return {
      responses: await d.response.count({ where }),
      scores: await d.partnershipCycleScore.count({ where }),
      pillarScores: await d.pillarCycleScore.count({ where }),
      actions: await d.action.count({ where }),
      actionEvents: await d.actionEvent.count({ where: { action: where } }),
      goals: await d.goal.count({ where }),
      checkIns: await d.goalCheckIn.count({ where: { goal: where } }),
      reviews: await d.renewalReview.count({ where }),
      participants: await d.cycleParticipant.count({ where }),
    };
  }

  it("exiting archives: out of the portfolio and new cycles, read-only, every row kept and exported; restore brings it back", async () => {
    const { w, args } = await historyWorld();
    const before = await counts(w);
    expect(before).toMatchObject({ responses: 4, scores: 2, actions: 2, goals: 1, checkIns: 1, reviews: 1 });
    const [review] = await reviews(w.partnershipA.id);

    // What the review shows: the health history and the gaps (one response a side: under the
    // threshold of 3, no figure at all, only why), actions, goals.
    const view = await w.executive.api.lifecycle.review(args);
    expect(view.health.map((h) => [h.cycleLabel, h.health, h.band, h.change, h.withheld])).toEqual([
      ["2020-Q3", null, null, null, "too few responses (2 of 2)"],
      ["2020-Q4", null, null, null, "too few responses (2 of 2)"],
    ]);
    expect(view.gaps).toMatchObject({ cycleLabel: "2020-Q4", visible: false, pillars: [] });
    expect(view.actions.open.map((a) => a.title)).toEqual(["Joint QBR every quarter"]);
    expect(view.actions.done.map((a) => [a.title, a.ownerName])).toEqual([["Shared escalation path", w.contactA.user.name]]);
    // Due in 2021 at 14 of 40 (35%): behind schedule, with the reason the review shows beside it.
    expect(view.goals).toEqual([
      expect.objectContaining({
        title: "Grow joint pipeline",
        targetText: "40 opportunities",
        valueText: "14 of 40 opportunities",
        progress: 35,
        lastCheckIn: "2020-Q4",
        behind: "Past its due date (30 Jun 2021) at 35%",
      }),
    ]);
    await db().workspace.update({ where: { id: w.workspace.id }, data: { confidentialityThreshold: 1 } });
    const shown = await w.executive.api.lifecycle.review(args);
    expect(shown.health.map((h) => [h.cycleLabel, h.health, h.change, h.withheld])).toEqual([
      ["2020-Q3", 75, null, null],
      ["2020-Q4", 50, -25, null],
    ]);
    expect(shown.gaps).toMatchObject({ cycleLabel: "2020-Q4", visible: true, note: null });
    expect(shown.gaps!.pillars[0]).toEqual({ key: "trust", name: "Trust", host: 50, partner: 50, gap: 0, flagged: false });

    await w.manager.api.lifecycle.decide({
      ...args,
      reviewId: review!.id,
      decision: "EXIT",
      reasons: "The partner is moving out of our market.",
    });

    const p = await db().partnership.findFirstOrThrow({ where: { id: w.partnershipA.id } });
    expect(p.phase).toBe("EXITED");
    expect(p.archivedAt).toBeInstanceOf(Date);
    expect(await counts(w)).toEqual(before);

    // Out of the active portfolio; still on its scorecard, and marked in the list.
    const overview = await w.executive.api.portfolio.overview({ workspaceSlug: w.slug });
    expect(overview.rows.map((r) => r.id)).toEqual([w.partnershipB.id]);
    const card = await w.executive.api.partnership.scorecard(args);
    expect(card.current?.cycleLabel).toBe("2020-Q4");
    const listed = await w.executive.api.partnership.list({ workspaceSlug: w.slug });
    expect(listed.find((x) => x.id === w.partnershipA.id)?.archivedAt).toBeInstanceOf(Date);

    // Read-only: the participation rule, the settings form, the lifecycle, the survey lists.
    const newAction = (who: typeof w.contactA) =>
      who.api.action.create({ ...args, title: "After the exit", ownerMemberId: who.member.id, dueDate: "2031-01-31" });
    await expectTrpcError(newAction(w.manager), "BAD_REQUEST", /archived/);
    await expectTrpcError(newAction(w.contactA), "BAD_REQUEST", /archived/);
    await expectTrpcError(
      w.admin.api.partnership.update({ ...args, name: "Renamed", tier: "CORE", phase: "ACTIVE" }),
      "BAD_REQUEST",
      /archived/,
    );
    await expectTrpcError(w.manager.api.lifecycle.changePhase({ ...args, phase: "ACTIVE", reason: "" }), "BAD_REQUEST", /archived/);
    await expectTrpcError(w.admin.api.lifecycle.openReview(args), "BAD_REQUEST", /archived/);
    await expectTrpcError(
      w.admin.api.participant.add({
        cycleId: w.cycle.id,
        partnershipId: w.partnershipA.id,
        memberId: w.admin.member.id,
        workspaceSlug: w.slug,
      }),
      "BAD_REQUEST",
      /archived/,
    );
    expect((await w.contactA.api.response.owed({ workspaceSlug: w.slug })).map((o) => o.partnershipId)).not.toContain(w.partnershipA.id);
    const next = await createCycle(db(), w.workspace.id, { status: "DRAFT" });
    expect(await db().cycleParticipant.count({ where: { cycleId: next.id, partnershipId: w.partnershipA.id } })).toBe(0);

    // Its whole history is exportable.
    const csv = historyCsv(await w.executive.api.lifecycle.history(args));
    expect(csv.split("\r\n")[0]).toBe("record,cycle,date,title,pillar,status,score,person,details");
    for (const expected of [
      "health,2020-Q3,",
      "health,2020-Q4,",
      "pillar score,2020-Q4,",
      "action,2020-Q4,,Joint QBR every quarter,coordination,Open",
      `Shared escalation path,,Done,,${w.contactA.user.name}`,
      "goal,,2021-06-30,Grow joint pipeline,,Active",
      `goal check-in,2020-Q4,`,
      "14 opportunities (35%)",
      "Onboarding → Renewal review",
      "Renewal review → Exited",
      "renewal review,",
      "Exit,",
      "The partner is moving out of our market.",
    ]) {
      expect(csv).toContain(expected);
    }

    // Restore: back to the phase before the review, with a history row; asked about again.
    const restored = await w.manager.api.lifecycle.restore({ ...args, reason: "They came back" });
    expect(restored.phase).toBe("ONBOARDING");
    const back = await db().partnership.findFirstOrThrow({ where: { id: w.partnershipA.id } });
    expect(back).toMatchObject({ phase: "ONBOARDING", archivedAt: null });
    expect((await phaseChanges(w.partnershipA.id)).at(-1)).toMatchObject({
      fromPhase: "EXITED",
      toPhase: "ONBOARDING",
      memberId: w.manager.member.id,
      reason: "They came back",
    });
    expect(await counts(w)).toMatchObject({ ...before, participants: before.participants + 2 });
    expect(await db().cycleParticipant.count({ where: { cycleId: next.id, partnershipId: w.partnershipA.id } })).toBe(2);
    await newAction(w.contactA);
    expect((await w.executive.api.portfolio.overview({ workspaceSlug: w.slug })).rows).toHaveLength(2);
  });

  it("an exit by phase change archives too, and restore returns to the phase it left", async () => {
    const { w, args } = await renewalWorld();
    await w.manager.api.lifecycle.changePhase({ ...args, phase: "RENEWED", reason: "Signed early" });
    await w.manager.api.lifecycle.changePhase({ ...args, phase: "EXITED", reason: "Wound down" });
    expect(await db().partnership.findFirstOrThrow({ where: { id: w.partnershipA.id } })).toMatchObject({
      phase: "EXITED",
      archivedAt: expect.any(Date),
    });
    await expectTrpcError(w.executive.api.lifecycle.restore(args), "FORBIDDEN");
    const teamManager = await addMember(db(), w.workspace.id, { role: "MANAGER" });
    await db().partnershipTeamMember.create({
      data: { workspaceId: w.workspace.id, partnershipId: w.partnershipA.id, memberId: teamManager.member.id },
    });
    await expectTrpcError(callerFor(teamManager.user.id).lifecycle.restore(args), "FORBIDDEN", /owner/);

    expect(await w.admin.api.lifecycle.restore(args)).toEqual({ phase: "RENEWED" });
    await expectTrpcError(w.admin.api.lifecycle.restore(args), "BAD_REQUEST", /not archived/);
    expect((await phaseChanges(w.partnershipA.id)).map((c) => [c.fromPhase, c.toPhase, c.reason])).toEqual([
      ["ACTIVE", "RENEWED", "Signed early"],
      ["RENEWED", "EXITED", "Wound down"],
      ["EXITED", "RENEWED", "Restored from the archive."],
    ]);
  });
});

describe("the partnership settings form", () => {
  it("changes the phase through the lifecycle: recorded, Exited archives, Renewal review opens a review", async () => {
    const { w, args } = await renewalWorld();
    const fields = { ...args, name: w.partnershipA.name, tier: "CORE" as const, renewalDate: isoDay(RENEWAL) };
    await w.admin.api.partnership.update({ ...fields, phase: "ONBOARDING" });
    await w.admin.api.partnership.update({ ...fields, phase: "RENEWAL_REVIEW" });
    expect(await reviews(w.partnershipA.id)).toEqual([
      expect.objectContaining({ previousPhase: "ONBOARDING", openedById: w.admin.member.id }),
    ]);
    await expectTrpcError(w.admin.api.partnership.update({ ...fields, phase: "EXITED" }), "BAD_REQUEST", /decision first/);

    // Without a renewal date no review can open, and nothing of the edit is saved.
    const b = { workspaceSlug: w.slug, partnershipId: w.partnershipB.id, tier: "CORE" as const };
    await expectTrpcError(
      w.admin.api.partnership.update({ ...b, name: "Renamed B", phase: "RENEWAL_REVIEW" }),
      "BAD_REQUEST",
      /no renewal date/,
    );
    expect((await db().partnership.findFirstOrThrow({ where: { id: w.partnershipB.id } })).name).toBe(w.partnershipB.name);

    await w.admin.api.partnership.update({ ...b, name: w.partnershipB.name, phase: "EXITED" });
    expect(await db().partnership.findFirstOrThrow({ where: { id: w.partnershipB.id } })).toMatchObject({
      phase: "EXITED",
      archivedAt: expect.any(Date),
    });
    expect((await phaseChanges(w.partnershipA.id)).map((c) => [c.fromPhase, c.toPhase, c.memberId])).toEqual([
      ["ACTIVE", "ONBOARDING", w.admin.member.id],
      ["ONBOARDING", "RENEWAL_REVIEW", w.admin.member.id],
    ]);
    expect((await phaseChanges(w.partnershipB.id)).map((c) => [c.fromPhase, c.toPhase, c.reason])).toEqual([
      ["ACTIVE", "EXITED", "Changed in the partnership's settings."],
    ]);

    await expectTrpcError(
      w.admin.api.partnership.create({
        workspaceSlug: w.slug,
        name: "New",
        partnerOrgId: w.orgA.id,
        tier: "CORE",
        phase: "EXITED" as "ACTIVE",
      }),
      "BAD_REQUEST",
      /starts as/,
    );
  });
});

describe("who may see and decide a partnership's lifecycle", () => {
  it("executives read but change nothing; partner contacts do not see it; only the owner or an admin decides", async () => {
    const { w, args } = await renewalWorld();
    await w.manager.api.lifecycle.openReview(args);
    const [review] = await reviews(w.partnershipA.id);
    const decide = { ...args, reviewId: review!.id, decision: "RENEW" as const, reasons: "Renew", nextRenewalDate: "2032-03-02" };

    // Executive: reads the review and the history, decides nothing.
    expect((await w.executive.api.lifecycle.review(args)).viewer).toEqual({ canDecide: false, canRestore: false });
    await w.executive.api.lifecycle.history(args);
    await expectTrpcError(w.executive.api.lifecycle.decide(decide), "FORBIDDEN", /Executives/);
    await expectTrpcError(w.executive.api.lifecycle.changePhase({ ...args, phase: "ACTIVE", reason: "" }), "FORBIDDEN");

    // Partner contacts, of this partnership's organisation or another: as if it did not exist.
    for (const contact of [w.contactA, w.contactB]) {
      await expectTrpcError(contact.api.lifecycle.review(args), "NOT_FOUND");
      await expectTrpcError(contact.api.lifecycle.history(args), "NOT_FOUND");
      await expectTrpcError(contact.api.lifecycle.decide(decide), "NOT_FOUND");
    }

    // A manager on the team reads it but does not decide; one not on it does not see it.
    const teamManager = await addMember(db(), w.workspace.id, { role: "MANAGER" });
    await db().partnershipTeamMember.create({
      data: { workspaceId: w.workspace.id, partnershipId: w.partnershipA.id, memberId: teamManager.member.id },
    });
    const team = callerFor(teamManager.user.id);
    expect((await team.lifecycle.review(args)).viewer.canDecide).toBe(false);
    await expectTrpcError(team.lifecycle.decide(decide), "FORBIDDEN", /owner/);
    await expectTrpcError(team.lifecycle.changePhase({ ...args, phase: "ACTIVE", reason: "" }), "FORBIDDEN", /owner/);
    const outsider = callerFor((await addMember(db(), w.workspace.id, { role: "MANAGER" })).user.id);
    await expectTrpcError(outsider.lifecycle.review(args), "FORBIDDEN");
    await expectTrpcError(outsider.lifecycle.decide(decide), "FORBIDDEN");

    expect((await reviews(w.partnershipA.id))[0]!.decision).toBeNull();
    // An admin decides for anyone.
    await w.admin.api.lifecycle.decide(decide);
    expect((await reviews(w.partnershipA.id))[0]).toMatchObject({ decision: "RENEW", decidedById: w.admin.member.id });
  });

  it("answers NOT_FOUND for a partnership of another workspace", async () => {
    const { w, args } = await renewalWorld();
    const other = await buildWorld();
    await expectTrpcError(other.admin.api.lifecycle.review({ ...args, workspaceSlug: other.slug }), "NOT_FOUND");
    await expectTrpcError(other.admin.api.lifecycle.openReview({ ...args, workspaceSlug: other.slug }), "NOT_FOUND");
    expect(await reviews(w.partnershipA.id)).toHaveLength(0);
  });
});
