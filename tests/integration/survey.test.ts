import { forWorkspace } from "../../server/db/tenant";
import { describe, expect, it } from "vitest";
import { addMember, createCycle } from "../../prisma/factories";
import { createFrameworkVersion } from "../../server/services/framework";
import { buildWorld, callerFor, db, expectTrpcError, fullAnswers, appDb } from "./helpers";

describe("submitting a survey", () => {
  it("a double submit leaves one response, updated in place", async () => {
    const w = await buildWorld();
    const input = { workspaceSlug: w.slug, cycleId: w.cycle.id, partnershipId: w.partnershipA.id, comments: [] };
    const [first, second] = await Promise.all([
      w.contactA.api.response.submit({ ...input, answers: await fullAnswers(w.cycle.id, 4) }),
      w.contactA.api.response.submit({ ...input, answers: await fullAnswers(w.cycle.id, 5) }),
    ]);
    expect(first.responseId).toBe(second.responseId);
    const responses = await db().response.findMany({ where: { workspaceId: w.workspace.id } });
    expect(responses).toHaveLength(1);
    expect(responses[0]!.side).toBe("PARTNER");
    expect(await db().answer.count({ where: { responseId: first.responseId } })).toBe(16);
  });
});

type World = Awaited<ReturnType<typeof buildWorld>>;

// What a refused submit must leave untouched.
async function counts(w: World) {
  const where = { workspaceId: w.workspace.id };
  return {
    responses: await db().response.count({ where }),
    answers: await db().answer.count({ where }),
    scores: await db().responsePillarScore.count({ where }),
    comments: await db().pillarComment.count({ where }),
  };
}

const submitFor = (w: World, overrides: Partial<{ cycleId: string; partnershipId: string }> = {}) => ({
  workspaceSlug: w.slug,
  cycleId: overrides.cycleId ?? w.cycle.id,
  partnershipId: overrides.partnershipId ?? w.partnershipA.id,
  comments: [] as { pillarId: string; text: string }[],
});

async function pillarsOf(cycleId: string) {
  const cycle = await db().cycle.findFirstOrThrow({ where: { id: cycleId } });
  return db().pillar.findMany({ where: { versionId: cycle.frameworkVersionId }, orderBy: { position: "asc" } });
}

describe("a refused submit writes nothing", () => {
  it("refuses an answer of 6 or 0: answers run from 1 to 5", async () => {
    const w = await buildWorld();
    const before = await counts(w);
    for (const bad of [6, 0]) {
      const answers = await fullAnswers(w.cycle.id, 4);
      answers[3]!.value = bad;
      await expectTrpcError(w.contactA.api.response.submit({ ...submitFor(w), answers }), "BAD_REQUEST", /Answers run from 1 to 5/);
    }
    expect(await counts(w)).toEqual(before);
  });

  it("refuses a statement of another workspace", async () => {
    const w = await buildWorld();
    const other = await buildWorld();
    const before = await counts(w);
    const answers = await fullAnswers(w.cycle.id, 4);
    answers[0] = (await fullAnswers(other.cycle.id, 4))[0]!;
    await expectTrpcError(
      w.contactA.api.response.submit({ ...submitFor(w), answers }),
      "BAD_REQUEST",
      /^An answer refers to a statement that is not in this survey\.$/,
    );
    expect(await counts(w)).toEqual(before);
  });

  it("refuses a statement of another framework version than the cycle's", async () => {
    const w = await buildWorld();
    // A newer framework version and a (draft) cycle made on it; w.cycle keeps version 1.
    await createFrameworkVersion(forWorkspace(appDb(), w.workspace.id));
    const newer = await createCycle(db(), w.workspace.id, { status: "DRAFT" });
    expect(newer.frameworkVersionId).not.toBe(w.cycle.frameworkVersionId);
    const before = await counts(w);
    await expectTrpcError(
      w.contactA.api.response.submit({ ...submitFor(w), answers: await fullAnswers(newer.id, 4) }),
      "BAD_REQUEST",
      /statement that is not in this survey/,
    );
    expect(await counts(w)).toEqual(before);
  });

  it("refuses a survey with a statement left out", async () => {
    const w = await buildWorld();
    const before = await counts(w);
    const answers = (await fullAnswers(w.cycle.id, 4)).slice(1);
    await expectTrpcError(
      w.contactA.api.response.submit({ ...submitFor(w), answers }),
      "BAD_REQUEST",
      /Please answer every statement \(choose "Don't know" where you cannot say\): 1 unanswered\./,
    );
    expect(await counts(w)).toEqual(before);
  });

  it("refuses a statement answered twice", async () => {
    const w = await buildWorld();
    const before = await counts(w);
    const answers = await fullAnswers(w.cycle.id, 4);
    answers.push({ statementId: answers[0]!.statementId, value: 2 });
    await expectTrpcError(
      w.contactA.api.response.submit({ ...submitFor(w), answers }),
      "BAD_REQUEST",
      /^A statement was answered twice\.$/,
    );
    expect(await counts(w)).toEqual(before);
  });

  it("refuses a comment over 2,000 characters", async () => {
    const w = await buildWorld();
    const before = await counts(w);
    const [trust] = await pillarsOf(w.cycle.id);
    await expectTrpcError(
      w.contactA.api.response.submit({
        ...submitFor(w),
        answers: await fullAnswers(w.cycle.id, 4),
        comments: [{ pillarId: trust!.id, text: "x".repeat(2001) }],
      }),
      "BAD_REQUEST",
      /Keep a comment to 2,000 characters or fewer/,
    );
    expect(await counts(w)).toEqual(before);
  });

  it("accepts a comment of exactly 2,000 characters", async () => {
    const w = await buildWorld();
    const [trust] = await pillarsOf(w.cycle.id);
    const { responseId } = await w.contactA.api.response.submit({
      ...submitFor(w),
      answers: await fullAnswers(w.cycle.id, 4),
      comments: [{ pillarId: trust!.id, text: "x".repeat(2000) }],
    });
    const comments = await db().pillarComment.findMany({ where: { responseId } });
    expect(comments).toHaveLength(1);
    expect(comments[0]!.text).toHaveLength(2000);
  });

  it("refuses a closed cycle and a draft cycle", async () => {
    const w = await buildWorld();
    const closed = await createCycle(db(), w.workspace.id, { status: "CLOSED", label: "2020-Q1" });
    const draft = await createCycle(db(), w.workspace.id, { status: "DRAFT", label: "2030-Q1" });
    const before = await counts(w);
    await expectTrpcError(
      w.contactA.api.response.submit({ ...submitFor(w, { cycleId: closed.id }), answers: await fullAnswers(closed.id, 4) }),
      "BAD_REQUEST",
      /^The 2020-Q1 survey has closed; answers can no longer be changed\.$/,
    );
    await expectTrpcError(
      w.contactA.api.response.submit({ ...submitFor(w, { cycleId: draft.id }), answers: await fullAnswers(draft.id, 4) }),
      "BAD_REQUEST",
      /^The 2030-Q1 survey has not opened yet\.$/,
    );
    expect(await counts(w)).toEqual(before);
  });

  it("refuses a host member who is not asked about the partnership (FORBIDDEN)", async () => {
    const w = await buildWorld();
    const before = await counts(w);
    // The admin neither owns partnership A nor is on its team.
    await expectTrpcError(
      w.admin.api.response.submit({ ...submitFor(w), answers: await fullAnswers(w.cycle.id, 4) }),
      "FORBIDDEN",
      new RegExp(`^You are not asked to answer the ${w.cycle.label} survey about ${w.partnershipA.name}\\.$`),
    );
    expect(await counts(w)).toEqual(before);
  });

  it("refuses a partner contact answering for another organisation's partnership as if it did not exist", async () => {
    const w = await buildWorld();
    const before = await counts(w);
    await expectTrpcError(
      w.contactA.api.response.submit({ ...submitFor(w, { partnershipId: w.partnershipB.id }), answers: await fullAnswers(w.cycle.id, 4) }),
      "NOT_FOUND",
      /^Partnership not found\.$/,
    );
    expect(await counts(w)).toEqual(before);
  });

  it("refuses an executive (FORBIDDEN): executives read, they are not asked", async () => {
    const w = await buildWorld();
    const before = await counts(w);
    await expectTrpcError(
      w.executive.api.response.submit({ ...submitFor(w), answers: await fullAnswers(w.cycle.id, 4) }),
      "FORBIDDEN",
      /You are not asked to answer the .* survey about/,
    );
    expect(await counts(w)).toEqual(before);
  });

  it("leaves an earlier response as it was when a resubmit is refused", async () => {
    const w = await buildWorld();
    const { responseId } = await w.contactA.api.response.submit({ ...submitFor(w), answers: await fullAnswers(w.cycle.id, 4) });
    const before = await db().answer.findMany({ where: { responseId }, orderBy: { statementId: "asc" } });
    const answers = (await fullAnswers(w.cycle.id, 5)).slice(2);
    await expectTrpcError(w.contactA.api.response.submit({ ...submitFor(w), answers }), "BAD_REQUEST", /2 unanswered/);
    expect(await db().answer.findMany({ where: { responseId }, orderBy: { statementId: "asc" } })).toEqual(before);
  });
});

describe("a stored response", () => {
  it("is updated in place on resubmit, with its stored pillar scores", async () => {
    const w = await buildWorld();
    const first = await w.contactA.api.response.submit({ ...submitFor(w), answers: await fullAnswers(w.cycle.id, 4) });
    expect(first.updated).toBe(false);
    const stored = () => db().responsePillarScore.findMany({ where: { responseId: first.responseId } });
    expect((await stored()).map((s) => s.score)).toEqual([75, 75, 75, 75]);

    // Trust all 2 (25), the rest all 5 (100).
    const second = await w.contactA.api.response.submit({
      ...submitFor(w),
      answers: await fullAnswers(w.cycle.id, (key) => (key.startsWith("trust.") ? 2 : 5)),
    });
    expect(second).toEqual({ responseId: first.responseId, updated: true });
    expect(await db().response.count({ where: { workspaceId: w.workspace.id } })).toBe(1);
    expect(await db().answer.count({ where: { responseId: first.responseId } })).toBe(16);
    const pillars = await pillarsOf(w.cycle.id);
    const byPillar = Object.fromEntries((await stored()).map((s) => [pillars.find((p) => p.id === s.pillarId)!.key, s.score]));
    expect(byPillar).toEqual({ trust: 25, commitment: 100, coordination: 100, communication: 100 });
  });

  it('stores "Don\'t know" as null and leaves it out of the stored pillar score', async () => {
    const w = await buildWorld();
    // Trust: 5, 4, Don't know, 3 -> mean 4 -> 75. Commitment: all Don't know -> null.
    const trust: Record<string, number | null> = {
      "trust.promises": 5,
      "trust.transparency": 4,
      "trust.mistakes": null,
      "trust.good-faith": 3,
    };
    const answers = await fullAnswers(w.cycle.id, (key) => (key in trust ? trust[key]! : key.startsWith("commitment.") ? null : 2));
    const { responseId } = await w.contactA.api.response.submit({ ...submitFor(w), answers });

    const statements = await db().statement.findMany({ where: { workspaceId: w.workspace.id } });
    const keyOf = (id: string) => statements.find((s) => s.id === id)!.key;
    const stored = Object.fromEntries((await db().answer.findMany({ where: { responseId } })).map((a) => [keyOf(a.statementId), a.value]));
    expect(stored["trust.mistakes"]).toBeNull();
    expect(stored["trust.promises"]).toBe(5);
    expect(stored["commitment.vision"]).toBeNull();

    const pillars = await pillarsOf(w.cycle.id);
    const scores = await db().responsePillarScore.findMany({ where: { responseId } });
    const byPillar = Object.fromEntries(scores.map((s) => [pillars.find((p) => p.id === s.pillarId)!.key, s.score]));
    expect(byPillar).toEqual({ trust: 75, commitment: null, coordination: 25, communication: 25 });
  });

  it("keeps one comment per pillar and drops blank ones", async () => {
    const w = await buildWorld();
    const [trust, commitment] = await pillarsOf(w.cycle.id);
    const { responseId } = await w.contactA.api.response.submit({
      ...submitFor(w),
      answers: await fullAnswers(w.cycle.id, 4),
      comments: [
        { pillarId: trust!.id, text: "  Great follow-through.  " },
        { pillarId: commitment!.id, text: "   " },
      ],
    });
    const comments = await db().pillarComment.findMany({ where: { responseId } });
    expect(comments.map((c) => [c.pillarId, c.text])).toEqual([[trust!.id, "Great follow-through."]]);
  });
});

describe("surveys owed", () => {
  it("lists the open cycle's partnership for a partner contact, and marks it submitted after submitting", async () => {
    const w = await buildWorld();
    await createCycle(db(), w.workspace.id, { status: "DRAFT" });
    await createCycle(db(), w.workspace.id, { status: "CLOSED" });

    const owed = await w.contactA.api.response.owed({ workspaceSlug: w.slug });
    expect(owed).toEqual([
      {
        cycleId: w.cycle.id,
        cycleLabel: w.cycle.label,
        closesAt: w.cycle.closesAt,
        partnershipId: w.partnershipA.id,
        partnershipName: w.partnershipA.name,
        partnerName: w.orgA.name,
        submittedAt: null,
      },
    ]);

    await w.contactA.api.response.submit({ ...submitFor(w), answers: await fullAnswers(w.cycle.id, 4) });
    const after = await w.contactA.api.response.owed({ workspaceSlug: w.slug });
    expect(after).toHaveLength(1);
    expect(after[0]!.submittedAt).toBeInstanceOf(Date);
  });

  it("lists the manager's own partnerships on the host side", async () => {
    const w = await buildWorld();
    const owed = await w.manager.api.response.owed({ workspaceSlug: w.slug });
    expect(owed.map((o) => o.partnershipId).sort()).toEqual([w.partnershipA.id, w.partnershipB.id].sort());
    expect(await w.admin.api.response.owed({ workspaceSlug: w.slug })).toEqual([]);
  });
});

describe("submitting after saving a draft", () => {
  it("a double submit leaves one response and removes only the submitter's draft", async () => {
    const w = await buildWorld();
    // A colleague at the same partner, asked in the same cycle.
    const colleague = await addMember(db(), w.workspace.id, { role: "PARTNER", partnerOrgId: w.orgA.id });
    await db().cycleParticipant.create({
      data: {
        workspaceId: w.workspace.id,
        cycleId: w.cycle.id,
        partnershipId: w.partnershipA.id,
        memberId: colleague.member.id,
        side: "PARTNER",
      },
    });
    const draft = { ...submitFor(w), answers: (await fullAnswers(w.cycle.id, 3)).slice(0, 5), baseVersion: null };
    await w.contactA.api.response.saveDraft(draft);
    await callerFor(colleague.user.id).response.saveDraft(draft);

    const answers = await fullAnswers(w.cycle.id, 4);
    await Promise.all([
      w.contactA.api.response.submit({ ...submitFor(w), answers }),
      w.contactA.api.response.submit({ ...submitFor(w), answers }),
    ]);
    expect(await db().response.count({ where: { workspaceId: w.workspace.id } })).toBe(1);
    const left = await db().responseDraft.findMany({ where: { workspaceId: w.workspace.id } });
    expect(left.map((d) => d.memberId)).toEqual([colleague.member.id]);
  });
});
