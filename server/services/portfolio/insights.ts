// The lists beside the heatmap: who moved most, who is at risk, where the two sides disagree,
// and where too few people have answered. Each is sorted most urgent first.
import type { ScoredCycle } from "../cycle-scores";
import { everyPillarShowsBothSides, type Privacy } from "../confidentiality";
import { isGapFlagged, largestGap, round1 } from "../scoring";
import { pairKey, type HealthCell, type HealthMatrix, type PillarTable } from "./queries";
import { isStale, viewOfCell, type Standing } from "./rows";

const capped = <T>(items: T[], cap: number) => ({ items: items.slice(0, cap), total: items.length });

// A change shows as a whole number; one that rounds to nothing is no move. A partnership whose
// latest cycle had too few responses to be shown is no mover now: its figures are a cycle old.
export function movers(rows: Standing[], cap: number) {
  const item = (r: Standing) => ({ id: r.id, name: r.name, health: round1(r.health)!, change: round1(r.change)! });
  const moved = rows.filter((r) => r.change !== null && Math.round(r.change) !== 0 && !isStale(r));
  const up = moved.filter((r) => r.change! > 0).sort((a, b) => b.change! - a.change!);
  const down = moved.filter((r) => r.change! < 0).sort((a, b) => a.change! - b.change!);
  return { up: capped(up.map(item), cap), down: capped(down.map(item), cap) };
}

// At risk now: a partnership whose latest cycle could not be shown is left out, like the movers.
export function atRisk(rows: Standing[], cap: number) {
  const risky = rows.filter((r) => r.band === "AT_RISK" && !isStale(r)).sort((a, b) => a.health! - b.health!);
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

// Each partnership's latest cycle where both sides may be shown (the cycle the scorecard's
// two-sided view uses), when its stored largest gap is flagged; no other cycle or partnership can
// have a flagged gap to show.
function gapCandidates(rows: Standing[], cycles: ScoredCycle[], matrix: HealthMatrix) {
  const found: { row: Standing; cycle: ScoredCycle; cell: HealthCell }[] = [];
  for (const r of rows) {
    if (r.sidesCycle < 0) continue;
    const cycle = cycles[r.sidesCycle]!;
    const cell = matrix.get(r.id)?.get(cycle.id);
    if (!cell || cell.gap === null || cell.gapHigher === null || !isGapFlagged(cell.gap)) continue;
    found.push({ row: r, cycle, cell });
  }
  return found;
}

const everyPillarShows = (cell: HealthCell, privacy: Privacy) =>
  everyPillarShowsBothSides(
    { HOST: cell.hostScored, PARTNER: cell.partnerScored },
    { HOST: cell.minHostScored, PARTNER: cell.minPartnerScored },
    privacy,
  );

// The candidates whose stored gap cannot be taken as it is (some pillar of the cycle has too few
// responses of a side behind it): their pillar rows decide, pillar by pillar. Rare: a side must
// have answered "Don't know" throughout a pillar.
export function gapPillarPairs(rows: Standing[], cycles: ScoredCycle[], matrix: HealthMatrix, privacy: Privacy) {
  return gapCandidates(rows, cycles, matrix)
    .filter((c) => !everyPillarShows(c.cell, privacy))
    .map((c) => ({ partnershipId: c.row.id, cycleId: c.cycle.id }));
}

// Each partnership's largest flagged gap among the pillars whose two sides may both be shown
// (confidentiality.ts): as stored when every pillar shows both sides, else from the pillar rows
// of gapPillarPairs.
export function gaps(rows: Standing[], cycles: ScoredCycle[], matrix: HealthMatrix, pillars: PillarTable, privacy: Privacy): GapFinding[] {
  const found: GapFinding[] = [];
  for (const { row, cycle, cell } of gapCandidates(rows, cycles, matrix)) {
    let best: { key: string; gap: number; higher: "HOST" | "PARTNER" | null; flagged: boolean } | null = {
      key: cell.gapPillarKey!,
      gap: cell.gap!,
      higher: cell.gapHigher,
      flagged: true,
    };
    if (!everyPillarShows(cell, privacy)) {
      const table = pillars.get(pairKey(row.id, cycle.id));
      if (!table) continue;
      const view = viewOfCell(cell, table, privacy);
      const visible = cycle.pillars.flatMap((def) => {
        const v = view.pillar.get(def.key);
        const p = table.get(def.key);
        return p && v?.host && v.partner ? [{ key: def.key, host: p.host, partner: p.partner }] : [];
      });
      best = largestGap(visible);
    }
    if (!best || !best.flagged || best.higher === null) continue;
    const key = best.key;
    const pillar = cycle.pillars.find((p) => p.key === key)?.name ?? key;
    found.push({ id: row.id, pillar, gap: best.gap, higher: best.higher, cycleLabel: cycle.label });
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
