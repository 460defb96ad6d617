import { forWorkspace } from "../../server/db/tenant";
import { describe, expect, it } from "vitest";
import { addMember, createCycle } from "../../prisma/factories";
import { createFrameworkVersion } from "../../server/services/framework";
import { buildWorld, callerFor, db, expectTrpcError, fullAnswers, appDb } from "./helpers";

type World = Awaited<ReturnType<typeof buildWorld>>;

const target = (w: World, overrides: Partial<{ cycleId: string; partnershipId: string }> = {}) => ({
  workspaceSlug: w.slug,
  cycleId: overrides.cycleId ?? w.cycle.id,
  partnershipId: overrides.partnershipId ?? w.partnershipA.id,
});

const STALE = /^This survey was changed in another tab or on another device\.$/;

async function pillarsOf(cycleId: string) {
  const cycle = await db().cycle.findFirstOrThrow({ where: { id: cycleId } });
  return db().pillar.findMany({ where: { versionId: cycle.frameworkVersionId }, orderBy: { position: "asc" } });
}

const drafts = (w: World) => db().responseDraft.findMany({ where: { workspaceId: w.workspace.id } });

// The first `n` statements answered: a survey left half done.
async function partial(w: World, n: number, value: number | null = 4) {
  return (await fullAnswers(w.cycle.id, value)).slice(0, n);
}

describe("saving and resuming a draft", () => {
  it("creates a draft, updates it by version, and returns it with the form", async () => {
    const w = await buildWorld();
    const [trust] = await pillarsOf(w.cycle.id);
    const half = await partial(w, 8);
    half[1]!.value = null;

    const first = await w.contactA.api.response.saveDraft({
      ...target(w),
      answers: half,
      comments: [{ pillarId: trust!.id, text: "Still typing " }],
      baseVersion: null,
    });
    expect(first.version).toBe(1);
    expect(first.savedAt).toBeInstanceOf(Date);

    const form = await w.contactA.api.response.form(target(w));
    expect(form.previous).toBeNull();
    expect(form.draft).toEqual({
      answers: Object.fromEntries(half.map((a) => [a.statementId, a.value])),
      comments: { [trust!.id]: "Still typing " },
      version: 1,
      updatedAt: first.savedAt,
    });

    const more = await partial(w, 10, 2);
    const second = await w.contactA.api.response.saveDraft({ ...target(w), answers: more, comments: [], baseVersion: 1 });
    expect(second.version).toBe(2);
    const resumed = await w.contactA.api.response.form(target(w));
    expect(resumed.draft!.version).toBe(2);
    expect(Object.keys(resumed.draft!.answers)).toHaveLength(10);
    expect(resumed.draft!.comments).toEqual({});
    expect(await drafts(w)).toHaveLength(1);
  });

  it("keeps each person's draft to themselves", async () => {
    const w = await buildWorld();
    await w.contactA.api.response.saveDraft({ ...target(w), answers: await partial(w, 3), comments: [], baseVersion: null });
    expect((await w.manager.api.response.form(target(w))).draft).toBeNull();
  });
});

describe("two tabs or devices saving the same draft", () => {
  it("refuses a stale base version with CONFLICT and leaves the stored draft as it was", async () => {
    const w = await buildWorld();
    await w.contactA.api.response.saveDraft({ ...target(w), answers: await partial(w, 4, 4), comments: [], baseVersion: null });
    await w.contactA.api.response.saveDraft({ ...target(w), answers: await partial(w, 5, 4), comments: [], baseVersion: 1 });
    const before = await drafts(w);

    // The other tab still thinks version 1 is current.
    await expectTrpcError(
      w.contactA.api.response.saveDraft({ ...target(w), answers: await partial(w, 2, 1), comments: [], baseVersion: 1 }),
      "CONFLICT",
      STALE,
    );
    // A tab that never saw the draft tries to create it.
    await expectTrpcError(
      w.contactA.api.response.saveDraft({ ...target(w), answers: await partial(w, 2, 1), comments: [], baseVersion: null }),
      "CONFLICT",
      STALE,
    );
    expect(await drafts(w)).toEqual(before);
    expect(before[0]!.version).toBe(2);
  });

  it("lets exactly one of two saves based on the same version through", async () => {
    const w = await buildWorld();
    await w.contactA.api.response.saveDraft({ ...target(w), answers: await partial(w, 1), comments: [], baseVersion: null });
    const results = await Promise.allSettled([
      w.contactA.api.response.saveDraft({ ...target(w), answers: await partial(w, 2, 2), comments: [], baseVersion: 1 }),
      w.contactA.api.response.saveDraft({ ...target(w), answers: await partial(w, 3, 3), comments: [], baseVersion: 1 }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [stored] = await drafts(w);
    expect(stored!.version).toBe(2);
  });

  it("lets exactly one of two tabs create the draft", async () => {
    const w = await buildWorld();
    const results = await Promise.allSettled([
      w.contactA.api.response.saveDraft({ ...target(w), answers: await partial(w, 2, 2), comments: [], baseVersion: null }),
      w.contactA.api.response.saveDraft({ ...target(w), answers: await partial(w, 3, 3), comments: [], baseVersion: null }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await drafts(w)).toHaveLength(1);
  });
});

describe("a refused draft writes nothing", () => {
  it("refuses answers of 0 or 6", async () => {
    const w = await buildWorld();
    for (const bad of [0, 6]) {
      const answers = await partial(w, 3);
      answers[2]!.value = bad;
      await expectTrpcError(
        w.contactA.api.response.saveDraft({ ...target(w), answers, comments: [], baseVersion: null }),
        "BAD_REQUEST",
        /Answers run from 1 to 5/,
      );
    }
    expect(await drafts(w)).toEqual([]);
  });

  it("refuses statements of another workspace, and of another framework version than the cycle's", async () => {
    const w = await buildWorld();
    const other = await buildWorld();
    const foreign = [...(await partial(w, 2)), (await fullAnswers(other.cycle.id))[5]!];
    await expectTrpcError(
      w.contactA.api.response.saveDraft({ ...target(w), answers: foreign, comments: [], baseVersion: null }),
      "BAD_REQUEST",
      /^An answer refers to a statement that is not in this survey\.$/,
    );
    await createFrameworkVersion(forWorkspace(appDb(), w.workspace.id));
    const newer = await createCycle(db(), w.workspace.id, { status: "DRAFT" });
    await expectTrpcError(
      w.contactA.api.response.saveDraft({
        ...target(w),
        answers: (await fullAnswers(newer.id)).slice(0, 3),
        comments: [],
        baseVersion: null,
      }),
      "BAD_REQUEST",
      /statement that is not in this survey/,
    );
    expect(await drafts(w)).toEqual([]);
  });

  it("refuses a statement answered twice and a comment on a pillar not in the survey", async () => {
    const w = await buildWorld();
    const other = await buildWorld();
    const answers = await partial(w, 2);
    await expectTrpcError(
      w.contactA.api.response.saveDraft({
        ...target(w),
        answers: [...answers, { ...answers[0]!, value: 1 }],
        comments: [],
        baseVersion: null,
      }),
      "BAD_REQUEST",
      /^A statement was answered twice\.$/,
    );
    const [foreignPillar] = await pillarsOf(other.cycle.id);
    await expectTrpcError(
      w.contactA.api.response.saveDraft({
        ...target(w),
        answers,
        comments: [{ pillarId: foreignPillar!.id, text: "Hi" }],
        baseVersion: null,
      }),
      "BAD_REQUEST",
      /^A comment refers to a pillar that is not in this survey\.$/,
    );
    expect(await drafts(w)).toEqual([]);
  });

  it("leaves an existing draft unchanged when an update is refused", async () => {
    const w = await buildWorld();
    await w.contactA.api.response.saveDraft({ ...target(w), answers: await partial(w, 2), comments: [], baseVersion: null });
    const before = await drafts(w);
    const answers = await partial(w, 4);
    answers[3]!.value = 9;
    await expectTrpcError(
      w.contactA.api.response.saveDraft({ ...target(w), answers, comments: [], baseVersion: 1 }),
      "BAD_REQUEST",
      /Answers run from 1 to 5/,
    );
    expect(await drafts(w)).toEqual(before);
  });
});

describe("who may keep a draft", () => {
  it("refuses people who are not asked about the partnership, and nothing is written", async () => {
    const w = await buildWorld();
    const answers = await partial(w, 2);
    for (const who of [w.admin, w.executive]) {
      await expectTrpcError(
        who.api.response.saveDraft({ ...target(w), answers, comments: [], baseVersion: null }),
        "FORBIDDEN",
        new RegExp(`^You are not asked to answer the ${w.cycle.label} survey about ${w.partnershipA.name}\\.$`),
      );
    }
    // Another partner organisation's partnership does not exist for this contact.
    await expectTrpcError(
      w.contactB.api.response.saveDraft({ ...target(w), answers, comments: [], baseVersion: null }),
      "NOT_FOUND",
      /^Partnership not found\.$/,
    );
    // A contact who joined after the cycle opened is not on its list of people asked.
    const late = await addMember(db(), w.workspace.id, { role: "PARTNER", partnerOrgId: w.orgA.id });
    await expectTrpcError(
      callerFor(late.user.id).response.saveDraft({ ...target(w), answers, comments: [], baseVersion: null }),
      "FORBIDDEN",
      /You are not asked to answer/,
    );
    expect(await drafts(w)).toEqual([]);
  });

  it("refuses someone taken off the list", async () => {
    const w = await buildWorld();
    await w.admin.api.participant.remove({ ...target(w), memberId: w.contactA.member.id });
    await expectTrpcError(
      w.contactA.api.response.saveDraft({ ...target(w), answers: await partial(w, 2), comments: [], baseVersion: null }),
      "FORBIDDEN",
      /You are not asked to answer/,
    );
    expect(await drafts(w)).toEqual([]);
  });

  it("refuses drafts for a closed cycle and one not open yet", async () => {
    const w = await buildWorld();
    const closed = await createCycle(db(), w.workspace.id, { status: "CLOSED", label: "2020-Q1" });
    const notYet = await createCycle(db(), w.workspace.id, { status: "DRAFT", label: "2030-Q1" });
    await expectTrpcError(
      w.contactA.api.response.saveDraft({
        ...target(w, { cycleId: closed.id }),
        answers: (await fullAnswers(closed.id)).slice(0, 2),
        comments: [],
        baseVersion: null,
      }),
      "BAD_REQUEST",
      /^The 2020-Q1 survey has closed; answers can no longer be changed\.$/,
    );
    await expectTrpcError(
      w.contactA.api.response.saveDraft({
        ...target(w, { cycleId: notYet.id }),
        answers: (await fullAnswers(notYet.id)).slice(0, 2),
        comments: [],
        baseVersion: null,
      }),
      "BAD_REQUEST",
      /^The 2030-Q1 survey has not opened yet\.$/,
    );
    expect(await drafts(w)).toEqual([]);
  });
});

describe("submitting after a draft", () => {
  it("removes the draft in the same step, and a tab still on the old draft is told", async () => {
    const w = await buildWorld();
    await w.contactA.api.response.saveDraft({ ...target(w), answers: await partial(w, 6), comments: [], baseVersion: null });
    await w.contactA.api.response.submit({ ...target(w), answers: await fullAnswers(w.cycle.id, 5), comments: [] });
    expect(await drafts(w)).toEqual([]);
    const form = await w.contactA.api.response.form(target(w));
    expect(form.draft).toBeNull();
    expect(form.previous!.answers).toEqual(Object.fromEntries((await fullAnswers(w.cycle.id, 5)).map((a) => [a.statementId, a.value])));

    await expectTrpcError(
      w.contactA.api.response.saveDraft({ ...target(w), answers: await partial(w, 7), comments: [], baseVersion: 1 }),
      "CONFLICT",
      STALE,
    );
    expect(await drafts(w)).toEqual([]);
  });

  it("starts a new draft for changes to a submitted response until the cycle closes", async () => {
    const w = await buildWorld();
    await w.contactA.api.response.submit({ ...target(w), answers: await fullAnswers(w.cycle.id, 4), comments: [] });
    const changed = await fullAnswers(w.cycle.id, 2);
    const saved = await w.contactA.api.response.saveDraft({ ...target(w), answers: changed, comments: [], baseVersion: null });
    const form = await w.contactA.api.response.form(target(w));
    expect(form.previous).not.toBeNull();
    expect(form.draft!.version).toBe(saved.version);
    expect(form.draft!.updatedAt.getTime()).toBeGreaterThanOrEqual(form.previous!.submittedAt.getTime());
  });
});

describe("muting reminders", () => {
  const mutes = (w: World) => db().reminderMute.findMany({ where: { workspaceId: w.workspace.id } });

  it("mutes and unmutes idempotently, and the form says which", async () => {
    const w = await buildWorld();
    const input = { workspaceSlug: w.slug, cycleId: w.cycle.id };
    expect((await w.contactA.api.response.form(target(w))).remindersMuted).toBe(false);

    expect(await w.contactA.api.response.muteReminders({ ...input, muted: true })).toEqual({ muted: true });
    await w.contactA.api.response.muteReminders({ ...input, muted: true });
    expect((await mutes(w)).map((m) => m.memberId)).toEqual([w.contactA.member.id]);
    expect((await w.contactA.api.response.form(target(w))).remindersMuted).toBe(true);

    await Promise.all([
      w.contactA.api.response.muteReminders({ ...input, muted: false }),
      w.contactA.api.response.muteReminders({ ...input, muted: false }),
    ]);
    expect(await mutes(w)).toEqual([]);
    expect((await w.contactA.api.response.form(target(w))).remindersMuted).toBe(false);
  });

  it("is only for people asked in that cycle", async () => {
    const w = await buildWorld();
    const other = await buildWorld();
    await expectTrpcError(
      w.executive.api.response.muteReminders({ workspaceSlug: w.slug, cycleId: w.cycle.id, muted: true }),
      "FORBIDDEN",
      /not asked to answer/,
    );
    await expectTrpcError(
      w.contactA.api.response.muteReminders({ workspaceSlug: w.slug, cycleId: other.cycle.id, muted: true }),
      "NOT_FOUND",
      /^Cycle not found\.$/,
    );
    expect(await mutes(w)).toEqual([]);
    expect(await mutes(other)).toEqual([]);
  });
});
