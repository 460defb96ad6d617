// The scoring rules of DESIGN.md, as pure functions: no database, no dates, no I/O. Every figure
// the app shows comes through here, so the rules live in one place and tests pin them.

export type Side = "HOST" | "PARTNER";
export type Band = "HEALTHY" | "WATCH" | "AT_RISK";

// An item answer: 1-5, or null for "Don't know".
export type AnswerValue = number | null;

export const GAP_THRESHOLD = 20;

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

// 1-5 agreement mean -> 0-100.
export const toPercent = (likertMean: number): number => ((likertMean - 1) / 4) * 100;

// A response's score for one pillar: mean of its answered items, "Don't know" excluded.
// Null when every item was "Don't know".
export function responsePillarScore(values: readonly AnswerValue[]): number | null {
  const answered = values.filter((v): v is number => v !== null);
  const m = mean(answered);
  return m === null ? null : toPercent(m);
}

export interface SideScores {
  host: number | null;
  partner: number | null;
}

// One side's pillar score in a cycle: mean of that side's response pillar scores.
export const sideScore = (responseScores: readonly (number | null)[]): number | null =>
  mean(responseScores.filter((s): s is number => s !== null));

// Each side counts equally, so a large host team cannot drown out the partner's voice.
export function combinedScore({ host, partner }: SideScores): number | null {
  if (host !== null && partner !== null) return (host + partner) / 2;
  return host ?? partner;
}

// Weighted mean of the pillar scores that exist; a pillar nobody scored drops out rather than
// counting as zero.
export function healthIndex(pillars: readonly { score: number | null; weight: number }[]): number | null {
  const scored = pillars.filter((p): p is { score: number; weight: number } => p.score !== null && p.weight > 0);
  const totalWeight = scored.reduce((sum, p) => sum + p.weight, 0);
  if (totalWeight === 0) return null;
  return scored.reduce((sum, p) => sum + p.score * p.weight, 0) / totalWeight;
}

// The lowest rounded score of each band above "at risk" (plain SQL that filters by band reads these).
export const BAND_FLOORS = { HEALTHY: 75, WATCH: 60 } as const;

// Bands are read on the rounded score, the number people see: 74.6 shows as 75 and is healthy.
export function band(score: number): Band {
  const shown = Math.round(score);
  if (shown >= BAND_FLOORS.HEALTHY) return "HEALTHY";
  if (shown >= BAND_FLOORS.WATCH) return "WATCH";
  return "AT_RISK";
}

export const BAND_LABEL: Record<Band, string> = { HEALTHY: "Healthy", WATCH: "Watch", AT_RISK: "At risk" };

// Change against the previous cycle that has a score. `series` is oldest first; the last entry
// is the current cycle. Null when the current cycle or every earlier one lacks a score.
export function trend(series: readonly (number | null)[]): number | null {
  const current = series.at(-1);
  if (current === null || current === undefined) return null;
  for (let i = series.length - 2; i >= 0; i--) {
    const previous = series[i];
    if (previous !== null && previous !== undefined) return current - previous;
  }
  return null;
}

export interface Gap {
  gap: number;
  flagged: boolean;
  // Which side rates the pillar higher.
  higher: Side | null;
}

export const isGapFlagged = (gap: number) => gap >= GAP_THRESHOLD;

export function perceptionGap({ host, partner }: SideScores): Gap | null {
  if (host === null || partner === null) return null;
  const gap = Math.abs(host - partner);
  return { gap, flagged: isGapFlagged(gap), higher: host === partner ? null : host > partner ? "HOST" : "PARTNER" };
}

// Rounding for display and for chart series: one decimal keeps sums stable without false precision.
export const round1 = (value: number | null): number | null => (value === null ? null : Math.round(value * 10) / 10);

export interface PillarDef {
  key: string;
  name: string;
  weight: number;
}

// One submitted response's stored pillar scores, keyed by pillar key.
export interface ResponseScores {
  side: Side;
  scores: Readonly<Record<string, number | null>>;
}

export interface PillarCycleScore {
  key: string;
  host: number | null;
  partner: number | null;
  combined: number | null;
  // Responses per side with a score for this pillar (not "Don't know" throughout it).
  scored: Record<Side, number>;
}

export interface CycleScore {
  pillars: PillarCycleScore[];
  health: number | null;
  responses: Record<Side, number>;
  // Responses per side with a score for at least one pillar: the ones the health index comes from.
  scored: Record<Side, number>;
}

// A partnership's scores in one cycle, from its submitted responses.
// The pillar with the largest perception gap (the first in framework order on a tie), or null
// when no pillar has both sides' scores.
export function largestGap(pillars: readonly { key: string; host: number | null; partner: number | null }[]) {
  let best: (Gap & { key: string }) | null = null;
  for (const p of pillars) {
    const gap = perceptionGap(p);
    if (gap && (best === null || gap.gap > best.gap)) best = { ...gap, key: p.key };
  }
  return best;
}

export function scoreCycle<P extends Pick<PillarDef, "key" | "weight">>(
  pillars: readonly P[],
  responses: readonly ResponseScores[],
): CycleScore {
  const bySide = (side: Side) => responses.filter((r) => r.side === side);
  const host = bySide("HOST");
  const partner = bySide("PARTNER");
  const hasScore = (r: ResponseScores, key: string) => r.scores[key] !== null && r.scores[key] !== undefined;
  const pillarScores = pillars.map((p) => {
    const sides = {
      host: sideScore(host.map((r) => r.scores[p.key] ?? null)),
      partner: sideScore(partner.map((r) => r.scores[p.key] ?? null)),
    };
    const scored = { HOST: host.filter((r) => hasScore(r, p.key)).length, PARTNER: partner.filter((r) => hasScore(r, p.key)).length };
    return { key: p.key, ...sides, combined: combinedScore(sides), scored };
  });
  const scoredAny = (rs: ResponseScores[]) => rs.filter((r) => pillars.some((p) => hasScore(r, p.key))).length;
  return {
    pillars: pillarScores,
    health: healthIndex(pillarScores.map((s, i) => ({ score: s.combined, weight: pillars[i]!.weight }))),
    responses: { HOST: host.length, PARTNER: partner.length },
    scored: { HOST: scoredAny(host), PARTNER: scoredAny(partner) },
  };
}

// One statement's score on one side: the mean of the answered values as 0-100, with how many
// answered and how many said "Don't know". The same mapping as a response's pillar score.
export interface StatementScore {
  score: number | null;
  answered: number;
  dontKnow: number;
}

export function statementScore(values: readonly AnswerValue[]): StatementScore {
  const answered = values.filter((v): v is number => v !== null);
  return { score: responsePillarScore(answered), answered: answered.length, dontKnow: values.length - answered.length };
}

// The spread of a set of scores. Quantiles interpolate linearly between the two nearest ranks
// (the method of spreadsheets' QUARTILE.INC and numpy's default), so the median of an even
// count is the mean of the middle two and every quantile of a single score is that score.
function quantileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const rank = (sorted.length - 1) * p;
  const below = Math.floor(rank);
  const above = Math.ceil(rank);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (rank - below);
}

// A typed array sorts numbers natively, several times faster than a comparator on thousands.
const ascending = (values: readonly number[]) => Float64Array.from(values).sort();

export function quantile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError("A quantile lies between 0 and 1.");
  return values.length === 0 ? null : quantileOfSorted(ascending(values), p);
}

export const median = (values: readonly number[]): number | null => quantile(values, 0.5);

export interface Quartiles {
  q1: number;
  median: number;
  q3: number;
}

export function quartiles(values: readonly number[]): Quartiles | null {
  if (values.length === 0) return null;
  const sorted = ascending(values);
  return { q1: quantileOfSorted(sorted, 0.25), median: quantileOfSorted(sorted, 0.5), q3: quantileOfSorted(sorted, 0.75) };
}

// The value exchange's reciprocity index (docs/value-exchange.md): how balanced the give and get
// of a partnership is over a period. Each delivered ask or offer counts its 1-5 value rating, an
// unrated one UNRATED_VALUE (the middle of the scale); given_H and given_P are the sums each side
// gave; index = round(100 * min / max), 0-100. Null when nothing was delivered either way (no
// exchange yet); 0 when only one side gave; 100 when both gave as much.
export const UNRATED_VALUE = 3;
export const ONE_SIDED_BELOW = 40;
export const ONE_SIDED_MIN_DELIVERED = 4;

export const valueOf = (rating: number | null) => rating ?? UNRATED_VALUE;

export function reciprocityIndex(givenHost: number, givenPartner: number): number | null {
  const max = Math.max(givenHost, givenPartner);
  if (max === 0) return null;
  return Math.round((100 * Math.min(givenHost, givenPartner)) / max);
}

// One-sided: an index below 40 over at least 4 deliveries (fewer are too few to call).
export const isOneSided = (index: number | null, delivered: number) =>
  index !== null && index < ONE_SIDED_BELOW && delivered >= ONE_SIDED_MIN_DELIVERED;
