// Scorecard and portfolio figures on hand-chosen answers, each figure worked out by hand below.
import { describe, expect, it } from "vitest";
import { addMember, createCycle, createResponses, type ResponseSpec } from "../../prisma/factories";
import { DEFAULT_FRAMEWORK } from "../../server/services/framework";
import { keyOf, buildWorld, closedQuarter, db } from "./helpers";

type PillarKey = "trust" | "commitment" | "coordination" | "communication";
type PillarValues = Record<PillarKey, number>;

// Every statement of a pillar answered with that pillar's value; `overrides` by statement key.
function answersByPillar(values: PillarValues, overrides: Record<string, number | null> = {}) {
  const answers: Record<string, number | null> = {};
  for (const pillar of DEFAULT_FRAMEWORK) {
    for (const s of pillar.statements) answers[s.key] = values[pillar.key as PillarKey];
  }
  return { ...answers, ...overrides };
}

const all = (v: number): PillarValues => ({ trust: v, commitment: v, coordination: v, communication: v });

// The world plus three closed cycles in 2020 (opening before the world's open cycle, which has
// no responses), enough people for three responses a side on partnership A and two partner
// responses on partnership B.
//
// Answer -> percent: 1 -> 0, 2 -> 25, 3 -> 50, 4 -> 75, 5 -> 100.
//
// Partnership A
//   2020-Q1: host 3 x all 4 (75), partner 3 x all 3 (50) -> every pillar (75 + 50) / 2 = 62.5,
//            health 62.5.
//   2020-Q2: no responses (the trend skips it).
//   2020-Q3:            trust        commitment  coordination  communication
//     host h1            5            4           4             3
//     host h2            5            4           3             3
//     host h3            4 (one DK)   4           5             3
//     partner p1         2            4           4             4
//     partner p2         2            4           4             3
//     partner p3         2            5           4             3
//   host    trust (100+100+75)/3 = 91.67, commitment 75, coordination (75+50+100)/3 = 75, communication 50
//   partner trust 25, commitment (75+75+100)/3 = 83.33, coordination 75, communication (75+50+50)/3 = 58.33
//   combined trust (91.67+25)/2 = 58.33, commitment (75+83.33)/2 = 79.17, coordination 75,
//            communication (50+58.33)/2 = 54.17
//   health (58.33 + 79.17 + 75 + 54.17) / 4 = 266.67 / 4 = 66.67 -> 66.7, WATCH; change 66.67 - 62.5 = 4.17 -> 4.2
//   pillar change vs Q1: trust -4.17 -> -4.2, commitment 16.67 -> 16.7, coordination 12.5, communication -8.33 -> -8.3
//   gaps: trust 66.67 (flagged, HOST higher), commitment 8.33 (PARTNER), coordination 0, communication 8.33 (PARTNER)
//
// Partnership B
//   2020-Q3: host 3 x all 3 (50), partner 2 x all 2 (25) -> combined 37.5 everywhere, health 37.5,
//            AT_RISK; the partner side is below the threshold of 3, so hidden.
async function scoredWorld() {
  const w = await buildWorld();
  const d = db();
  const ws = w.workspace.id;
  const q1 = await closedQuarter(ws, "2020-Q1");
  const q2 = await closedQuarter(ws, "2020-Q2");
  const q3 = await closedQuarter(ws, "2020-Q3");

  const hosts = [w.owner.member.id, w.admin.member.id, w.manager.member.id];
  const partnersA = [w.contactA.member.id];
  for (let i = 0; i < 2; i++) partnersA.push((await addMember(d, ws, { role: "PARTNER", partnerOrgId: w.orgA.id })).member.id);
  const partnersB = [w.contactB.member.id, (await addMember(d, ws, { role: "PARTNER", partnerOrgId: w.orgB.id })).member.id];

  const A = w.partnershipA.id;
  const B = w.partnershipB.id;
  const spec = (
    cycleId: string,
    partnershipId: string,
    memberId: string,
    side: "HOST" | "PARTNER",
    answers: ResponseSpec["answers"],
    comments?: Record<string, string>,
  ): ResponseSpec => ({
    cycleId,
    partnershipId,
    memberId,
    side,
    answers,
    comments,
  });
  await createResponses(d, ws, [
    ...hosts.map((m, i) => spec(q1.id, A, m, "HOST", 4, i === 0 ? { trust: "Q1: they kept every promise." } : undefined)),
    ...partnersA.map((m) => spec(q1.id, A, m, "PARTNER", 3)),

    spec(q3.id, A, hosts[0]!, "HOST", answersByPillar({ trust: 5, commitment: 4, coordination: 4, communication: 3 }), {
      trust: "Q3: still reliable.",
    }),
    spec(q3.id, A, hosts[1]!, "HOST", answersByPillar({ trust: 5, commitment: 4, coordination: 3, communication: 3 })),
    spec(
      q3.id,
      A,
      hosts[2]!,
      "HOST",
      answersByPillar({ trust: 4, commitment: 4, coordination: 5, communication: 3 }, { "trust.mistakes": null }),
    ),
    spec(q3.id, A, partnersA[0]!, "PARTNER", answersByPillar({ trust: 2, commitment: 4, coordination: 4, communication: 4 }), {
      trust: "Q3: promises slip.",
      communication: "Q3: updates arrive late.",
    }),
    spec(q3.id, A, partnersA[1]!, "PARTNER", answersByPillar({ trust: 2, commitment: 4, coordination: 4, communication: 3 })),
    spec(q3.id, A, partnersA[2]!, "PARTNER", answersByPillar({ trust: 2, commitment: 5, coordination: 4, communication: 3 })),

    ...hosts.map((m) => spec(q3.id, B, m, "HOST", answersByPillar(all(3)))),
    ...partnersB.map((m) => spec(q3.id, B, m, "PARTNER", answersByPillar(all(2)), { trust: "B partner: only two of us answered." })),
  ]);
  return { w, q1, q2, q3, hosts, partnersA };
}

const NO_SCORE = { health: null, trust: null, commitment: null, coordination: null, communication: null };

describe("partnership.scorecard", () => {
  it("shows both sides, the combined pillar scores, health, band, change and gaps", async () => {
    const { w } = await scoredWorld();
    const card = await w.manager.api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id });

    expect(card.current).toEqual({
      cycleLabel: "2020-Q3",
      cycleOpen: false,
      health: 66.7,
      band: "WATCH",
      bandLabel: "Watch",
      change: 4.2,
      responses: { host: 3, partner: 3 },
      notes: [],
    });
    expect(card.withheld).toEqual([]);
    expect(card.sides).toEqual({ shown: true, cycleLabel: "2020-Q3", hostVisible: true, partnerVisible: true, threshold: 3, notes: [] });
    expect(card.pillars).toEqual([
      {
        key: "trust",
        name: "Trust",
        score: 58.3,
        band: "AT_RISK",
        change: -4.2,
        host: 91.7,
        partner: 25,
        gap: 66.7,
        gapFlagged: true,
        higher: "HOST",
        // 91.67 - 25 = 66.67 -> 67 points
        gapSentence: `${w.orgA.name} rates Trust 67 points lower than you do.`,
        hostShown: true,
        partnerShown: true,
      },
      {
        key: "commitment",
        name: "Commitment",
        score: 79.2,
        band: "HEALTHY",
        change: 16.7,
        host: 75,
        partner: 83.3,
        gap: 8.3,
        gapFlagged: false,
        higher: "PARTNER",
        gapSentence: null,
        hostShown: true,
        partnerShown: true,
      },
      {
        key: "coordination",
        name: "Coordination",
        score: 75,
        band: "HEALTHY",
        change: 12.5,
        host: 75,
        partner: 75,
        gap: 0,
        gapFlagged: false,
        higher: null,
        gapSentence: null,
        hostShown: true,
        partnerShown: true,
      },
      {
        key: "communication",
        name: "Communication",
        score: 54.2,
        band: "AT_RISK",
        change: -8.3,
        host: 50,
        partner: 58.3,
        gap: 8.3,
        gapFlagged: false,
        higher: "PARTNER",
        gapSentence: null,
        hostShown: true,
        partnerShown: true,
      },
    ]);
  });

  it("draws one series point per answered cycle, oldest first; cycles nobody answered are no column", async () => {
    const { w } = await scoredWorld();
    const card = await w.manager.api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id });
    expect(card.seriesKeys).toEqual([
      { key: "trust", name: "Trust" },
      { key: "commitment", name: "Commitment" },
      { key: "coordination", name: "Coordination" },
      { key: "communication", name: "Communication" },
    ]);
    expect(card.series).toEqual([
      // 2020-Q2 (closed, nobody answered) and the world's open cycle (no responses yet) are left out.
      { label: "2020-Q1", health: 62.5, trust: 62.5, commitment: 62.5, coordination: 62.5, communication: 62.5 },
      { label: "2020-Q3", health: 66.7, trust: 58.3, commitment: 79.2, coordination: 75, communication: 54.2 },
    ]);
    // Partnership B had no responses in 2020-Q1, which A's people answered: a gap in B's line.
    const b = await w.manager.api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: w.partnershipB.id });
    expect(b.series.map((p) => [p.label, p.health])).toEqual([
      ["2020-Q1", null],
      ["2020-Q3", 37.5],
    ]);
  });

  it("hides a side below the threshold and says why, while the combined score still shows", async () => {
    const { w } = await scoredWorld();
    const card = await w.manager.api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: w.partnershipB.id });
    expect(card.current).toEqual({
      cycleLabel: "2020-Q3",
      cycleOpen: false,
      health: 37.5,
      band: "AT_RISK",
      bandLabel: "At risk",
      change: null,
      responses: { host: 3, partner: 2 },
      notes: [],
    });
    // The host side has 3 responses, but its number beside the combined score would give the
    // partner's away (2 x combined - host), so both sides stay hidden.
    expect(card.sides).toEqual({
      shown: true,
      cycleLabel: "2020-Q3",
      hostVisible: false,
      partnerVisible: false,
      threshold: 3,
      notes: [
        `Each side's own scores show once both sides have at least 3 responses in 2020-Q3 (your team 3, ${w.orgB.name} 2 so far). ` +
          "Until then only the combined score shows: next to it, one side's score would give away the other's.",
      ],
    });
    for (const pillar of card.pillars) {
      expect(pillar).toMatchObject({
        score: 37.5,
        band: "AT_RISK",
        change: null,
        host: null,
        partner: null,
        gap: null,
        gapFlagged: false,
        higher: null,
        hostShown: false,
        partnerShown: false,
      });
    }
  });

  it("keeps the latest cycle with enough responses while the newest fills up, and says so", async () => {
    const { w } = await scoredWorld();
    // The open cycle so far: one host response of all 5s (100), no partner response. The world
    // asks two people about A in it (its owner, the manager, and its partner contact).
    await createResponses(db(), w.workspace.id, [
      { cycleId: w.cycle.id, partnershipId: w.partnershipA.id, memberId: w.manager.member.id, side: "HOST", answers: 5 },
    ]);
    const card = await w.manager.api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id });
    // One response is one person's answers: the open cycle shows none of its figures. The headline
    // stays 2020-Q3's (see the arithmetic above), with its change against 2020-Q1, and says why.
    expect(card.cycle).toEqual({ label: w.cycle.label, open: true });
    expect(card.current).toEqual({
      cycleLabel: "2020-Q3",
      cycleOpen: false,
      health: 66.7,
      band: "WATCH",
      bandLabel: "Watch",
      change: 4.2,
      responses: { host: 3, partner: 3 },
      notes: [`${w.cycle.label} so far: too few responses (1 of 2). These are 2020-Q3's figures, the latest cycle with enough.`],
    });
    expect(card.withheld).toEqual([{ cycleLabel: w.cycle.label, open: true, responses: 1, asked: 2, text: "too few responses (1 of 2)" }]);
    expect(card.series.at(-1)).toEqual({ label: w.cycle.label, ...NO_SCORE });
    // The two-sided view is 2020-Q3's too, and says so.
    expect(card.sides).toMatchObject({ cycleLabel: "2020-Q3", hostVisible: true, partnerVisible: true });
    expect(card.sides.notes).toEqual([
      `${w.cycle.label} does not have enough responses from both sides yet (your team 1, ${w.orgA.name} 0; each side needs 3), ` +
        "so this shows 2020-Q3, the latest cycle where both sides can be shown.",
    ]);
    expect(card.pillars.map((p) => [p.key, p.score, p.host, p.partner, p.gap, p.gapFlagged])).toEqual([
      ["trust", 58.3, 91.7, 25, 66.7, true],
      ["commitment", 79.2, 75, 83.3, 8.3, false],
      ["coordination", 75, 75, 75, 0, false],
      ["communication", 54.2, 50, 58.3, 8.3, false],
    ]);
    // Response rates are counts: they are the newest cycle's.
    expect(card.responseRate).toMatchObject({ cycleLabel: w.cycle.label, host: { asked: 1, answered: 1 } });
  });

  it("shows a side with fewer responses than the threshold in attributed mode", async () => {
    const { w } = await scoredWorld();
    await db().workspace.update({ where: { id: w.workspace.id }, data: { surveyMode: "ATTRIBUTED" } });
    const card = await w.manager.api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: w.partnershipB.id });
    expect(card.sides).toMatchObject({ hostVisible: true, partnerVisible: true, notes: [] });
    // Host 50, partner 25: gap 25, flagged, host higher.
    expect(card.pillars[0]).toMatchObject({ score: 37.5, host: 50, partner: 25, gap: 25, gapFlagged: true, higher: "HOST" });
  });

  it("follows the workspace's own threshold", async () => {
    const { w } = await scoredWorld();
    await db().workspace.update({ where: { id: w.workspace.id }, data: { confidentialityThreshold: 4 } });
    const card = await w.manager.api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id });
    expect(card.sides).toMatchObject({ hostVisible: false, partnerVisible: false, threshold: 4 });
    expect(card.sides.notes).toEqual([
      `Each side's own scores show once both sides have at least 4 responses in 2020-Q3 (your team 3, ${w.orgA.name} 3 so far). ` +
        "Until then only the combined score shows: next to it, one side's score would give away the other's.",
    ]);
    expect(card.pillars.map((p) => [p.score, p.host, p.partner, p.gap])).toEqual([
      [58.3, null, null, null],
      [79.2, null, null, null],
      [75, null, null, null],
      [54.2, null, null, null],
    ]);
  });

  it("has no current figures for a partnership nobody has answered about", async () => {
    const w = await buildWorld();
    const card = await w.manager.api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id });
    expect(card.current).toBeNull();
    expect(card.pillars).toEqual([]);
    // Not even the open cycle's label: nobody has answered it yet.
    expect(card.series).toEqual([]);
  });
});

// The expectations below are worked out from the raw answers with the test's own arithmetic
// (no function of the app's scoring), following DESIGN.md: 1-5 -> (mean - 1) / 4 * 100,
// "Don't know" left out, each side's mean, the two sides averaged.
const toPct = (values: (number | null)[]) => {
  const answered = values.filter((v): v is number => v !== null);
  return ((answered.reduce((a, b) => a + b, 0) / answered.length - 1) / 4) * 100;
};
const r1 = (v: number) => Math.round(v * 10) / 10;

// 2020-Q3 on partnership A, per person and pillar (every statement of the pillar answered so),
// except h3's "trust.mistakes", a "Don't know".
const Q3_HOST = [
  { trust: 5, commitment: 4, coordination: 4, communication: 3 },
  { trust: 5, commitment: 4, coordination: 3, communication: 3 },
  { trust: 4, commitment: 4, coordination: 5, communication: 3 },
];
const Q3_PARTNER = [
  { trust: 2, commitment: 4, coordination: 4, communication: 4 },
  { trust: 2, commitment: 4, coordination: 4, communication: 3 },
  { trust: 2, commitment: 5, coordination: 4, communication: 3 },
];
const valueOf = (person: PillarValues, key: string, dontKnow: boolean): number | null =>
  dontKnow ? null : person[key.split(".")[0] as PillarKey];

describe("partnership.scorecard: statements, response rate and comments", () => {
  it("breaks each pillar down by statement, per side, with the change since the previous scored cycle", async () => {
    const { w } = await scoredWorld();
    const card = await w.manager.api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id });
    const st = card.statements!;
    expect(st).toMatchObject({ cycleLabel: "2020-Q3", previousCycleLabel: "2020-Q1", hostVisible: true, partnerVisible: true, notes: [] });
    // Trust's "mistakes" has two host answers (h3 said "Don't know"): fewer than the threshold of 3,
    // so no side of Trust's breakdown shows (beside the pillar's sides and the other statements
    // it could be worked out); the combined breakdown (five answers) does. The others show whole.
    expect(st.pillars.map((p) => [p.key, p.combinedVisible, p.hostVisible, p.partnerVisible])).toEqual([
      ["trust", true, false, false],
      ["commitment", true, true, true],
      ["coordination", true, true, true],
      ["communication", true, true, true],
    ]);
    expect(st.pillars[0]!.note).toBe(
      "Each side's statement scores are withheld: fewer than 3 people of a side answered some of its statements.",
    );
    expect(st.pillars.map((p) => p.key)).toEqual(["trust", "commitment", "coordination", "communication"]);

    for (const pillar of DEFAULT_FRAMEWORK) {
      const shown = st.pillars.find((p) => p.key === pillar.key)!;
      // The pillar's combined score: each response's pillar mean, each side's mean, then the two sides.
      const sideMean = (people: PillarValues[]) =>
        people.map((p) => toPct([p[pillar.key as PillarKey]])).reduce((a, b) => a + b, 0) / people.length;
      const hostPillar = pillar.key === "trust" ? (toPct([5, 5, 5, 5]) + toPct([5, 5, 5, 5]) + toPct([4, 4, 4])) / 3 : sideMean(Q3_HOST);
      const pillarCombined = (hostPillar + sideMean(Q3_PARTNER)) / 2;
      expect(shown.score).toBe(r1(pillarCombined));
      expect(shown.statements.map((x) => x.key)).toEqual(pillar.statements.map((x) => x.key));

      for (const statement of pillar.statements) {
        const row = shown.statements.find((x) => x.key === statement.key)!;
        const hostValues = Q3_HOST.map((p, i) => valueOf(p, statement.key, i === 2 && statement.key === "trust.mistakes"));
        const partnerValues = Q3_PARTNER.map((p) => valueOf(p, statement.key, false));
        const host = toPct(hostValues);
        const partner = toPct(partnerValues);
        const combined = (host + partner) / 2;
        // 2020-Q1: every host answered 4 (75), every partner 3 (50).
        const previous = (75 + 50) / 2;
        const dontKnow = hostValues.filter((v) => v === null).length;
        const sides = pillar.key !== "trust";
        expect(row).toMatchObject({
          text: statement.text,
          host: sides ? r1(host) : null,
          partner: sides ? r1(partner) : null,
          combined: r1(combined),
          change: r1(combined - previous),
          vsPillar: r1(combined - pillarCombined),
          dontKnow: { host: sides ? dontKnow : null, partner: sides ? 0 : null, total: dontKnow },
          answered: 6 - dontKnow,
        });
      }
    }

    // By hand: Trust's "mistakes" is host (5 + 5) / 2 = 5 -> 100, partner 25, combined 62.5 against
    // the pillar's 58.33: it lifts Trust; the other three sit exactly on the pillar score.
    const trust = st.pillars[0]!.statements;
    expect(trust.find((x) => x.key === "trust.mistakes")).toMatchObject({
      host: null,
      partner: null,
      combined: 62.5,
      vsPillar: 4.2,
      change: 0,
      pull: "UP",
    });
    expect(trust.filter((x) => x.pull === "DOWN")).toEqual([]);
    expect(trust.find((x) => x.key === "trust.promises")).toMatchObject({ host: null, combined: 58.3, change: -4.2, vsPillar: 0 });
    expect(st.pillars[1]!.statements[0]).toMatchObject({ host: 75, partner: 83.3, combined: 79.2 });
    // Every statement of Commitment is the same: none pulls.
    expect(st.pillars[1]!.statements.every((x) => x.pull === null && x.combined === 79.2 && x.change === 16.7)).toBe(true);
  });

  it("shows only the combined statement scores while a side is below the threshold", async () => {
    const { w } = await scoredWorld();
    const card = await w.manager.api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: w.partnershipB.id });
    const st = card.statements!;
    expect(st).toMatchObject({ hostVisible: false, partnerVisible: false, previousCycleLabel: null });
    expect(st.notes).toHaveLength(1);
    for (const pillar of st.pillars) {
      for (const row of pillar.statements) {
        // Host all 3 (50), partner all 2 (25): combined 37.5, no earlier cycle.
        expect(row).toMatchObject({ host: null, partner: null, combined: 37.5, change: null, vsPillar: 0, pull: null });
        expect(row.dontKnow).toEqual({ host: null, partner: null, total: 0 });
      }
    }
  });

  it("counts each side's response rate among the cycle's participants, leaving out those taken off the list", async () => {
    const { w, q3, hosts, partnersA } = await scoredWorld();
    const d = db();
    const ws = w.workspace.id;
    const silent = await addMember(d, ws, { role: "PARTNER", partnerOrgId: w.orgA.id });
    const removed = await addMember(d, ws, { role: "PARTNER", partnerOrgId: w.orgA.id });
    const key = { workspaceId: ws, cycleId: q3.id, partnershipId: w.partnershipA.id };
    await d.cycleParticipant.deleteMany({ where: key });
    await d.cycleParticipant.createMany({
      data: [
        // Host: all three answered, plus the executive who did not: 3 of 4.
        ...hosts.map((memberId) => ({ ...key, memberId, side: "HOST" as const })),
        { ...key, memberId: w.executive.member.id, side: "HOST" as const },
        // Partner: two of the three who answered are on the list, one who did not: 2 of 3.
        ...partnersA.slice(0, 2).map((memberId) => ({ ...key, memberId, side: "PARTNER" as const })),
        { ...key, memberId: silent.member.id, side: "PARTNER" as const },
        { ...key, memberId: removed.member.id, side: "PARTNER" as const, excluded: true },
      ],
    });
    const card = await w.manager.api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id });
    expect(card.responseRate).toEqual({
      cycleLabel: "2020-Q3",
      host: { asked: 4, answered: 3, percent: 75 },
      partner: { asked: 3, answered: 2, percent: 67 },
    });
  });

  it("groups comments by pillar, newest cycle first, each with its side and cycle and no names", async () => {
    const { w } = await scoredWorld();
    const card = await w.manager.api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id });
    expect(card.comments).toEqual({
      cycleLabels: ["2020-Q3", "2020-Q1"],
      withheld: [],
      nextOffset: null,
      pillars: [
        {
          key: "trust",
          name: "Trust",
          comments: [
            { cycleLabel: "2020-Q3", side: "HOST", sideLabel: "Your team", author: null, text: "Q3: still reliable." },
            { cycleLabel: "2020-Q3", side: "PARTNER", sideLabel: w.orgA.name, author: null, text: "Q3: promises slip." },
            { cycleLabel: "2020-Q1", side: "HOST", sideLabel: "Your team", author: null, text: "Q1: they kept every promise." },
          ],
        },
        {
          key: "communication",
          name: "Communication",
          comments: [{ cycleLabel: "2020-Q3", side: "PARTNER", sideLabel: w.orgA.name, author: null, text: "Q3: updates arrive late." }],
        },
      ],
    });
  });

  it("withholds a side's comments below the threshold and says why", async () => {
    const { w } = await scoredWorld();
    const card = await w.manager.api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: w.partnershipB.id });
    expect(card.comments!.pillars).toEqual([]);
    expect(card.comments!.withheld).toEqual([
      `Comments from ${w.orgB.name} in 2020-Q3 are withheld: 2 responses, fewer than the 3 needed to keep their authors anonymous.`,
    ]);
  });

  it("pages older comments three cycles at a time", async () => {
    const w = await buildWorld();
    const d = db();
    const ws = w.workspace.id;
    const cycles = [];
    for (let i = 1; i <= 5; i++) {
      cycles.push(
        await createCycle(d, ws, {
          label: `2019-M${i}`,
          status: "CLOSED",
          opensAt: new Date(Date.UTC(2019, i, 1)),
          closesAt: new Date(Date.UTC(2019, i, 20)),
        }),
      );
    }
    await createResponses(
      d,
      ws,
      cycles.map((c) => ({
        cycleId: c.id,
        partnershipId: w.partnershipA.id,
        memberId: w.manager.member.id,
        side: "HOST" as const,
        answers: 4,
        comments: { trust: `About ${c.label}` },
      })),
    );
    // Attributed mode shows one response's comments, with the author's name.
    await d.workspace.update({ where: { id: ws }, data: { surveyMode: "ATTRIBUTED" } });
    await d.user.update({ where: { id: w.manager.user.id }, data: { name: "Morgan Writer" } });
    const card = await w.manager.api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id });
    expect(card.comments!.cycleLabels).toEqual(["2019-M5", "2019-M4", "2019-M3"]);
    expect(card.comments!.pillars[0]!.comments.map((c) => [c.text, c.author])).toEqual([
      ["About 2019-M5", "Morgan Writer"],
      ["About 2019-M4", "Morgan Writer"],
      ["About 2019-M3", "Morgan Writer"],
    ]);
    expect(card.comments!.nextOffset).toBe(3);
    const older = await w.manager.api.partnership.scorecardComments({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id, offset: 3 });
    expect(older!.cycleLabels).toEqual(["2019-M2", "2019-M1"]);
    expect(older!.pillars[0]!.comments.map((c) => c.text)).toEqual(["About 2019-M2", "About 2019-M1"]);
    expect(older!.nextOffset).toBeNull();
  });
});

describe("portfolio.overview", () => {
  it("lists each partnership with the health and band of its scorecard, healthiest first", async () => {
    const { w } = await scoredWorld();
    const overview = await w.executive.api.portfolio.overview({ workspaceSlug: w.slug });
    expect(
      overview.rows.map((r) => ({
        id: r.id,
        cycleLabel: r.cycleLabel,
        health: r.health,
        band: r.band,
        change: r.change,
        pillars: r.pillars,
      })),
    ).toEqual([
      {
        id: w.partnershipA.id,
        cycleLabel: "2020-Q3",
        health: 66.7,
        band: "WATCH",
        change: 4.2,
        pillars: { trust: 58.3, commitment: 79.2, coordination: 75, communication: 54.2 },
      },
      {
        id: w.partnershipB.id,
        cycleLabel: "2020-Q3",
        health: 37.5,
        band: "AT_RISK",
        change: null,
        pillars: { trust: 37.5, commitment: 37.5, coordination: 37.5, communication: 37.5 },
      },
    ]);

    for (const row of overview.rows) {
      const card = await w.executive.api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: row.id });
      expect(row.health).toBe(card.current!.health);
      expect(row.band).toBe(card.current!.band);
      expect(row.change).toBe(card.current!.change);
    }
  });

  it("averages the program per cycle over the partnerships scored in it", async () => {
    const { w } = await scoredWorld();
    const overview = await w.executive.api.portfolio.overview({ workspaceSlug: w.slug });
    expect(overview.series).toMatchObject([
      { label: "2020-Q1", average: 62.5, scored: 1, HEALTHY: 0, WATCH: 1, AT_RISK: 0 },
      // 2020-Q2 and the open cycle, which nobody answered, are no columns.
      // (66.67 + 37.5) / 2 = 52.08 -> 52.1
      { label: "2020-Q3", average: 52.1, scored: 2, HEALTHY: 0, WATCH: 1, AT_RISK: 1 },
    ]);
    expect(overview.summary).toMatchObject({
      partnerships: 2,
      average: 52.1,
      change: 4.2,
      bands: { HEALTHY: 0, WATCH: 1, AT_RISK: 1, NONE: 0 },
    });
    expect(overview.pillarKeys.map((p) => p.key)).toEqual(["trust", "commitment", "coordination", "communication"]);
  });

  it("leaves exited partnerships out of the active portfolio", async () => {
    const { w } = await scoredWorld();
    await db().partnership.update({ where: keyOf(w.partnershipB), data: { phase: "EXITED" } });
    const overview = await w.executive.api.portfolio.overview({ workspaceSlug: w.slug });
    expect(overview.rows.map((r) => r.id)).toEqual([w.partnershipA.id]);
    expect(overview.series.find((s) => s.label === "2020-Q3")).toMatchObject({ average: 66.7, scored: 1 });
    // Its history stays on its own scorecard.
    const card = await w.executive.api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: w.partnershipB.id });
    expect(card.current?.health).toBe(37.5);
  });
});
