// The statement breakdown: which statements move each pillar, per side where confidentiality
// allows, from the stored StatementCycleScore rows of the current and the previous scored cycle.
import type { Side } from "../../db/generated/client";
import type { ScoredCycle } from "../cycle-scores";
import { band, combinedScore, round1, type CycleScore } from "../scoring";
import type { StatementRow } from "./schema";

export interface StatementDef {
  id: string;
  key: string;
  text: string;
  pillarId: string;
  position: number;
  versionId: string;
}

export interface StatementScoreRow {
  cycleId: string;
  statementId: string;
  side: Side;
  score: number | null;
  answered: number;
  dontKnow: number;
}

interface SideFigures {
  host: StatementScoreRow | undefined;
  partner: StatementScoreRow | undefined;
}

// statement key -> its two sides' rows in one cycle.
function byKey(cycle: ScoredCycle, defs: readonly StatementDef[], rows: readonly StatementScoreRow[]) {
  const keyOf = new Map(defs.filter((d) => d.versionId === cycle.frameworkVersionId).map((d) => [d.id, d.key]));
  const map = new Map<string, SideFigures>();
  for (const r of rows) {
    if (r.cycleId !== cycle.id) continue;
    const key = keyOf.get(r.statementId);
    if (!key) continue;
    const entry = map.get(key) ?? { host: undefined, partner: undefined };
    map.set(key, entry);
    if (r.side === "HOST") entry.host = r;
    else entry.partner = r;
  }
  return map;
}

// A difference of float means that should be zero can come out as -0.0000001; shown as 0, not -0.
const difference = (a: number | null, b: number | null) => (a === null || b === null ? null : round1(a - b)! + 0);

const combinedOf = (f: SideFigures | undefined) =>
  f ? combinedScore({ host: f.host?.score ?? null, partner: f.partner?.score ?? null }) : null;

export function buildStatements(input: {
  cycle: ScoredCycle;
  previous: ScoredCycle | null;
  score: CycleScore;
  defs: readonly StatementDef[];
  rows: readonly StatementScoreRow[];
  visible: { host: boolean; partner: boolean };
  trends: boolean;
}) {
  const { cycle, previous, score, defs, rows, visible } = input;
  const now = byKey(cycle, defs, rows);
  const before = previous && input.trends ? byKey(previous, defs, rows) : new Map<string, SideFigures>();

  return cycle.pillars.map((pillar) => {
    const pillarScore = score.pillars.find((p) => p.key === pillar.key)?.combined ?? null;
    const statements: StatementRow[] = defs
      .filter((d) => d.pillarId === pillar.id)
      .sort((a, b) => a.position - b.position)
      .map((d) => {
        const f = now.get(d.key);
        const combined = combinedOf(f);
        const previousCombined = combinedOf(before.get(d.key));
        const hostDk = f?.host?.dontKnow ?? 0;
        const partnerDk = f?.partner?.dontKnow ?? 0;
        return {
          key: d.key,
          text: d.text,
          host: visible.host ? round1(f?.host?.score ?? null) : null,
          partner: visible.partner ? round1(f?.partner?.score ?? null) : null,
          combined: round1(combined),
          change: difference(combined, previousCombined),
          vsPillar: difference(combined, pillarScore),
          dontKnow: { host: visible.host ? hostDk : null, partner: visible.partner ? partnerDk : null, total: hostDk + partnerDk },
          answered: (f?.host?.answered ?? 0) + (f?.partner?.answered ?? 0),
          pull: null,
        };
      });
    markPulls(statements);
    return {
      key: pillar.key,
      name: pillar.name,
      score: round1(pillarScore),
      band: pillarScore === null ? null : band(pillarScore),
      statements,
    };
  });
}

// The lowest statement pulls its pillar down, the highest lifts it; only when they differ from
// the pillar score and from each other.
function markPulls(rows: StatementRow[]) {
  const scored = rows.filter((r) => r.combined !== null && r.vsPillar !== null);
  if (scored.length < 2) return;
  const lowest = scored.reduce((a, b) => (b.combined! < a.combined! ? b : a));
  const highest = scored.reduce((a, b) => (b.combined! > a.combined! ? b : a));
  if (lowest.combined === highest.combined) return;
  if (lowest.vsPillar! < 0) lowest.pull = "DOWN";
  if (highest.vsPillar! > 0) highest.pull = "UP";
}
