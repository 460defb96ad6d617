// What may be shown of a partnership's figures, as pure functions: the one confidentiality rule
// of DESIGN.md that every output (scorecard, print, portfolio, CSV, renewal page, history export,
// alerts and their emails) asks. No database, no I/O; it reads only the stored counts.
//
// In confidential mode (the default), with the workspace's threshold t:
// - a combined figure needs at least t responses in total behind it, a side's own figure at least
//   t from that side; "behind it" counts the responses that actually make the figure: those with
//   an answer other than "Don't know" (for a statement, the people who answered it);
// - a side's figure shows beside a combined one only when the other side's shows too or the
//   other side has nothing there (else combined x 2 - one side gives the other away);
// - parts show only as a whole: when one part would be withheld, its whole breakdown is (a pillar
//   beside the health index and the other pillars, a statement beside its pillar and the other
//   statements could be worked out by subtraction);
// - a cycle whose health index cannot show is not shown at all: "too few responses (n of N)";
//   trends and the portfolio skip it and compare showable cycles only.
// Attributed mode is exempt: a figure shows once anyone answered.
import type { Side } from "./scoring";

export interface Privacy {
  threshold: number;
  attributed: boolean;
}

export const privacyOf = (w: { confidentialityThreshold: number; surveyMode: string }): Privacy => ({
  threshold: w.confidentialityThreshold,
  attributed: w.surveyMode === "ATTRIBUTED",
});

export type Counts = Record<Side, number>;

export interface Visible {
  combined: boolean;
  host: boolean;
  partner: boolean;
}

export const HIDDEN: Visible = { combined: false, host: false, partner: false };

// The fewest responses a figure needs behind it: in total for a combined figure, from the side
// for a side's own. Plain SQL that pre-selects showable cycles uses the same number.
export const minimumResponses = (p: Privacy) => (p.attributed ? 1 : Math.max(1, p.threshold));

export const enough = (responses: number, p: Privacy) => responses >= minimumResponses(p);

export const total = (c: Counts) => c.HOST + c.PARTNER;

// Which sides' own figures may stand beside a combined figure made of both (the combined figure
// itself needs `enough(total)`, which a shown side implies).
export function sidesShown(c: Counts, p: Privacy): { host: boolean; partner: boolean } {
  const own = { host: enough(c.HOST, p), partner: enough(c.PARTNER, p) };
  return { host: own.host && (own.partner || c.PARTNER === 0), partner: own.partner && (own.host || c.HOST === 0) };
}

// One figure with its two sides, from the responses behind each.
export function figureShown(c: Counts, p: Privacy): Visible {
  if (!enough(total(c), p)) return HIDDEN;
  return { combined: true, ...sidesShown(c, p) };
}

// A side's comments of a cycle: that side's responses reach the threshold (comments carry no
// figure another could be subtracted from).
export const commentsShown = (responses: number, p: Privacy) => enough(responses, p);

// The counts of one partnership's cycle, as stored with its aggregates.
export interface CycleCounts {
  // Submitted responses per side: what "n" in "n of N" says.
  responses: Counts;
  // Responses with any answer other than "Don't know": the ones the health index comes from.
  scored: Counts;
  // Per pillar: whether it has a combined score, and the responses per side with a score for it.
  pillars: readonly { key: string; hasScore: boolean; scored: Counts }[];
}

// The counts of a stored cycle score (cycle-scores.ts, scoring.ts's CycleScore).
export const cycleCountsOf = (s: {
  responses: Counts;
  scored: Counts;
  pillars: readonly { key: string; combined: number | null; scored: Counts }[];
}): CycleCounts => ({
  responses: s.responses,
  scored: s.scored,
  pillars: s.pillars.map((p) => ({ key: p.key, hasScore: p.combined !== null, scored: p.scored })),
});

export interface CycleView {
  // The health index, and the cycle as a point of any trend, ranking or comparison.
  shown: boolean;
  // The pillar breakdown of the health index: all scored pillars or none.
  pillars: boolean;
  // Per pillar key: its combined score and each side's.
  pillar: Map<string, Visible>;
  // Whether some pillar shows each side: a two-sided view of this cycle has something to show.
  host: boolean;
  partner: boolean;
}

// A cycle's health index shows when enough responses are behind it (the portfolio's packed read
// knows only these counts; cycleView below refines the parts).
export const cycleShown = (scored: Counts, p: Privacy) => enough(total(scored), p);

// The two sides of a cycle at cycle level, for choosing which cycle a two-sided view comes from
// without its pillar rows; cycleView decides each pillar.
// (Both sides reaching the threshold is sidesShown's both-true case; written out, as the portfolio
// asks it of every partnership and cycle.)
export const cycleSidesShown = (scored: Counts, p: Privacy) => cycleShown(scored, p) && enough(scored.HOST, p) && enough(scored.PARTNER, p);

// Whether every pillar of a cycle with a score shows both sides, from the fewest responses of each
// side behind any of them (stored with the cycle): then the cycle's stored largest gap is a gap
// that may be shown, and no pillar row needs reading. When not, cycleView on the pillar rows decides.
export const everyPillarShowsBothSides = (scored: Counts, fewestPerPillar: Counts, p: Privacy) =>
  cycleShown(scored, p) && enough(fewestPerPillar.HOST, p) && enough(fewestPerPillar.PARTNER, p);

export function cycleView(c: CycleCounts, p: Privacy): CycleView {
  const shown = cycleShown(c.scored, p);
  const pillars = shown && c.pillars.every((x) => !x.hasScore || enough(total(x.scored), p));
  const pillar = new Map<string, Visible>();
  for (const x of c.pillars) pillar.set(x.key, pillars && x.hasScore ? figureShown(x.scored, p) : HIDDEN);
  const views = [...pillar.values()];
  return { shown, pillars, pillar, host: views.some((v) => v.host), partner: views.some((v) => v.partner) };
}

// The statement breakdown of one pillar in one cycle, from each statement's answers per side
// (StatementCycleScore.answered), under what the pillar itself shows. A statement nobody answered
// shows nothing and hides nothing; any other statement below the threshold withholds the whole
// breakdown (for that side, or combined), since beside the pillar and its other statements it
// could be worked out.
export function statementsShown(pillar: Visible, statements: readonly { answered: Counts }[], p: Privacy): Visible {
  const answered = statements.filter((s) => total(s.answered) > 0);
  const combined = pillar.combined && answered.every((s) => enough(total(s.answered), p));
  const own = (side: Side) => statements.every((s) => s.answered[side] === 0 || enough(s.answered[side], p));
  const none = (side: Side) => statements.every((s) => s.answered[side] === 0);
  const host = combined && pillar.host && own("HOST");
  const partner = combined && pillar.partner && own("PARTNER");
  return { combined, host: host && (partner || none("PARTNER")), partner: partner && (host || none("HOST")) };
}

// The change of a figure against the previous showable cycle's; null unless both are shown.
export const changeOf = (current: number | null, previous: number | null) =>
  current === null || previous === null ? null : current - previous;

// The latest index at or before `upTo` whose cycle shows, or -1.
export function lastShown(shown: readonly boolean[], upTo = shown.length - 1) {
  for (let i = Math.min(upTo, shown.length - 1); i >= 0; i--) if (shown[i]) return i;
  return -1;
}

// Why a cycle's figures are not shown, in the words every page uses: "too few responses (1 of
// 8)". n is the responses submitted, N the people asked (never fewer than answered). When enough
// responded but too few gave an answer other than "Don't know", it says that instead.
export function tooFew(c: { responses: number; scored: number; asked: number }, p: Privacy): string {
  const asked = Math.max(c.asked, c.responses);
  if (!enough(c.responses, p)) return `too few responses (${c.responses} of ${asked})`;
  return `too few responses with answers (${c.scored} of ${asked}; the others answered "Don't know" throughout)`;
}

// Why a pillar's scores are withheld while the health index shows.
export function pillarsWithheldNote(cycleLabel: string, names: readonly string[], p: Privacy): string {
  const which = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return (
    `The pillar scores of ${cycleLabel} are withheld: fewer than ${minimumResponses(p)} people answered ${which} ` +
    `(Don't know counts in no score), and beside the health index and the other pillars ${names.length === 1 ? "its" : "their"} score could be worked out.`
  );
}
