// Each partnership's standing, from its stored health per cycle and the pure rules: the current
// cycle (the latest whose figures may be shown, confidentiality.ts), health, band, change against
// the showable cycle before it, whether a newer cycle had too few responses to be shown, and the
// cycle whose two sides may be shown (for perception gaps), as the scorecard decides them.
import { cycleShown, cycleSidesShown, cycleView, type Counts, type Privacy } from "../confidentiality";
import type { ScoredCycle } from "../cycle-scores";
import { band, trend, type Band } from "../scoring";
import type { HealthCell, HealthMatrix, PartnershipLite, PillarCell } from "./queries";

export interface Standing extends PartnershipLite {
  // Health per cycle, oldest first; null where there is no score or it may not be shown.
  healths: (number | null)[];
  current: number; // index of the current (latest showable) cycle, -1 without any
  previous: number; // index of the showable cycle before the current one, -1 if none
  // Index of the latest cycle with any score, shown or not; -1 without any. Newer than `current`
  // when that cycle had too few responses: the row then keeps its last showable cycle, marked,
  // and stays out of the movers and at-risk rankings.
  latest: number;
  health: number | null;
  band: Band | null;
  change: number | null;
  // Index of the latest cycle where both sides may be shown (at cycle level; perception gaps check
  // each pillar, see insights.ts); -1 if none.
  sidesCycle: number;
}

const scoredOf = (cell: HealthCell) => ({ HOST: cell.hostScored, PARTNER: cell.partnerScored });

// Whether a partnership's latest scored cycle is newer than the one its figures come from.
export const isStale = (r: Standing) => r.latest > r.current;

export function standings(partnerships: PartnershipLite[], cycles: ScoredCycle[], matrix: HealthMatrix, privacy: Privacy): Standing[] {
  return partnerships.map((p) => {
    const byCycle = matrix.get(p.id);
    const healths: (number | null)[] = [];
    let latest = -1;
    let sidesCycle = -1;
    // One counts object for the whole row: this runs for every partnership and cycle.
    const scored: Counts = { HOST: 0, PARTNER: 0 };
    for (let i = 0; i < cycles.length; i++) {
      const cell = byCycle?.get(cycles[i]!.id);
      if (!cell || cell.health === null) {
        healths.push(null);
        continue;
      }
      latest = i;
      scored.HOST = cell.hostScored;
      scored.PARTNER = cell.partnerScored;
      const shown = cycleShown(scored, privacy);
      healths.push(shown ? cell.health : null);
      if (shown && cycleSidesShown(scored, privacy)) sidesCycle = i;
    }
    const current = healths.findLastIndex((h) => h !== null);
    const previous = current > 0 ? healths.findLastIndex((h, i) => i < current && h !== null) : -1;
    const health = current >= 0 ? healths[current]! : null;
    return {
      ...p,
      healths,
      current,
      previous,
      latest,
      health,
      band: health === null ? null : band(health),
      change: current >= 0 ? trend(healths.slice(0, current + 1)) : null,
      sidesCycle,
    };
  });
}

// What one stored cycle of a partnership may show, from its cell and its pillar rows.
export function viewOfCell(cell: HealthCell, pillars: ReadonlyMap<string, PillarCell> | undefined, privacy: Privacy) {
  return cycleView(
    {
      responses: { HOST: cell.host, PARTNER: cell.partner },
      scored: scoredOf(cell),
      pillars: [...(pillars ?? new Map<string, PillarCell>())].map(([key, x]) => ({
        key,
        hasScore: x.combined !== null,
        scored: { HOST: x.hostScored, PARTNER: x.partnerScored },
      })),
    },
    privacy,
  );
}
