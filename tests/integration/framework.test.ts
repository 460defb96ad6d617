// Editing the framework: every edit is a new version, cycles that have opened keep theirs, and
// scores already given never move.
import type { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { addMember, createCycle, createResponses, type ResponseSpec } from "../../prisma/factories";
import { DEFAULT_FRAMEWORK } from "../../server/services/framework";
import { buildWorld, db, expectTrpcError, fullAnswers } from "./helpers";

type World = Awaited<ReturnType<typeof buildWorld>>;
type Edit = Parameters<World["admin"]["api"]["framework"]["update"]>[0];
type EditPillar = Edit["pillars"][number];

// The current framework as the editor starts from it: every pillar and statement with its key.
async function currentEdit(w: World): Promise<EditPillar[]> {
  const framework = await w.admin.api.framework.current({ workspaceSlug: w.slug });
  return framework!.pillars.map((p) => ({
    key: p.key,
    name: p.name,
    description: p.description,
    weight: p.weight,
    statements: p.statements.map((s) => ({ key: s.key, text: s.text })),
  }));
}

const update = (w: World, pillars: EditPillar[], extra: Partial<Edit> = {}) =>
  w.admin.api.framework.update({ workspaceSlug: w.slug, pillars, ...extra });

// A version's rows as stored, ids included, to check that nothing about it changed.
async function versionRows(versionId: string) {
  return {
    version: await db().frameworkVersion.findFirstOrThrow({ where: { id: versionId } }),
    pillars: await db().pillar.findMany({ where: { versionId }, orderBy: { position: "asc" } }),
    statements: await db().statement.findMany({ where: { versionId }, orderBy: [{ pillarId: "asc" }, { position: "asc" }] }),
  };
}

const versionCount = (w: World) => db().frameworkVersion.count({ where: { workspaceId: w.workspace.id } });

async function versionOf(w: World, version: number) {
  return db().frameworkVersion.findUniqueOrThrow({
    where: { workspaceId_version: { workspaceId: w.workspace.id, version } },
    include: { pillars: { orderBy: { position: "asc" }, include: { statements: { orderBy: { position: "asc" } } } } },
  });
}

// Reworded statements, a changed weight, a removed pillar and a new one: every kind of edit.
function sweepingEdit(pillars: EditPillar[]): EditPillar[] {
  const [trust, commitment, coordination] = pillars;
  return [
    {
      ...trust!,
      name: "Reliability",
      statements: trust!.statements.map((s, i) => (i < 2 ? { ...s, text: `${s.text} (reworded)` } : s)),
    },
    { ...commitment!, weight: 3 },
    coordination!,
    {
      name: "Innovation",
      description: "Both sides bring new ideas to the partnership.",
      weight: 1,
      statements: [{ text: "We try new things together." }, { text: "Good ideas from either side get a hearing." }],
    },
  ];
}

describe("framework.update", () => {
  it("creates version 2 and leaves version 1 untouched", async () => {
    const w = await buildWorld();
    const v1 = await versionOf(w, 1);
    const before = await versionRows(v1.id);

    const edit = await currentEdit(w);
    edit[1]!.statements[0]!.text = "Both organisations put the people and budget this partnership needs behind it.";
    const result = await update(w, edit);

    expect(result.version).toBe(2);
    expect(await versionCount(w)).toBe(2);
    expect(await versionRows(v1.id)).toEqual(before);

    const current = await w.manager.api.framework.current({ workspaceSlug: w.slug });
    expect(current!.version).toBe(2);
    expect(current!.pillars[1]!.statements[0]!.text).toBe("Both organisations put the people and budget this partnership needs behind it.");
    expect(current!.pillars.map((p) => p.statements.length)).toEqual([4, 4, 4, 4]);

    // A second edit builds on the first.
    const next = await currentEdit(w);
    next[0]!.weight = 2;
    expect((await update(w, next)).version).toBe(3);
    expect((await versionOf(w, 3)).pillars[1]!.statements[0]!.text).toBe(current!.pillars[1]!.statements[0]!.text);
  });

  it("never changes past scores: the scorecard and portfolio of a closed cycle stay identical", async () => {
    const w = await buildWorld();
    const d = db();
    const ws = w.workspace.id;
    const closed = await createCycle(d, ws, {
      label: "2020-Q1",
      status: "CLOSED",
      opensAt: new Date("2020-01-01"),
      closesAt: new Date("2020-01-31"),
    });
    const draft = await createCycle(d, ws, { label: "Next", status: "DRAFT", opensAt: new Date(Date.now() + 30 * 86_400_000) });

    // Three a side, so both sides and the gaps show; the answers differ by pillar and person.
    const hosts = [w.owner.member.id, w.admin.member.id, w.manager.member.id];
    const partners = [w.contactA.member.id];
    for (let i = 0; i < 2; i++) partners.push((await addMember(d, ws, { role: "PARTNER", partnerOrgId: w.orgA.id })).member.id);
    const valueFor = (base: Record<string, number>, shift: number) => {
      const answers: Record<string, number | null> = {};
      for (const p of DEFAULT_FRAMEWORK) {
        p.statements.forEach((s, i) => (answers[s.key] = Math.min(5, Math.max(1, base[p.key]! + ((i + shift) % 2)))));
      }
      answers["trust.mistakes"] = shift === 1 ? null : answers["trust.mistakes"]!;
      return answers;
    };
    const spec = (memberId: string, side: "HOST" | "PARTNER", answers: ResponseSpec["answers"], partnershipId = w.partnershipA.id) => ({
      cycleId: closed.id,
      partnershipId,
      memberId,
      side,
      answers,
    });
    await createResponses(d, ws, [
      ...hosts.map((m, i) => spec(m, "HOST", valueFor({ trust: 4, commitment: 3, coordination: 4, communication: 2 }, i))),
      ...partners.map((m, i) => spec(m, "PARTNER", valueFor({ trust: 2, commitment: 3, coordination: 4, communication: 3 }, i))),
      ...hosts.map((m) => spec(m, "HOST", 3, w.partnershipB.id)),
    ]);
    const storedScores = () =>
      d.responsePillarScore.findMany({
        where: { workspaceId: ws, response: { cycleId: closed.id } },
        orderBy: [{ responseId: "asc" }, { pillarId: "asc" }],
      });

    const input = { workspaceSlug: w.slug, partnershipId: w.partnershipA.id };
    const scorecardBefore = await w.manager.api.partnership.scorecard(input);
    const partnerViewBefore = await w.contactA.api.partnership.scorecard(input);
    const portfolioBefore = await w.executive.api.portfolio.overview({ workspaceSlug: w.slug });
    const scoresBefore = await storedScores();
    expect(scorecardBefore.current!.cycleLabel).toBe("2020-Q1");
    expect(scorecardBefore.sides.hostVisible && scorecardBefore.sides.partnerVisible).toBe(true);

    const result = await update(w, sweepingEdit(await currentEdit(w)));
    expect(result).toEqual({ version: 2, draftCycles: ["Next"] });

    expect(await w.manager.api.partnership.scorecard(input)).toEqual(scorecardBefore);
    expect(await w.contactA.api.partnership.scorecard(input)).toEqual(partnerViewBefore);
    expect(await w.executive.api.portfolio.overview({ workspaceSlug: w.slug })).toEqual(portfolioBefore);
    expect(await storedScores()).toEqual(scoresBefore);

    // The draft opens on the new version (once the world's open cycle has closed: one at a time) and
    // is answered; the closed cycle's figures still hold.
    await w.admin.api.cycle.close({ workspaceSlug: w.slug, cycleId: w.cycle.id });
    await w.admin.api.cycle.open({ workspaceSlug: w.slug, cycleId: draft.id });
    await w.contactA.api.response.submit({ ...input, cycleId: draft.id, answers: await fullAnswers(draft.id, 5), comments: [] });
    const after = await w.manager.api.partnership.scorecard(input);
    const closedPoint = (card: typeof after) => card.series.find((p) => p.label === "2020-Q1");
    expect(closedPoint(after)).toMatchObject(closedPoint(scorecardBefore)!);
    // One response is too few to show: "Next" is the latest cycle, withheld; 2020-Q1 stays current.
    expect(after.cycle!.label).toBe("Next");
    expect(after.withheld.map((c) => [c.cycleLabel, c.responses])).toEqual([["Next", 1]]);
    expect(after.current!.cycleLabel).toBe("2020-Q1");
    expect(after.seriesKeys.map((k) => k.name)).toContain("Innovation");
    expect(await storedScores()).toEqual(scoresBefore);
  });

  it("moves draft cycles to the new version; open and closed cycles keep theirs", async () => {
    const w = await buildWorld();
    const ws = w.workspace.id;
    const draft = await createCycle(db(), ws, { status: "DRAFT", opensAt: new Date(Date.now() + 30 * 86_400_000) });
    const closed = await createCycle(db(), ws, { status: "CLOSED", opensAt: new Date("2020-01-01") });
    const v1 = await versionOf(w, 1);
    const formInput = { workspaceSlug: w.slug, cycleId: w.cycle.id, partnershipId: w.partnershipA.id };
    const formBefore = await w.contactA.api.response.form(formInput);

    const edit = await currentEdit(w);
    for (const p of edit) p.statements = p.statements.map((s) => ({ ...s, text: `New wording: ${s.text}` }));
    edit.pop();
    const result = await update(w, edit);
    expect(result.draftCycles).toEqual([draft.label]);

    const v2 = await versionOf(w, 2);
    const versionIdOf = async (id: string) => (await db().cycle.findFirstOrThrow({ where: { id } })).frameworkVersionId;
    expect(await versionIdOf(draft.id)).toBe(v2.id);
    expect(await versionIdOf(w.cycle.id)).toBe(v1.id);
    expect(await versionIdOf(closed.id)).toBe(v1.id);

    const form = await w.contactA.api.response.form(formInput);
    expect(form).toEqual(formBefore);
    expect(form.pillars.map((p) => p.id)).toEqual(v1.pillars.map((p) => p.id));
    expect(form.pillars.flatMap((p) => p.statements.map((s) => s.text))).toEqual(
      DEFAULT_FRAMEWORK.flatMap((p) => p.statements.map((s) => s.text)),
    );
    // Answers for the open cycle are still taken against its own version.
    await w.contactA.api.response.submit({ ...formInput, answers: await fullAnswers(w.cycle.id, 4), comments: [] });

    const versions = await w.executive.api.framework.versions({ workspaceSlug: w.slug });
    expect(versions.map((v) => ({ version: v.version, current: v.current, pillars: v.pillars, statements: v.statements }))).toEqual([
      { version: 2, current: true, pillars: 3, statements: 12 },
      { version: 1, current: false, pillars: 4, statements: 16 },
    ]);
    expect(versions[0]!.cycles.map((c) => c.label)).toEqual([draft.label]);
    expect(versions[1]!.cycles.map((c) => [c.label, c.status]).sort()).toEqual(
      [
        [closed.label, "CLOSED"],
        [w.cycle.label, "OPEN"],
      ].sort(),
    );
  });

  it("keeps the keys of existing pillars and statements and gives new ones fresh keys", async () => {
    const w = await buildWorld();
    const edit = sweepingEdit(await currentEdit(w));
    edit[1]!.statements.push({ text: "Both sides staff the partnership with their best people." });
    await update(w, edit);

    const v2 = await versionOf(w, 2);
    expect(v2.pillars.map((p) => p.key.replace(/-[0-9a-f]{6}$/, "-*"))).toEqual(["trust", "commitment", "coordination", "innovation-*"]);
    expect(v2.pillars.map((p) => [p.name, p.weight])).toEqual([
      ["Reliability", 1],
      ["Commitment", 3],
      ["Coordination", 1],
      ["Innovation", 1],
    ]);
    const keysOf = (pillar: (typeof v2.pillars)[number]) => pillar.statements.map((s) => s.key);
    const defaults = (key: string) => DEFAULT_FRAMEWORK.find((p) => p.key === key)!.statements.map((s) => s.key);
    // Reworded statements keep their keys, so their history lines up.
    expect(keysOf(v2.pillars[0]!)).toEqual(defaults("trust"));
    expect(keysOf(v2.pillars[1]!).slice(0, 4)).toEqual(defaults("commitment"));
    expect(keysOf(v2.pillars[1]!)[4]).toMatch(/^commitment\.both-sides-staff-the-[0-9a-f]{6}$/);
    expect(keysOf(v2.pillars[2]!)).toEqual(defaults("coordination"));
    const innovation = v2.pillars[3]!;
    expect(keysOf(innovation)).toHaveLength(2);
    for (const k of keysOf(innovation)) expect(k.startsWith(`${innovation.key}.`)).toBe(true);
    const all = v2.pillars.flatMap(keysOf);
    expect(new Set(all).size).toBe(all.length);

    // Pillars line up across versions by key: the scorecard names the pillar by its new name.
    await createCycle(db(), w.workspace.id, { label: "After the edit", status: "CLOSED", opensAt: new Date(Date.now() + 86_400_000) });
    const card = await w.manager.api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id });
    expect(card.seriesKeys).toContainEqual({ key: "trust", name: "Reliability" });
    expect(card.seriesKeys.filter((k) => k.key === "trust")).toHaveLength(1);
  });

  it("a pillar removed and added again gets a new key, so it does not take over the old trend", async () => {
    const w = await buildWorld();
    const edit = await currentEdit(w);
    const communication = edit.pop()!;
    await update(w, edit);
    await update(w, [
      ...(await currentEdit(w)),
      { ...communication, key: undefined, statements: communication.statements.map((s) => ({ text: s.text })) },
    ]);
    const v3 = await versionOf(w, 3);
    expect(v3.pillars[3]!.key).toMatch(/^communication-[0-9a-f]{6}$/);
  });
});

describe("framework.update refusals write nothing", () => {
  async function refused(w: World, attempt: Promise<unknown>, code: TRPCError["code"], message?: RegExp) {
    // The attempt may fail before the snapshot below is read; observe it now so that is not an
    // unhandled rejection. Awaiting it later still sees the failure.
    attempt.catch(() => {});
    const cycles = await db().cycle.findMany({ where: { workspaceId: w.workspace.id }, select: { id: true, frameworkVersionId: true } });
    await expectTrpcError(attempt, code, message);
    expect(await versionCount(w)).toBe(1);
    expect(await db().cycle.findMany({ where: { workspaceId: w.workspace.id }, select: { id: true, frameworkVersionId: true } })).toEqual(
      cycles,
    );
  }

  it("refuses everyone but owners and admins", async () => {
    const w = await buildWorld();
    const edit = sweepingEdit(await currentEdit(w));
    for (const who of [w.manager, w.executive, w.contactA]) {
      await refused(w, who.api.framework.update({ workspaceSlug: w.slug, pillars: edit }), "FORBIDDEN");
    }
    await expectTrpcError(w.contactA.api.framework.versions({ workspaceSlug: w.slug }), "FORBIDDEN");
    // The owner may, like an admin.
    expect((await w.owner.api.framework.update({ workspaceSlug: w.slug, pillars: edit })).version).toBe(2);
  });

  it("refuses an admin of another workspace as if the workspace did not exist", async () => {
    const w = await buildWorld();
    const other = await buildWorld();
    const edit = sweepingEdit(await currentEdit(w));
    await refused(w, other.admin.api.framework.update({ workspaceSlug: w.slug, pillars: edit }), "NOT_FOUND");
  });

  it("refuses an edit that changes nothing", async () => {
    const w = await buildWorld();
    await refused(w, update(w, await currentEdit(w)), "BAD_REQUEST", /^Nothing changed\.$/);
    // Spaces around the text are not a change.
    const padded = (await currentEdit(w)).map((p) => ({
      ...p,
      name: ` ${p.name} `,
      statements: p.statements.map((s) => ({ ...s, text: `${s.text}  ` })),
    }));
    await refused(w, update(w, padded), "BAD_REQUEST", /^Nothing changed\.$/);
  });

  it("refuses a pillar without statements, and a framework without pillars", async () => {
    const w = await buildWorld();
    const edit = await currentEdit(w);
    edit[2]!.statements = [];
    await refused(w, update(w, edit), "BAD_REQUEST", /Give every pillar at least one statement/);
    await refused(w, update(w, []), "BAD_REQUEST", /Keep at least one pillar in the framework/);
  });

  it("refuses empty or overlong names and texts, and too many pillars or statements", async () => {
    const w = await buildWorld();
    const base = await currentEdit(w);
    const emptyName = structuredClone(base);
    emptyName[0]!.name = "   ";
    await refused(w, update(w, emptyName), "BAD_REQUEST", /Give every pillar a name/);
    const emptyText = structuredClone(base);
    emptyText[1]!.statements[2]!.text = " ";
    await refused(w, update(w, emptyText), "BAD_REQUEST", /Write the statement; it cannot be empty/);
    const long = structuredClone(base);
    long[1]!.statements[2]!.text = "x".repeat(301);
    await refused(w, update(w, long), "BAD_REQUEST", /300 characters or fewer/);
    const crowded = structuredClone(base);
    crowded[0]!.statements = Array.from({ length: 11 }, (_, i) => ({ text: `Statement ${i}` }));
    await refused(w, update(w, crowded), "BAD_REQUEST", /10 statements or fewer/);
    const many = [
      ...base,
      ...Array.from({ length: 5 }, (_, i) => ({ name: `Extra ${i}`, description: "", weight: 1, statements: [{ text: "A" }] })),
    ];
    await refused(w, update(w, many), "BAD_REQUEST", /8 pillars or fewer/);
  });

  it("refuses two pillars with the same name", async () => {
    const w = await buildWorld();
    const edit = await currentEdit(w);
    edit.push({ name: " trust ", description: "", weight: 1, statements: [{ text: "Another trust statement." }] });
    await refused(w, update(w, edit), "BAD_REQUEST", /Two pillars are named .*trust/);
  });

  it("refuses a weight of 0 or above 10", async () => {
    const w = await buildWorld();
    for (const weight of [0, -1, 10.5]) {
      const edit = await currentEdit(w);
      edit[0]!.weight = weight;
      await refused(w, update(w, edit), "BAD_REQUEST", /A weight runs from 0.1 to 10/);
    }
  });

  it("refuses keys that are not in the current version, and the same key twice", async () => {
    const w = await buildWorld();
    const unknown = await currentEdit(w);
    unknown[0]!.key = "loyalty";
    await refused(w, update(w, unknown), "BAD_REQUEST", /has changed since this edit began/);
    const twice = await currentEdit(w);
    twice[1]!.statements.push({ ...twice[1]!.statements[0]! });
    await refused(w, update(w, twice), "BAD_REQUEST", /appears twice/);
  });

  it("refuses an edit based on an older version: a save never silently replaces another admin's", async () => {
    const w = await buildWorld();
    const mine = await currentEdit(w);
    const theirs = await currentEdit(w);
    theirs[0]!.weight = 2;
    mine[1]!.weight = 4;
    const [a, b] = await Promise.allSettled([
      update(w, theirs, { baseVersion: 1 }),
      w.owner.api.framework.update({ workspaceSlug: w.slug, pillars: mine, baseVersion: 1 }),
    ]);
    expect([a.status, b.status].sort()).toEqual(["fulfilled", "rejected"]);
    const failure = [a, b].find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failure.reason.code).toBe("CONFLICT");
    expect(await versionCount(w)).toBe(2);
    await expectTrpcError(update(w, mine, { baseVersion: 1 }), "CONFLICT", /while you were editing version 1/);
    expect(await versionCount(w)).toBe(2);
  });
});
