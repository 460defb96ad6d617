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
//   so in the previous scored cycle.
// Every figure an alert names is one the scorecard may show (confidentiality.ts): a cycle with
// too few responses raises nothing, "previous" is the previous cycle that may be shown, and a
// pillar or side withheld there is no figure to compare with or to tell.
import { cycleCountsOf, cycleView, type CycleView, type Privacy } from "../confidentiality";
import { band, perceptionGap, round1, type Side } from "../scoring";

export const HEALTH_DROP_POINTS = 10;

export interface PillarFigures {
  key: string;
  name: string;
  host: number | null;
  partner: number | null;
  combined: number | null;
  // Responses per side with a score for the pillar.
  scored: Record<Side, number>;
}

export interface CycleFigures {
  cycleId: string;
  cycleLabel: string;
  health: number | null;
  responses: Record<Side, number>;
  // Responses per side with any answer other than "Don't know".
  scored: Record<Side, number>;
  pillars: readonly PillarFigures[];
}

export type Alert =
  | { kind: "HEALTH_DROP"; from: number; to: number; drop: number }
  | { kind: "PILLAR_AT_RISK"; pillarKey: string; pillarName: string; score: number; previous: number | null }
  | { kind: "PERCEPTION_GAP"; pillarKey: string; pillarName: string; host: number; partner: number; gap: number };

const viewOf = (c: CycleFigures, rule: Privacy): CycleView => cycleView(cycleCountsOf(c), rule);

// The gaps a viewer of that cycle could see flagged: only pillars whose two sides both show.
function visibleGaps(c: CycleFigures, view: CycleView): Set<string> {
  return new Set(
    c.pillars.filter((p) => view.pillar.get(p.key)?.host && view.pillar.get(p.key)?.partner && perceptionGap(p)?.flagged).map((p) => p.key),
  );
}

// A pillar's combined score where the cycle may show it, else null.
const shownCombined = (c: CycleFigures, view: CycleView, key: string) =>
  view.pillar.get(key)?.combined ? (c.pillars.find((q) => q.key === key)?.combined ?? null) : null;

// `previous` is the partnership's latest earlier cycle whose figures may be shown, or null.
export function detectAlerts(current: CycleFigures, previous: CycleFigures | null, rule: Privacy): Alert[] {
  const now = viewOf(current, rule);
  if (current.health === null || !now.shown) return [];
  const beforeView = previous ? viewOf(previous, rule) : null;
  const before = previous && previous.health !== null && beforeView?.shown ? { figures: previous, view: beforeView } : null;
  const alerts: Alert[] = [];

  if (before) {
    const change = round1(current.health - before.figures.health!)!;
    if (change <= -HEALTH_DROP_POINTS)
      alerts.push({ kind: "HEALTH_DROP", from: before.figures.health!, to: current.health, drop: -change });
  }

  for (const p of current.pillars) {
    const score = shownCombined(current, now, p.key);
    if (score === null || band(score) !== "AT_RISK") continue;
    const was = before ? shownCombined(before.figures, before.view, p.key) : null;
    if (was !== null && band(was) === "AT_RISK") continue;
    alerts.push({ kind: "PILLAR_AT_RISK", pillarKey: p.key, pillarName: p.name, score, previous: was });
  }

  const flaggedBefore = before ? visibleGaps(before.figures, before.view) : new Set<string>();
  for (const key of visibleGaps(current, now)) {
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
