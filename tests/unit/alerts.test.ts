// The alert rules of issue 5 on hand-made figures: a health drop of 10 points, a pillar entering
// the at-risk band, a perception gap appearing where both sides may be shown.
import { describe, expect, it } from "vitest";
import { dedupeKey, detectAlerts, type CycleFigures, type PillarFigures } from "../../server/services/alerts/detect";

const confidential = { threshold: 3, attributed: false };

type Counts = { HOST: number; PARTNER: number };

// A pillar's figures; unless given, everyone who responded scored it (when it has a score).
function pillar(
  key: string,
  combined: number | null,
  sides: { host?: number; partner?: number } = {},
  scored?: Counts,
): Omit<PillarFigures, "scored"> & { scored?: Counts } {
  return { key, name: key[0]!.toUpperCase() + key.slice(1), host: sides.host ?? null, partner: sides.partner ?? null, combined, scored };
}

function cycle(
  health: number | null,
  pillars: ReturnType<typeof pillar>[] = [],
  responses: Counts = { HOST: 3, PARTNER: 3 },
  label = "2031-Q2",
): CycleFigures {
  const withCounts: PillarFigures[] = pillars.map((p) => ({
    ...p,
    scored: p.scored ?? (p.combined === null ? { HOST: 0, PARTNER: 0 } : responses),
  }));
  return { cycleId: label, cycleLabel: label, health, responses, scored: responses, pillars: withCounts };
}

const kinds = (alerts: ReturnType<typeof detectAlerts>) => alerts.map((a) => ("pillarKey" in a ? `${a.kind}:${a.pillarKey}` : a.kind));

describe("health drop", () => {
  it("alerts on a drop of exactly 10 points", () => {
    const alerts = detectAlerts(cycle(65), cycle(75, [], undefined, "2031-Q1"), confidential);
    expect(alerts).toEqual([{ kind: "HEALTH_DROP", from: 75, to: 65, drop: 10 }]);
  });

  it("does not alert on a drop of 9.9 points", () => {
    expect(detectAlerts(cycle(70.1), cycle(80), confidential)).toEqual([]);
  });

  it("reads the drop as the scorecard shows it, to one decimal: 9.96 shows as 10.0", () => {
    expect(kinds(detectAlerts(cycle(70.04), cycle(80), confidential))).toEqual(["HEALTH_DROP"]);
  });

  it("does not alert on a rise, nor without a previous score", () => {
    expect(detectAlerts(cycle(90), cycle(70), confidential)).toEqual([]);
    expect(detectAlerts(cycle(70), null, confidential)).toEqual([]);
    expect(detectAlerts(cycle(70), cycle(null), confidential)).toEqual([]);
  });

  it("raises nothing for a cycle without a health score", () => {
    expect(detectAlerts(cycle(null, [pillar("trust", 10)]), cycle(90), confidential)).toEqual([]);
  });
});

describe("pillar entering the at-risk band", () => {
  it("alerts when a pillar falls below 60 from 60 or more", () => {
    const alerts = detectAlerts(
      cycle(70, [pillar("trust", 55), pillar("commitment", 80)]),
      cycle(72, [pillar("trust", 60), pillar("commitment", 80)]),
      confidential,
    );
    expect(alerts).toEqual([{ kind: "PILLAR_AT_RISK", pillarKey: "trust", pillarName: "Trust", score: 55, previous: 60 }]);
  });

  it("does not alert again while the pillar stays at risk", () => {
    expect(detectAlerts(cycle(70, [pillar("trust", 40)]), cycle(72, [pillar("trust", 50)]), confidential)).toEqual([]);
  });

  it("alerts when the pillar had no score before, or there was no earlier scored cycle", () => {
    expect(kinds(detectAlerts(cycle(70, [pillar("trust", 50)]), cycle(72, [pillar("trust", null)]), confidential))).toEqual([
      "PILLAR_AT_RISK:trust",
    ]);
    expect(kinds(detectAlerts(cycle(70, [pillar("trust", 50)]), null, confidential))).toEqual(["PILLAR_AT_RISK:trust"]);
  });

  it("reads the band on the rounded score: 59.6 shows as 60 and is not at risk; 59.4 is", () => {
    expect(detectAlerts(cycle(70, [pillar("trust", 59.6)]), cycle(70, [pillar("trust", 70)]), confidential)).toEqual([]);
    expect(kinds(detectAlerts(cycle(70, [pillar("trust", 59.4)]), cycle(70, [pillar("trust", 70)]), confidential))).toEqual([
      "PILLAR_AT_RISK:trust",
    ]);
  });
});

describe("perception gap appearing", () => {
  const gapNow = [pillar("communication", 62, { host: 72, partner: 52 })];

  it("alerts on a gap of 20 points that was not there before", () => {
    const before = [pillar("communication", 65, { host: 70, partner: 60 })];
    expect(detectAlerts(cycle(70, gapNow), cycle(70, before), confidential)).toEqual([
      { kind: "PERCEPTION_GAP", pillarKey: "communication", pillarName: "Communication", host: 72, partner: 52, gap: 20 },
    ]);
  });

  it("does not alert on a gap of 19.9, nor on a gap already flagged the cycle before", () => {
    expect(detectAlerts(cycle(70, [pillar("communication", 62, { host: 72, partner: 52.1 })]), null, confidential)).toEqual([]);
    const flaggedBefore = [pillar("communication", 60, { host: 75, partner: 45 })];
    expect(detectAlerts(cycle(70, gapNow), cycle(70, flaggedBefore), confidential)).toEqual([]);
  });

  it("alerts only when both sides meet the confidentiality threshold this cycle", () => {
    expect(detectAlerts(cycle(70, gapNow, { HOST: 3, PARTNER: 2 }), null, confidential)).toEqual([]);
    expect(detectAlerts(cycle(70, gapNow, { HOST: 2, PARTNER: 3 }), null, confidential)).toEqual([]);
    expect(kinds(detectAlerts(cycle(70, gapNow, { HOST: 3, PARTNER: 3 }), null, confidential))).toEqual(["PERCEPTION_GAP:communication"]);
    // Attributed mode shows every side that answered.
    expect(kinds(detectAlerts(cycle(70, gapNow, { HOST: 1, PARTNER: 1 }), null, { threshold: 3, attributed: true }))).toEqual([
      "PERCEPTION_GAP:communication",
    ]);
  });

  it("treats a gap hidden last cycle (a side below the threshold) as newly appearing once both sides show", () => {
    const hiddenBefore = cycle(70, [pillar("communication", 60, { host: 75, partner: 45 })], { HOST: 3, PARTNER: 1 });
    expect(kinds(detectAlerts(cycle(70, gapNow), hiddenBefore, confidential))).toEqual(["PERCEPTION_GAP:communication"]);
  });
});

describe("confidentiality: only figures that may be shown alert", () => {
  it("raises nothing for a cycle with fewer responses than the threshold", () => {
    // Two responses in total: health 40 against 80, trust at risk, a 60-point gap: all withheld.
    const thin = cycle(40, [pillar("trust", 40, { host: 70, partner: 10 })], { HOST: 1, PARTNER: 1 });
    expect(detectAlerts(thin, cycle(80, [pillar("trust", 80)]), confidential)).toEqual([]);
    // Attributed mode is exempt.
    expect(kinds(detectAlerts(thin, cycle(80, [pillar("trust", 80)]), { threshold: 3, attributed: true }))).toEqual([
      "HEALTH_DROP",
      "PILLAR_AT_RISK:trust",
      "PERCEPTION_GAP:trust",
    ]);
  });

  it("compares with nothing from a previous cycle that may not be shown", () => {
    const thinBefore = cycle(90, [pillar("trust", 90)], { HOST: 1, PARTNER: 1 }, "2031-Q1");
    // No drop against a hidden 90; trust at risk as if first measured, its hidden 90 never named.
    expect(detectAlerts(cycle(50, [pillar("trust", 50)]), thinBefore, confidential)).toEqual([
      { kind: "PILLAR_AT_RISK", pillarKey: "trust", pillarName: "Trust", score: 50, previous: null },
    ]);
  });

  it("does not alert on a pillar whose score is withheld, nor on a gap whose side is", () => {
    // Six responses, but only two scored trust (the others answered "Don't know" throughout it):
    // its score, and with it the pillar breakdown, is withheld; the health index still shows.
    const dkTrust = pillar("trust", 30, { host: 40, partner: 20 }, { HOST: 1, PARTNER: 1 });
    const fine = pillar("commitment", 40, { host: 60, partner: 20 });
    expect(detectAlerts(cycle(60, [dkTrust, fine]), null, confidential)).toEqual([]);
    // Every pillar shown, but only two partner responses scored communication: no gap on it.
    const thinSide = pillar("communication", 62, { host: 72, partner: 52 }, { HOST: 3, PARTNER: 2 });
    expect(detectAlerts(cycle(70, [thinSide]), null, confidential)).toEqual([]);
  });
});

describe("dedupe keys", () => {
  it("name the partnership, the cycle and the pillar of each event", () => {
    expect(dedupeKey("p1", "c1", { kind: "HEALTH_DROP", from: 80, to: 60, drop: 20 })).toBe("health-drop:p1:c1");
    expect(dedupeKey("p1", "c1", { kind: "PILLAR_AT_RISK", pillarKey: "trust", pillarName: "Trust", score: 50, previous: null })).toBe(
      "pillar-at-risk:p1:c1:trust",
    );
    expect(dedupeKey("p1", "c1", { kind: "PERCEPTION_GAP", pillarKey: "trust", pillarName: "Trust", host: 80, partner: 50, gap: 30 })).toBe(
      "gap:p1:c1:trust",
    );
  });
});
