// Scorecard and portfolio figures on hand-chosen answers, each figure worked out by hand below.
import { describe, expect, it } from "vitest";
import { addMember, createCycle, createResponses, type ResponseSpec } from "../../prisma/factories";
import { DEFAULT_FRAMEWORK } from "../../server/services/framework";
import { buildWorld, db } from "./helpers";

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
  const q1 = await createCycle(d, ws, {
    label: "2020-Q1",
    status: "CLOSED",
    opensAt: new Date("2020-01-01"),
    closesAt: new Date("2020-01-31"),
  });
  const q2 = await createCycle(d, ws, {
    label: "2020-Q2",
    status: "CLOSED",
    opensAt: new Date("2020-04-01"),
    closesAt: new Date("2020-04-30"),
  });
  const q3 = await createCycle(d, ws, {
    label: "2020-Q3",
    status: "CLOSED",
    opensAt: new Date("2020-07-01"),
    closesAt: new Date("2020-07-31"),
  });

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
  ): ResponseSpec => ({
    cycleId,
    partnershipId,
    memberId,
    side,
    answers,
  });
  await createResponses(d, ws, [
    ...hosts.map((m) => spec(q1.id, A, m, "HOST", 4)),
    ...partnersA.map((m) => spec(q1.id, A, m, "PARTNER", 3)),

    spec(q3.id, A, hosts[0]!, "HOST", answersByPillar({ trust: 5, commitment: 4, coordination: 4, communication: 3 })),
    spec(q3.id, A, hosts[1]!, "HOST", answersByPillar({ trust: 5, commitment: 4, coordination: 3, communication: 3 })),
    spec(
      q3.id,
      A,
      hosts[2]!,
      "HOST",
      answersByPillar({ trust: 4, commitment: 4, coordination: 5, communication: 3 }, { "trust.mistakes": null }),
    ),
    spec(q3.id, A, partnersA[0]!, "PARTNER", answersByPillar({ trust: 2, commitment: 4, coordination: 4, communication: 4 })),
    spec(q3.id, A, partnersA[1]!, "PARTNER", answersByPillar({ trust: 2, commitment: 4, coordination: 4, communication: 3 })),
    spec(q3.id, A, partnersA[2]!, "PARTNER", answersByPillar({ trust: 2, commitment: 5, coordination: 4, communication: 3 })),

    ...hosts.map((m) => spec(q3.id, B, m, "HOST", answersByPillar(all(3)))),
    ...partnersB.map((m) => spec(q3.id, B, m, "PARTNER", answersByPillar(all(2)))),
  ]);
  return { w, q1, q2, q3 };
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
    });
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
      },
    ]);
  });

  it("draws one series point per cycle, oldest first, with null where nothing was scored", async () => {
    const { w } = await scoredWorld();
    const card = await w.manager.api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id });
    expect(card.seriesKeys).toEqual([
      { key: "trust", name: "Trust" },
      { key: "commitment", name: "Commitment" },
      { key: "coordination", name: "Coordination" },
      { key: "communication", name: "Communication" },
    ]);
    expect(card.series).toEqual([
      { label: "2020-Q1", health: 62.5, trust: 62.5, commitment: 62.5, coordination: 62.5, communication: 62.5 },
      { label: "2020-Q2", ...NO_SCORE },
      { label: "2020-Q3", health: 66.7, trust: 58.3, commitment: 79.2, coordination: 75, communication: 54.2 },
      // The world's open cycle, with no responses yet.
      { label: w.cycle.label, ...NO_SCORE },
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
      });
    }
  });

  it("shows the sides of the latest cycle where both can be shown while the current one fills up", async () => {
    const { w } = await scoredWorld();
    // The open cycle so far: one host response of all 5s (100), no partner response.
    await createResponses(db(), w.workspace.id, [
      { cycleId: w.cycle.id, partnershipId: w.partnershipA.id, memberId: w.owner.member.id, side: "HOST", answers: 5 },
    ]);
    const card = await w.manager.api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id });
    // The headline figures are the open cycle's: 100 everywhere, up 33.3 on 2020-Q3's 66.67.
    expect(card.current).toMatchObject({
      cycleLabel: w.cycle.label,
      cycleOpen: true,
      health: 100,
      change: 33.3,
      responses: { host: 1, partner: 0 },
    });
    // The two-sided view is 2020-Q3's (see the arithmetic above), and says so.
    expect(card.sides).toMatchObject({ cycleLabel: "2020-Q3", hostVisible: true, partnerVisible: true });
    expect(card.sides.notes).toEqual([
      `${w.cycle.label} does not have enough responses from both sides yet (your team 1, ${w.orgA.name} 0; each side needs 3), ` +
        "so this shows 2020-Q3, the latest cycle where both sides can be shown.",
    ]);
    expect(card.pillars.map((p) => [p.key, p.score, p.host, p.partner, p.gap, p.gapFlagged])).toEqual([
      ["trust", 100, 91.7, 25, 66.7, true],
      ["commitment", 100, 75, 83.3, 8.3, false],
      ["coordination", 100, 75, 75, 0, false],
      ["communication", 100, 50, 58.3, 8.3, false],
    ]);
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
    expect(card.series).toEqual([{ label: w.cycle.label, ...NO_SCORE }]);
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
      { label: "2020-Q2", average: null, scored: 0, HEALTHY: 0, WATCH: 0, AT_RISK: 0 },
      // (66.67 + 37.5) / 2 = 52.08 -> 52.1
      { label: "2020-Q3", average: 52.1, scored: 2, HEALTHY: 0, WATCH: 1, AT_RISK: 1 },
      { label: w.cycle.label, average: null, scored: 0, HEALTHY: 0, WATCH: 0, AT_RISK: 0 },
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
    await db().partnership.update({ where: { id: w.partnershipB.id }, data: { phase: "EXITED" } });
    const overview = await w.executive.api.portfolio.overview({ workspaceSlug: w.slug });
    expect(overview.rows.map((r) => r.id)).toEqual([w.partnershipA.id]);
    expect(overview.series.find((s) => s.label === "2020-Q3")).toMatchObject({ average: 66.7, scored: 1 });
    // Its history stays on its own scorecard.
    const card = await w.executive.api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: w.partnershipB.id });
    expect(card.current?.health).toBe(37.5);
  });
});
