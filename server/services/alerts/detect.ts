// Which alerts a partnership's cycle raises, from its stored aggregates and those of its previous
// scored cycle. Pure: no database, no clock, so the rules are pinned by unit tests.
//
// The three events of issue 5, each read the way the scorecard shows its figures:
// - health drop: the health index fell 10 points or more since the previous scored cycle, on
//   the change rounded to one decimal as the scorecard shows it (9.96 shows as 10.0 and alerts);
// - pillar at risk: a pillar's combined score is in the at-risk band (read on the rounded score,
//   like every band) and was not in the previous scored cycle (it was 60 or more, unscored, or
//   there was no earlier scored cycle: an at-risk pillar is news the first time it is measured);
// - perception gap: a pillar's two sides differ by 20 points or more and did not visibly differ
//   so in the previous scored cycle. Only when both sides meet the confidentiality threshold in
//   this cycle: below it the scorecard hides each side's numbers, and an alert would give them away.
import { band, perceptionGap, round1, sideVisible, type Side } from "../scoring";

export const HEALTH_DROP_POINTS = 10;

export interface PillarFigures {
  key: string;
  name: string;
  host: number | null;
  partner: number | null;
  combined: number | null;
}

export interface CycleFigures {
  cycleId: string;
  cycleLabel: string;
  health: number | null;
  responses: Record<Side, number>;
  pillars: readonly PillarFigures[];
}

export interface Confidentiality {
  threshold: number;
  attributed: boolean;
}

export type Alert =
  | { kind: "HEALTH_DROP"; from: number; to: number; drop: number }
  | { kind: "PILLAR_AT_RISK"; pillarKey: string; pillarName: string; score: number; previous: number | null }
  | { kind: "PERCEPTION_GAP"; pillarKey: string; pillarName: string; host: number; partner: number; gap: number };

const bothSidesVisible = (c: CycleFigures, rule: Confidentiality) =>
  sideVisible(c.responses.HOST, rule.threshold, rule.attributed) && sideVisible(c.responses.PARTNER, rule.threshold, rule.attributed);

// The gaps a viewer of that cycle could see flagged: none when a side is hidden.
function visibleGaps(c: CycleFigures, rule: Confidentiality): Set<string> {
  if (!bothSidesVisible(c, rule)) return new Set();
  return new Set(c.pillars.filter((p) => perceptionGap(p)?.flagged).map((p) => p.key));
}

// `previous` is the partnership's latest earlier cycle with a health score, or null.
export function detectAlerts(current: CycleFigures, previous: CycleFigures | null, rule: Confidentiality): Alert[] {
  if (current.health === null) return [];
  const alerts: Alert[] = [];

  if (previous?.health != null) {
    const change = round1(current.health - previous.health)!;
    if (change <= -HEALTH_DROP_POINTS) alerts.push({ kind: "HEALTH_DROP", from: previous.health, to: current.health, drop: -change });
  }

  for (const p of current.pillars) {
    if (p.combined === null || band(p.combined) !== "AT_RISK") continue;
    const before = previous?.pillars.find((q) => q.key === p.key)?.combined ?? null;
    if (before !== null && band(before) === "AT_RISK") continue;
    alerts.push({ kind: "PILLAR_AT_RISK", pillarKey: p.key, pillarName: p.name, score: p.combined, previous: before });
  }

  const flaggedBefore = previous ? visibleGaps(previous, rule) : new Set<string>();
  for (const key of visibleGaps(current, rule)) {
    if (flaggedBefore.has(key)) continue;
    const p = current.pillars.find((q) => q.key === key)!;
    alerts.push({
      kind: "PERCEPTION_GAP",
      pillarKey: key,
      pillarName: p.name,
      host: p.host!,
      partner: p.partner!,
      gap: Math.abs(p.host! - p.partner!),
    });
  }
  return alerts;
}

// The event's name: one notification (and email) per person per event, however often a cycle
// is closed and evaluated again.
export function dedupeKey(partnershipId: string, cycleId: string, alert: Alert): string {
  switch (alert.kind) {
    case "HEALTH_DROP":
      return `health-drop:${partnershipId}:${cycleId}`;
    case "PILLAR_AT_RISK":
      return `pillar-at-risk:${partnershipId}:${cycleId}:${alert.pillarKey}`;
    case "PERCEPTION_GAP":
      return `gap:${partnershipId}:${cycleId}:${alert.pillarKey}`;
  }
}
