// Which cycle the two-sided view comes from, which sides it may show, and the notes saying why.
import type { ScoredCycle } from "../cycle-scores";
import { visibleSides, type CycleScore, type Side } from "../scoring";

export interface SidesChoice {
  cycle: ScoredCycle;
  score: CycleScore;
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

export function sidesOf(score: CycleScore | undefined, rules: Pick<Rules, "threshold" | "attributed" | "shown">) {
  return score ? visibleSides(score.responses, rules.threshold, rules.attributed, rules.shown) : { host: false, partner: false };
}

// "your team 3, Globex 2" from the reader's side.
export function countsText(labels: Record<Side, string>, responses: Record<Side, number>) {
  const name = (label: string) => (label === "Your team" ? "your team" : label);
  return `${name(labels.HOST)} ${responses.HOST}, ${name(labels.PARTNER)} ${responses.PARTNER}`;
}

// The two-sided view comes from the latest cycle in which both sides may be shown: while the
// current cycle is still filling up, the previous full picture is more use than a blank one.
// `upToCurrent` is oldest first and ends with the current cycle.
export function chooseSidesCycle(
  upToCurrent: readonly ScoredCycle[],
  at: (cycleId: string) => CycleScore | undefined,
  rules: Rules,
): SidesChoice {
  const cycle = upToCurrent.at(-1)!;
  const current = at(cycle.id)!;
  const fullIndex = upToCurrent.findLastIndex((c) => {
    const v = sidesOf(at(c.id), rules);
    return v.host && v.partner;
  });
  const sidesCycle = fullIndex >= 0 ? upToCurrent[fullIndex]! : cycle;
  const visible = sidesOf(at(sidesCycle.id), rules);

  const notes: string[] = [];
  const counts = countsText(rules.labels, current.responses);
  if (rules.shown && sidesCycle !== cycle) {
    notes.push(
      `${cycle.label} does not have enough responses from both sides yet (${counts}; ${rules.attributed ? "each side needs one" : `each side needs ${rules.threshold}`}), ` +
        `so this shows ${sidesCycle.label}, the latest cycle where both sides can be shown.`,
    );
  } else if (rules.shown && !(visible.host && visible.partner)) {
    notes.push(
      rules.attributed
        ? `Each side's scores show once that side has answered in ${cycle.label} (${counts} so far).`
        : `Each side's own scores show once both sides have at least ${rules.threshold} responses in ${cycle.label} (${counts} so far). ` +
            `Until then only the combined score shows: next to it, one side's score would give away the other's.`,
    );
  }
  return { cycle: sidesCycle, score: at(sidesCycle.id)!, ...visible, notes };
}
