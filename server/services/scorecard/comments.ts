// Comments grouped by pillar, newest cycle first, a few cycles per page. A side's comments of a
// cycle show only when that side reached the workspace's threshold of responses there (in
// attributed mode always, with the author's name); confidential comments never carry names.
import type { ScoredCycle } from "../cycle-scores";
import { commentsShown } from "../confidentiality";
import type { CycleScore, Side } from "../scoring";
import type { CommentsPage } from "./schema";
import { withheldNote } from "./words";

// Cycles per page: the current picture and the two before it, then "show older".
export const COMMENT_CYCLES_PER_PAGE = 3;
// A guard on one page's size, far above what a partnership's teams write in three cycles.
const MAX_RESPONSES_PER_PAGE = 400;

export interface CommentRules {
  threshold: number;
  attributed: boolean;
  labels: Record<Side, string>;
}

export interface CommentResponse {
  id: string;
  cycleId: string;
  side: Side;
  submittedAt: Date;
  comments: { pillarId: string; text: string }[];
  // The author's name, read only in attributed mode.
  author: string | null;
}

// One page of comments from the partnership's responses (any cycles; this picks the page's).
// `scored` is the partnership's cycles that have responses, newest first.
export function commentsPage(
  all: readonly CommentResponse[],
  scored: readonly { cycle: ScoredCycle; score: CycleScore }[],
  offset: number,
  rules: CommentRules,
): CommentsPage {
  const page = scored.slice(offset, offset + COMMENT_CYCLES_PER_PAGE);
  const shown = new Set<string>();
  const withheld: string[] = [];
  for (const { cycle, score } of page) {
    for (const side of ["HOST", "PARTNER"] as const) {
      const n = score.responses[side];
      if (n === 0) continue;
      if (commentsShown(n, rules)) shown.add(`${cycle.id}:${side}`);
      else withheld.push(withheldNote(rules.labels[side], cycle.label, n, rules.threshold));
    }
  }
  const responses = all
    .filter((r) => r.comments.length > 0 && shown.has(`${r.cycleId}:${r.side}`))
    .sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime() || (a.id < b.id ? -1 : 1))
    .slice(0, MAX_RESPONSES_PER_PAGE);

  // Pillars by id across the page's framework versions, shown in the newest cycle's order.
  const pillarOf = new Map<string, { key: string; name: string }>();
  const order: { key: string; name: string }[] = [];
  for (const { cycle } of page) {
    for (const p of cycle.pillars) {
      pillarOf.set(p.id, { key: p.key, name: p.name });
      if (!order.some((o) => o.key === p.key)) order.push({ key: p.key, name: p.name });
    }
  }
  const cycleRank = new Map(page.map(({ cycle }, i) => [cycle.id, i]));
  const labelOf = new Map(page.map(({ cycle }) => [cycle.id, cycle.label]));
  const sideRank = { HOST: 0, PARTNER: 1 } as const;
  const sorted = [...responses].sort(
    (a, b) => cycleRank.get(a.cycleId)! - cycleRank.get(b.cycleId)! || sideRank[a.side] - sideRank[b.side],
  );

  const pillars = order.map((p) => ({ ...p, comments: [] as CommentsPage["pillars"][number]["comments"] }));
  for (const r of sorted) {
    for (const c of r.comments) {
      const key = pillarOf.get(c.pillarId)?.key;
      const pillar = pillars.find((p) => p.key === key);
      if (!pillar) continue;
      pillar.comments.push({
        cycleLabel: labelOf.get(r.cycleId)!,
        side: r.side,
        sideLabel: rules.labels[r.side],
        author: rules.attributed ? r.author : null,
        text: c.text,
      });
    }
  }
  return {
    cycleLabels: page.map(({ cycle }) => cycle.label),
    pillars: pillars.filter((p) => p.comments.length > 0),
    withheld,
    nextOffset: offset + COMMENT_CYCLES_PER_PAGE < scored.length ? offset + COMMENT_CYCLES_PER_PAGE : null,
  };
}
