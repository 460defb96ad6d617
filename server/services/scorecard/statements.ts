// The statement breakdown: which statements move each pillar, per side where confidentiality
// allows, from the stored StatementCycleScore rows of the current and the previous cycle whose
// figures may be shown. A pillar's breakdown shows whole or not at all (confidentiality.ts).
import type { Side } from "../../db/generated/client";
import type { ScoredCycle } from "../cycle-scores";
import { HIDDEN, minimumResponses, statementsShown, type CycleView, type Privacy } from "../confidentiality";
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

const answeredOf = (f: SideFigures | undefined) => ({ HOST: f?.host?.answered ?? 0, PARTNER: f?.partner?.answered ?? 0 });

// The statements of one pillar (by key) in one cycle's framework, in survey order.
function statementsOf(cycle: ScoredCycle, pillarKey: string, defs: readonly StatementDef[]) {
  const pillar = cycle.pillars.find((p) => p.key === pillarKey);
  return pillar ? defs.filter((d) => d.pillarId === pillar.id).sort((a, b) => a.position - b.position) : [];
}

// What of one pillar's breakdown may show in one cycle (confidentiality.ts decides).
function breakdown(
  cycle: ScoredCycle,
  view: CycleView,
  pillarKey: string,
  defs: readonly StatementDef[],
  figures: Map<string, SideFigures>,
  privacy: Privacy,
) {
  const statements = statementsOf(cycle, pillarKey, defs).map((d) => ({ answered: answeredOf(figures.get(d.key)) }));
  return statementsShown(view.pillar.get(pillarKey) ?? HIDDEN, statements, privacy);
}

export function buildStatements(input: {
  cycle: ScoredCycle;
  // The previous cycle whose figures may be shown, and what it shows.
  previous: { cycle: ScoredCycle; view: CycleView } | null;
  score: CycleScore;
  view: CycleView;
  defs: readonly StatementDef[];
  rows: readonly StatementScoreRow[];
  // Whether this viewer may see each side's own numbers at all.
  sides: boolean;
  trends: boolean;
  privacy: Privacy;
}) {
  const { cycle, previous, score, view, defs, rows, privacy } = input;
  const now = byKey(cycle, defs, rows);
  const before = previous && input.trends ? byKey(previous.cycle, defs, rows) : new Map<string, SideFigures>();
  const minimum = minimumResponses(privacy);

  return cycle.pillars.map((pillar) => {
    const pillarView = view.pillar.get(pillar.key) ?? HIDDEN;
    const pillarScore = pillarView.combined ? (score.pillars.find((p) => p.key === pillar.key)?.combined ?? null) : null;
    const shown = breakdown(cycle, view, pillar.key, defs, now, privacy);
    const visible = { host: input.sides && shown.host, partner: input.sides && shown.partner };
    // The change needs the previous cycle's breakdown of the same pillar shown too.
    const earlier =
      previous && input.trends && breakdown(previous.cycle, previous.view, pillar.key, defs, before, privacy).combined ? before : null;
    const statements: StatementRow[] = statementsOf(cycle, pillar.key, defs).map((d) => {
      const f = now.get(d.key);
      const combined = shown.combined ? combinedOf(f) : null;
      const hostDk = f?.host?.dontKnow ?? 0;
      const partnerDk = f?.partner?.dontKnow ?? 0;
      return {
        key: d.key,
        text: d.text,
        host: visible.host ? round1(f?.host?.score ?? null) : null,
        partner: visible.partner ? round1(f?.partner?.score ?? null) : null,
        combined: round1(combined),
        change: earlier ? difference(combined, combinedOf(earlier.get(d.key))) : null,
        vsPillar: difference(combined, pillarScore),
        dontKnow: { host: visible.host ? hostDk : null, partner: visible.partner ? partnerDk : null, total: hostDk + partnerDk },
        answered: (f?.host?.answered ?? 0) + (f?.partner?.answered ?? 0),
        pull: null,
      };
    });
    markPulls(statements);
    let note: string | null = null;
    const hasScore = score.pillars.some((p) => p.key === pillar.key && p.combined !== null);
    if (hasScore && !pillarView.combined) {
      note = "Withheld, as the pillar's score is.";
    } else if (pillarView.combined && !shown.combined) {
      note =
        `Withheld: fewer than ${minimum} people answered some of its statements (Don't know counts in no score), ` +
        `and beside the pillar score and the other statements their scores could be worked out.`;
    } else if (input.sides && pillarView.host && pillarView.partner && !(shown.host && shown.partner)) {
      note = `Each side's statement scores are withheld: fewer than ${minimum} people of a side answered some of its statements.`;
    }
    return {
      key: pillar.key,
      name: pillar.name,
      score: round1(pillarScore),
      band: pillarScore === null ? null : band(pillarScore),
      combinedVisible: shown.combined,
      hostVisible: visible.host,
      partnerVisible: visible.partner,
      note,
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
