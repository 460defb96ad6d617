// Which cycle the two-sided view comes from, which sides it may show, and the notes saying why.
// What may be shown is confidentiality.ts's decision (cycleView); this picks the cycle and words it.
import { cycleSidesShown, type CycleView } from "../confidentiality";
import type { ScoredCycle } from "../cycle-scores";
import type { CycleScore, Side } from "../scoring";

export interface SidesChoice {
  cycle: ScoredCycle;
  score: CycleScore;
  view: CycleView;
  // Whether the view shows each side at all (some pillar of the cycle shows it).
  host: boolean;
  partner: boolean;
  notes: string[];
}

interface Rules {
  threshold: number;
  attributed: boolean;
  // Whether this viewer may see each side's own numbers at all.
  shown: boolean;
  labels: Record<Side, string>;
}

// "your team 3, Globex 2" from the reader's side.
export function countsText(labels: Record<Side, string>, responses: Record<Side, number>) {
  const name = (label: string) => (label === "Your team" ? "your team" : label);
  return `${name(labels.HOST)} ${responses.HOST}, ${name(labels.PARTNER)} ${responses.PARTNER}`;
}

// The two-sided view comes from the latest cycle in which both sides may be shown: while the
// latest cycle is still filling up, the previous full picture is more use than a blank one.
// `cycles` is oldest first and ends with the latest scored cycle; `current` is the cycle the
// scorecard's headline shows (the latest whose figures may be shown).
export function chooseSidesCycle(
  cycles: readonly ScoredCycle[],
  current: ScoredCycle,
  at: (cycleId: string) => CycleScore | undefined,
  viewOf: (cycleId: string) => CycleView | undefined,
  rules: Rules,
): SidesChoice {
  const latest = cycles.at(-1)!;
  const full = cycles.findLast((c) => {
    const v = viewOf(c.id);
    return v !== undefined && v.host && v.partner;
  });
  const sidesCycle = full ?? current;
  const view = viewOf(sidesCycle.id)!;
  const score = at(sidesCycle.id)!;
  const visible = { host: rules.shown && view.host, partner: rules.shown && view.partner };

  const notes: string[] = [];
  if (rules.shown && full && full !== latest) {
    notes.push(
      `${latest.label} does not have enough responses from both sides yet (${countsText(rules.labels, at(latest.id)!.responses)}; ` +
        `${rules.attributed ? "each side needs one" : `each side needs ${rules.threshold}`}), ` +
        `so this shows ${sidesCycle.label}, the latest cycle where both sides can be shown.`,
    );
  } else if (rules.shown && !full && cycleSidesShown(score.scored, rules)) {
    // Enough responses on both sides, but the pillar scores are withheld (see the headline's note).
    notes.push(`Each side's own scores of ${sidesCycle.label} are withheld with its pillar scores: too few people answered some pillars.`);
  } else if (rules.shown && !full) {
    const counts = countsText(rules.labels, score.responses);
    notes.push(
      rules.attributed
        ? `Each side's scores show once that side has answered in ${sidesCycle.label} (${counts} so far).`
        : `Each side's own scores show once both sides have at least ${rules.threshold} responses in ${sidesCycle.label} (${counts} so far). ` +
            `Until then only the combined score shows: next to it, one side's score would give away the other's.`,
    );
  }
  if (rules.shown && full) {
    const hidden = sidesCycle.pillars.filter((p) => {
      const v = view.pillar.get(p.key);
      return v?.combined && !(v.host && v.partner) && score.pillars.some((x) => x.key === p.key && x.host !== null && x.partner !== null);
    });
    if (hidden.length) {
      notes.push(
        `In ${sidesCycle.label}, each side's score of ${hidden.map((p) => p.name).join(", ")} is withheld: fewer than ` +
          `${rules.attributed ? 1 : rules.threshold} people of a side answered ${hidden.length === 1 ? "it" : "them"} (Don't know counts in no score).`,
      );
    }
  }
  return { cycle: sidesCycle, score, view, ...visible, notes };
}
