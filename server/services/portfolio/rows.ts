// Each partnership's standing, from its stored health per cycle and the pure scoring rules: the
// current cycle (the latest with a score), health, band, change, and the cycle whose two sides
// may be shown (for perception gaps), as the scorecard decides them.
import type { ScoredCycle } from "../cycle-scores";
import { band, trend, visibleSides, type Band } from "../scoring";
import type { HealthMatrix, PartnershipLite } from "./queries";

export interface Standing extends PartnershipLite {
  // Health per cycle, oldest first (null where there is no score).
  healths: (number | null)[];
  current: number; // index of the current cycle, -1 without any score
  previous: number; // index of the scored cycle before the current one, -1 if none
  health: number | null;
  band: Band | null;
  change: number | null;
  // Index of the latest cycle, up to the current one, where both sides may be shown; -1 if none.
  sidesCycle: number;
}

export interface Confidentiality {
  threshold: number;
  attributed: boolean;
}

export function standings(
  partnerships: PartnershipLite[],
  cycles: ScoredCycle[],
  matrix: HealthMatrix,
  privacy: Confidentiality,
): Standing[] {
  return partnerships.map((p) => {
    const byCycle = matrix.get(p.id);
    const healths = cycles.map((c) => byCycle?.get(c.id)?.health ?? null);
    const current = healths.findLastIndex((h) => h !== null);
    const previous = current > 0 ? healths.findLastIndex((h, i) => i < current && h !== null) : -1;
    const health = current >= 0 ? healths[current]! : null;
    let sidesCycle = -1;
    for (let i = current; i >= 0; i--) {
      const cell = byCycle?.get(cycles[i]!.id);
      if (!cell) continue;
      const sides = visibleSides({ HOST: cell.host, PARTNER: cell.partner }, privacy.threshold, privacy.attributed, true);
      if (sides.host && sides.partner) {
        sidesCycle = i;
        break;
      }
    }
    return {
      ...p,
      healths,
      current,
      previous,
      health,
      band: health === null ? null : band(health),
      change: current >= 0 ? trend(healths.slice(0, current + 1)) : null,
      sidesCycle,
    };
  });
}
