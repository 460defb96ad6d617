// What partner contacts see of their own scorecard: each part of the workspace's sharing setting
// changes exactly that part of what the server sends a PARTNER member, host members always get
// everything, comments follow the threshold, names never appear in confidential mode, and only
// admins can change the setting.
import { describe, expect, it } from "vitest";
import { addMember, createResponses, type ResponseSpec } from "../../prisma/factories";
import type { Scorecard } from "../../server/services/scorecard";
import { buildWorld, closedQuarter, db, expectTrpcError } from "./helpers";

type Toggles = {
  partnerSeesScores: boolean;
  partnerSeesTrends: boolean;
  partnerSeesComments: boolean;
  partnerSeesSides: boolean;
  partnerSeesStatements: boolean;
};
const DEFAULTS: Toggles = {
  partnerSeesScores: true,
  partnerSeesTrends: true,
  partnerSeesComments: true,
  partnerSeesSides: false,
  partnerSeesStatements: false,
};

// Partnership A: 2020-Q1 host 3 x all 4 (75), partner 3 x all 3 (50); 2020-Q2 host 3 x all 5
// (100), partner 3 x all 2 (25): combined 62.5 everywhere, health 62.5, unchanged; gap 75 on
// every pillar, host higher. Comments carry text a test can look for; people have names.
async function sharedWorld() {
  const w = await buildWorld();
  const d = db();
  const ws = w.workspace.id;
  await d.workspace.update({ where: { id: ws }, data: { name: "Northwind Test" } });
  const q1 = await closedQuarter(ws, "2020-Q1");
  const q2 = await closedQuarter(ws, "2020-Q2");
  const hosts = [w.owner.member.id, w.admin.member.id, w.manager.member.id];
  const partners = [w.contactA.member.id];
  for (let i = 0; i < 2; i++) {
    partners.push((await addMember(d, ws, { role: "PARTNER", partnerOrgId: w.orgA.id, user: { name: `Partner Person ${i}` } })).member.id);
  }
  const names = ["Hana Hostwriter", "Abe Adminwriter", "Mia Managerwriter"];
  for (const [i, user] of [w.owner.user, w.admin.user, w.manager.user].entries()) {
    await d.user.update({ where: { id: user.id }, data: { name: names[i] } });
  }
  await d.user.update({ where: { id: w.contactA.user.id }, data: { name: "Paz Partnerwriter" } });
  const spec = (cycleId: string, memberId: string, side: "HOST" | "PARTNER", answers: number, text?: string): ResponseSpec => ({
    cycleId,
    partnershipId: w.partnershipA.id,
    memberId,
    side,
    answers,
    comments: text ? { trust: text } : undefined,
  });
  await createResponses(d, ws, [
    ...hosts.map((m, i) => spec(q1.id, m, "HOST", 4, `host comment ${i} in Q1`)),
    ...partners.map((m, i) => spec(q1.id, m, "PARTNER", 3, `partner comment ${i} in Q1`)),
    ...hosts.map((m, i) => spec(q2.id, m, "HOST", 5, `host comment ${i} in Q2`)),
    ...partners.map((m) => spec(q2.id, m, "PARTNER", 2)),
  ]);
  const setSharing = (t: Partial<Toggles>) => w.admin.api.workspace.updatePartnerSharing({ workspaceSlug: w.slug, ...DEFAULTS, ...t });
  const partnerCard = () => w.contactA.api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id });
  const hostCard = () => w.manager.api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id });
  return { w, q1, q2, names, setSharing, partnerCard, hostCard };
}

// The fields a sharing toggle may change; the rest of a card must stay as it was.
function withoutSharing(card: Scorecard): Omit<Scorecard, "sharing"> {
  const rest: Partial<Scorecard> = { ...card };
  delete rest.sharing;
  return rest as Omit<Scorecard, "sharing">;
}

describe("partner sharing: the default", () => {
  it("shows a partner contact the combined scores, trends and comments, and nothing of the sides or statements", async () => {
    const { partnerCard } = await sharedWorld();
    const card = await partnerCard();
    expect(card.sharing).toMatchObject({ scores: true, trends: true, comments: true, sides: false, statements: false });
    expect(card.sharing.note).toBe(
      "Northwind Test shares the combined scores, trends over time and comments of this scorecard with you. " +
        "Each side's own scores and the gaps between them and the statement breakdown are not shared. Nobody's individual answers are ever shown.",
    );
    expect(card.viewer).toEqual({ partner: true, hostLabel: "Northwind Test", partnerLabel: "Your team", workspaceName: "Northwind Test" });
    expect(card.current).toMatchObject({ cycleLabel: "2020-Q2", health: 62.5, change: 0 });
    // The open cycle, which nobody has answered yet, is no point of the trend.
    expect(card.series.map((p) => p.health)).toEqual([62.5, 62.5]);
    expect(card.sides).toMatchObject({ shown: false, hostVisible: false, partnerVisible: false, notes: [] });
    for (const p of card.pillars)
      expect(p).toMatchObject({ score: 62.5, host: null, partner: null, gap: null, gapFlagged: false, gapSentence: null });
    expect(card.statements).toBeNull();
    // Comments of both sides, labelled from the partner's side; Q2 partner left none.
    expect(card.comments!.pillars[0]!.comments.map((c) => [c.sideLabel, c.cycleLabel])).toEqual([
      ["Northwind Test", "2020-Q2"],
      ["Northwind Test", "2020-Q2"],
      ["Northwind Test", "2020-Q2"],
      ["Northwind Test", "2020-Q1"],
      ["Northwind Test", "2020-Q1"],
      ["Northwind Test", "2020-Q1"],
      ["Your team", "2020-Q1"],
      ["Your team", "2020-Q1"],
      ["Your team", "2020-Q1"],
    ]);
    expect(card.responseRate).not.toBeNull();
  });
});

describe("partner sharing: each toggle", () => {
  it("trends off: no series, no changes; nothing else moves", async () => {
    const { setSharing, partnerCard } = await sharedWorld();
    const before = await partnerCard();
    await setSharing({ partnerSeesTrends: false });
    const after = await partnerCard();
    expect(after.series).toEqual([]);
    expect(after.trendSummary).toBeNull();
    expect(after.current!.change).toBeNull();
    expect(after.pillars.every((p) => p.change === null)).toBe(true);
    expect({
      ...withoutSharing(after),
      series: before.series,
      trendSummary: before.trendSummary,
      current: before.current,
      pillars: before.pillars,
    }).toEqual(withoutSharing(before));
    expect(after.sharing.trends).toBe(false);
  });

  it("comments off: no comments; nothing else moves", async () => {
    const { setSharing, partnerCard } = await sharedWorld();
    const before = await partnerCard();
    await setSharing({ partnerSeesComments: false });
    const after = await partnerCard();
    expect(after.comments).toBeNull();
    expect({ ...withoutSharing(after), comments: before.comments }).toEqual(withoutSharing(before));
  });

  it("sides on: each side's scores and the gaps, told from the partner's side", async () => {
    const { setSharing, partnerCard } = await sharedWorld();
    const before = await partnerCard();
    await setSharing({ partnerSeesSides: true });
    const after = await partnerCard();
    expect(after.sides).toMatchObject({ shown: true, cycleLabel: "2020-Q2", hostVisible: true, partnerVisible: true });
    for (const p of after.pillars) {
      expect(p).toMatchObject({ host: 100, partner: 25, gap: 75, gapFlagged: true, higher: "HOST" });
      expect(p.gapSentence).toBe(`You rate ${p.name} 75 points lower than Northwind Test does.`);
    }
    expect({ ...withoutSharing(after), sides: before.sides, pillars: before.pillars }).toEqual(withoutSharing(before));
  });

  it("statements on: the breakdown, combined only unless sides are shared too", async () => {
    const { setSharing, partnerCard } = await sharedWorld();
    const before = await partnerCard();
    await setSharing({ partnerSeesStatements: true });
    const after = await partnerCard();
    expect(after.statements).toMatchObject({ hostVisible: false, partnerVisible: false, notes: [] });
    for (const row of after.statements!.pillars.flatMap((p) => p.statements)) {
      expect(row).toMatchObject({
        host: null,
        partner: null,
        combined: 62.5,
        change: 0,
        dontKnow: { host: null, partner: null, total: 0 },
      });
    }
    expect({ ...withoutSharing(after), statements: null }).toEqual(withoutSharing(before));

    await setSharing({ partnerSeesStatements: true, partnerSeesSides: true });
    const both = await partnerCard();
    for (const row of both.statements!.pillars.flatMap((p) => p.statements))
      expect(row).toMatchObject({ host: 100, partner: 25, combined: 62.5 });
  });

  it("scores off: the partnership, the cycle and their own side's response rate, nothing else", async () => {
    const { w, setSharing, partnerCard } = await sharedWorld();
    // Every other part on: scores off still withholds them all.
    await setSharing({ partnerSeesScores: false, partnerSeesSides: true, partnerSeesStatements: true });
    const card = await partnerCard();
    expect(card.sharing).toMatchObject({ scores: false, trends: false, comments: false, sides: false, statements: false });
    expect(card.sharing.note).toBe(
      "Northwind Test does not share this scorecard's results with partner contacts. Nobody's individual answers are ever shown.",
    );
    expect(card.partnership.id).toBe(w.partnershipA.id);
    expect(card.cycle).toEqual({ label: "2020-Q2", open: false });
    expect(card.current).toBeNull();
    expect(card.pillars).toEqual([]);
    expect(card.series).toEqual([]);
    expect(card.seriesKeys).toEqual([]);
    expect(card.trendSummary).toBeNull();
    expect(card.statements).toBeNull();
    expect(card.comments).toBeNull();
    expect(card.sides).toMatchObject({ shown: false, hostVisible: false, partnerVisible: false, notes: [] });
    expect(card.responseRate!.host).toBeNull();
    expect(card.responseRate!.partner).not.toBeNull();
    // Nor through the comments pages.
    expect(
      await w.contactA.api.partnership.scorecardComments({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id, offset: 0 }),
    ).toBeNull();
  });

  it("never changes what host members see", async () => {
    const { setSharing, hostCard } = await sharedWorld();
    const before = withoutSharing(await hostCard());
    expect(before.sides.shown).toBe(true);
    expect(before.statements).not.toBeNull();
    for (const t of [
      { partnerSeesScores: false },
      { partnerSeesTrends: false, partnerSeesComments: false },
      { partnerSeesSides: true, partnerSeesStatements: true },
    ]) {
      await setSharing(t);
      expect(withoutSharing(await hostCard())).toEqual(before);
    }
  });
});

describe("partner sharing: confidentiality", () => {
  it("never sends names in confidential mode, to anyone", async () => {
    const { names, setSharing, partnerCard, hostCard } = await sharedWorld();
    await setSharing({ partnerSeesSides: true, partnerSeesStatements: true });
    for (const card of [await partnerCard(), await hostCard()]) {
      // The partnership's owner is named as its owner (not as an author), so that field is set aside.
      const json = JSON.stringify({ ...card, partnership: { ...card.partnership, ownerName: null } });
      for (const name of [...names, "Paz Partnerwriter", "Partner Person"]) expect(json).not.toContain(name);
      expect(card.comments!.pillars.flatMap((p) => p.comments).every((c) => c.author === null)).toBe(true);
    }
  });

  it("names the authors in attributed mode", async () => {
    const { w, partnerCard } = await sharedWorld();
    await db().workspace.update({ where: { id: w.workspace.id }, data: { surveyMode: "ATTRIBUTED" } });
    const authors = (await partnerCard()).comments!.pillars[0]!.comments.map((c) => c.author);
    expect(new Set(authors)).toEqual(
      new Set(["Hana Hostwriter", "Abe Adminwriter", "Mia Managerwriter", "Paz Partnerwriter", "Partner Person 0", "Partner Person 1"]),
    );
  });

  it("withholds a side's comments below the threshold from partner contacts too", async () => {
    const { w, partnerCard } = await sharedWorld();
    await db().workspace.update({ where: { id: w.workspace.id }, data: { confidentialityThreshold: 4 } });
    const comments = (await partnerCard()).comments!;
    expect(comments.pillars).toEqual([]);
    expect(comments.withheld).toEqual([
      "Comments from Northwind Test in 2020-Q2 are withheld: 3 responses, fewer than the 4 needed to keep their authors anonymous.",
      "Comments from your team in 2020-Q2 are withheld: 3 responses, fewer than the 4 needed to keep their authors anonymous.",
      "Comments from Northwind Test in 2020-Q1 are withheld: 3 responses, fewer than the 4 needed to keep their authors anonymous.",
      "Comments from your team in 2020-Q1 are withheld: 3 responses, fewer than the 4 needed to keep their authors anonymous.",
    ]);
  });

  it("gives another organisation's contact nothing, not even comments", async () => {
    const { w } = await sharedWorld();
    const input = { workspaceSlug: w.slug, partnershipId: w.partnershipA.id };
    await expectTrpcError(w.contactB.api.partnership.scorecard(input), "NOT_FOUND", /^Partnership not found\.$/);
    await expectTrpcError(w.contactB.api.partnership.scorecardComments({ ...input, offset: 0 }), "NOT_FOUND", /^Partnership not found\.$/);
  });
});

describe("workspace.updatePartnerSharing", () => {
  const stored = async (workspaceId: string) =>
    db().workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: {
        partnerSeesScores: true,
        partnerSeesTrends: true,
        partnerSeesComments: true,
        partnerSeesSides: true,
        partnerSeesStatements: true,
      },
    });

  it("lets admins and owners save it, and shows it on workspace.current", async () => {
    const w = await buildWorld();
    const next = {
      partnerSeesScores: true,
      partnerSeesTrends: false,
      partnerSeesComments: false,
      partnerSeesSides: true,
      partnerSeesStatements: true,
    };
    expect(await w.admin.api.workspace.updatePartnerSharing({ workspaceSlug: w.slug, ...next })).toEqual(next);
    expect(await stored(w.workspace.id)).toEqual(next);
    expect((await w.contactA.api.workspace.current({ workspaceSlug: w.slug })).partnerSharing).toEqual(next);
    await w.owner.api.workspace.updatePartnerSharing({ workspaceSlug: w.slug, ...DEFAULTS });
    expect(await stored(w.workspace.id)).toEqual(DEFAULTS);
  });

  it("refuses everyone else, and changes nothing", async () => {
    const w = await buildWorld();
    const all = {
      partnerSeesScores: false,
      partnerSeesTrends: false,
      partnerSeesComments: false,
      partnerSeesSides: true,
      partnerSeesStatements: true,
    };
    for (const who of [w.manager, w.executive, w.contactA]) {
      await expectTrpcError(who.api.workspace.updatePartnerSharing({ workspaceSlug: w.slug, ...all }), "FORBIDDEN");
    }
    expect(await stored(w.workspace.id)).toEqual(DEFAULTS);
  });

  it("refuses bad input, and changes nothing", async () => {
    const w = await buildWorld();
    const save = (input: unknown) =>
      w.admin.api.workspace.updatePartnerSharing(input as Parameters<typeof w.admin.api.workspace.updatePartnerSharing>[0]);
    await expectTrpcError(save({ workspaceSlug: w.slug, ...DEFAULTS, partnerSeesScores: "no" }), "BAD_REQUEST");
    await expectTrpcError(save({ workspaceSlug: w.slug, partnerSeesScores: false }), "BAD_REQUEST");
    await expectTrpcError(save({ workspaceSlug: w.slug, ...DEFAULTS, partnerSeesScores: false, partnerSeesAnswers: true }), "BAD_REQUEST");
    await expectTrpcError(save({ workspaceSlug: w.slug, ...DEFAULTS, partnerSeesSides: null }), "BAD_REQUEST");
    expect(await stored(w.workspace.id)).toEqual(DEFAULTS);
  });
});
