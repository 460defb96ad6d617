// The lists beside the heatmap: who moved most, who is at risk, where the two sides disagree,
// and where too few people have answered. Each is sorted most urgent first.
import type { ScoredCycle } from "../cycle-scores";
import { isGapFlagged, round1 } from "../scoring";
import type { HealthMatrix } from "./queries";
import type { Standing } from "./rows";

const capped = <T>(items: T[], cap: number) => ({ items: items.slice(0, cap), total: items.length });

// A change shows as a whole number; one that rounds to nothing is no move.
export function movers(rows: Standing[], cap: number) {
  const item = (r: Standing) => ({ id: r.id, name: r.name, health: round1(r.health)!, change: round1(r.change)! });
  const moved = rows.filter((r) => r.change !== null && Math.round(r.change) !== 0);
  const up = moved.filter((r) => r.change! > 0).sort((a, b) => b.change! - a.change!);
  const down = moved.filter((r) => r.change! < 0).sort((a, b) => a.change! - b.change!);
  return { up: capped(up.map(item), cap), down: capped(down.map(item), cap) };
}

export function atRisk(rows: Standing[], cap: number) {
  const risky = rows.filter((r) => r.band === "AT_RISK").sort((a, b) => a.health! - b.health!);
  const { items, total } = capped(risky, cap);
  return { items: items.map((r) => ({ id: r.id, name: r.name, health: round1(r.health)!, change: round1(r.change) })), total };
}

export interface GapFinding {
  id: string;
  pillar: string;
  gap: number;
  higher: "HOST" | "PARTNER";
  cycleLabel: string;
}

// Each partnership's largest flagged gap, from the latest cycle where both sides may be shown
// (the cycle the scorecard's two-sided view uses), as stored with the cycle's aggregates.
export function gaps(rows: Standing[], cycles: ScoredCycle[], matrix: HealthMatrix): GapFinding[] {
  const found: GapFinding[] = [];
  for (const r of rows) {
    if (r.sidesCycle < 0) continue;
    const cycle = cycles[r.sidesCycle]!;
    const cell = matrix.get(r.id)?.get(cycle.id);
    if (!cell || cell.gap === null || cell.gapHigher === null || !isGapFlagged(cell.gap)) continue;
    const pillar = cycle.pillars.find((p) => p.key === cell.gapPillarKey)?.name ?? cell.gapPillarKey!;
    found.push({ id: r.id, pillar, gap: cell.gap, higher: cell.gapHigher, cycleLabel: cycle.label });
  }
  return found.sort((a, b) => b.gap - a.gap);
}

// The cycle whose response rates matter: the latest open one, or else the latest.
export function rateCycle(cycles: ScoredCycle[]) {
  return cycles.findLast((c) => c.status === "OPEN") ?? cycles.at(-1) ?? null;
}

// Partnerships where fewer than half of the people asked have answered, lowest rate first.
export function lowResponseRates(rows: Standing[], cycleId: string, asked: Map<string, number>, matrix: HealthMatrix) {
  const low = [];
  for (const r of rows) {
    const people = asked.get(r.id) ?? 0;
    if (people === 0) continue;
    const cell = matrix.get(r.id)?.get(cycleId);
    const answered = Math.min(people, (cell?.host ?? 0) + (cell?.partner ?? 0));
    if (answered / people >= 0.5) continue;
    low.push({ id: r.id, name: r.name, asked: people, answered, percent: Math.round((answered / people) * 100) });
  }
  return low.sort((a, b) => a.answered / a.asked - b.answered / b.asked || b.asked - a.asked || a.name.localeCompare(b.name));
}
