// The program as a whole: band counts, average and quartiles, now and per cycle.
import type { ScoredCycle } from "../cycle-scores";
import { band, mean, quartiles, round1, type Band } from "../scoring";
import type { Standing } from "./rows";

function spreadOf(healths: number[]) {
  const q = quartiles(healths);
  return { average: round1(mean(healths)), median: round1(q?.median ?? null), q1: round1(q?.q1 ?? null), q3: round1(q?.q3 ?? null) };
}

const counts = (): Record<Band, number> => ({ HEALTHY: 0, WATCH: 0, AT_RISK: 0 });

export function cycleSeries(cycles: ScoredCycle[], rows: Standing[]) {
  return cycles.map((c, i) => {
    const healths: number[] = [];
    const bands = counts();
    for (const r of rows) {
      const h = r.healths[i];
      if (h === null || h === undefined) continue;
      healths.push(h);
      bands[band(h)]++;
    }
    return { label: c.label, scored: healths.length, ...spreadOf(healths), ...bands };
  });
}

export function summaryOf(rows: Standing[], active: number) {
  const healths = rows.flatMap((r) => (r.health === null ? [] : [r.health]));
  const bands = { ...counts(), NONE: 0 };
  for (const r of rows) bands[r.band ?? "NONE"]++;
  return {
    partnerships: rows.length,
    scored: healths.length,
    active,
    ...spreadOf(healths),
    change: round1(mean(rows.flatMap((r) => (r.change === null ? [] : [r.change])))),
    bands,
  };
}
