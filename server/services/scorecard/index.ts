// One partnership's scorecard, shaped so the page and its charts draw it without computing.
// Reads only this partnership's stored figures, participants and responses, in one round (see
// load.ts). What a partner contact may see is cut here, on the server.
import type { ScoredCycle } from "../cycle-scores";
import { BAND_LABEL, band, perceptionGap, round1, trend, visibleSides, type CycleScore } from "../scoring";
import { commentsPage } from "./comments";
import { loadScorecard } from "./load";
import { responseRate as rateOf } from "./response-rate";
import type { Scorecard } from "./schema";
import { partnerSharing, sharingFor, type ScorecardCtx } from "./sharing";
import { chooseSidesCycle } from "./sides";
import { buildStatements } from "./statements";
import { gapSentence, sharingNote, sideLabels, trendSummary, type Perspective } from "./words";

export { scorecardOutput, commentsPageSchema, type Scorecard, type CommentsPage } from "./schema";
export type { ScorecardCtx } from "./sharing";

async function loadPartnershipScores(ctx: ScorecardCtx, partnershipId: string, commentCycles?: "all") {
  const loaded = await loadScorecard(ctx, partnershipId, commentCycles);
  const perspective: Perspective = {
    partner: ctx.role === "PARTNER",
    partnerName: loaded.partnership.partnerOrg.name,
    workspaceName: ctx.workspace.name,
  };
  return { ...loaded, perspective };
}

// The partnership's cycles that have responses, newest first.
const respondedCycles = (cycles: readonly ScoredCycle[], scores: Map<string, CycleScore>) =>
  cycles.flatMap((cycle) => (scores.has(cycle.id) ? [{ cycle, score: scores.get(cycle.id)! }] : [])).reverse();

export async function buildScorecard(ctx: ScorecardCtx, partnershipId: string): Promise<Scorecard> {
  const { partnership, cycles, scores, perspective, statementDefs, statementRows, participants, responses } = await loadPartnershipScores(
    ctx,
    partnershipId,
  );
  const at = (cycleId: string): CycleScore | undefined => scores.get(cycleId);
  const sees = sharingFor(ctx);
  const labels = sideLabels(perspective);
  const threshold = ctx.workspace.confidentialityThreshold;
  const attributed = ctx.workspace.surveyMode === "ATTRIBUTED";
  const sharing = partnerSharing(ctx.workspace);

  const keys = new Map<string, string>();
  for (const c of cycles) for (const p of c.pillars) keys.set(p.key, p.name);
  const seriesKeys = [...keys].map(([key, name]) => ({ key, name }));
  const series = cycles.map((c) => {
    const s = at(c.id);
    const point: Record<string, string | number | null> = { label: c.label, health: round1(s?.health ?? null) };
    for (const { key } of seriesKeys) point[key] = round1(s?.pillars.find((p) => p.key === key)?.combined ?? null);
    return point;
  });

  const currentIndex = cycles.findLastIndex((c) => at(c.id)?.health != null);
  const cycle = currentIndex >= 0 ? cycles[currentIndex]! : null;
  const base = {
    partnership: {
      id: partnership.id,
      name: partnership.name,
      partnerName: partnership.partnerOrg.name,
      tier: partnership.tier,
      phase: partnership.phase,
      renewalDate: partnership.renewalDate,
      ownerName: partnership.owner?.user.name ?? null,
    },
    viewer: { partner: perspective.partner, hostLabel: labels.HOST, partnerLabel: labels.PARTNER, workspaceName: ctx.workspace.name },
    sharing: { ...sharing, note: sharingNote(perspective, sharing) },
    cycle: cycle ? { label: cycle.label, open: cycle.status === "OPEN" } : null,
    current: null,
    pillars: [],
    sides: { shown: sees.sides, cycleLabel: null, hostVisible: false, partnerVisible: false, threshold, notes: [] },
    seriesKeys: sees.scores ? seriesKeys : [],
    series: sees.trends ? series : [],
    trendSummary: null,
    statements: null,
    responseRate: null,
    comments: null,
  } satisfies Scorecard;
  if (!cycle) return base;

  const current = at(cycle.id)!;
  const upToCurrent = cycles.slice(0, currentIndex + 1);
  const previous = upToCurrent.slice(0, -1).findLast((c) => at(c.id)?.health != null) ?? null;
  const history = (pick: (s: CycleScore) => number | null) =>
    upToCurrent.map((c) => {
      const s = at(c.id);
      return s ? pick(s) : null;
    });
  const change = (pick: (s: CycleScore) => number | null) => (sees.trends ? round1(trend(history(pick))) : null);

  const compared = new Set([cycle.id, previous?.id]);
  const statementFigures = sees.statements ? { defs: statementDefs, rows: statementRows.filter((r) => compared.has(r.cycleId)) } : null;
  const rate = rateOf(participants, responses, cycle.id);
  const comments = sees.comments ? commentsPage(responses, respondedCycles(cycles, scores), 0, { threshold, attributed, labels }) : null;
  const ownSide = perspective.partner ? "PARTNER" : "HOST";
  const responseRate = {
    cycleLabel: cycle.label,
    host: sees.scores || ownSide === "HOST" ? rate.HOST : null,
    partner: sees.scores || ownSide === "PARTNER" ? rate.PARTNER : null,
  };
  if (!sees.scores) return { ...base, responseRate };

  const sides = chooseSidesCycle(upToCurrent, at, { threshold, attributed, shown: sees.sides, labels });
  const pillars = cycle.pillars.map((def) => {
    const s = current.pillars.find((p) => p.key === def.key);
    const side = sides.score.pillars.find((p) => p.key === def.key);
    const host = sides.host ? (side?.host ?? null) : null;
    const partner = sides.partner ? (side?.partner ?? null) : null;
    const gap = perceptionGap({ host, partner });
    const combined = s?.combined ?? null;
    return {
      key: def.key,
      name: def.name,
      score: round1(combined),
      band: combined === null ? null : band(combined),
      change: change((x) => x.pillars.find((p) => p.key === def.key)?.combined ?? null),
      host: round1(host),
      partner: round1(partner),
      gap: round1(gap?.gap ?? null),
      gapFlagged: gap?.flagged ?? false,
      higher: gap?.higher ?? null,
      gapSentence: gap?.flagged && gap.higher ? gapSentence(perspective, def.name, gap.gap, gap.higher) : null,
    };
  });

  const health = current.health!;
  const healthChange = change((x) => x.health);
  const statementSides = visibleSides(current.responses, threshold, attributed, sees.sides);
  return {
    ...base,
    current: {
      cycleLabel: cycle.label,
      cycleOpen: cycle.status === "OPEN",
      health: round1(health)!,
      band: band(health),
      bandLabel: BAND_LABEL[band(health)],
      change: healthChange,
      responses: { host: current.responses.HOST, partner: current.responses.PARTNER },
    },
    pillars,
    sides: {
      shown: sees.sides,
      cycleLabel: sides.cycle.label,
      hostVisible: sides.host,
      partnerVisible: sides.partner,
      threshold,
      notes: sides.notes,
    },
    trendSummary: sees.trends ? trendSummary(series, seriesKeys, healthChange) : null,
    statements: statementFigures
      ? {
          cycleLabel: cycle.label,
          previousCycleLabel: sees.trends ? (previous?.label ?? null) : null,
          hostVisible: statementSides.host,
          partnerVisible: statementSides.partner,
          notes:
            sees.sides && !(statementSides.host && statementSides.partner)
              ? [
                  `Each side's statement scores show once both sides have at least ${attributed ? 1 : threshold} ` +
                    `${attributed || threshold === 1 ? "response" : "responses"} in ${cycle.label}; until then only the combined score shows.`,
                ]
              : [],
          pillars: buildStatements({
            cycle,
            previous,
            score: current,
            ...statementFigures,
            visible: statementSides,
            trends: sees.trends,
          }),
        }
      : null,
    responseRate,
    comments,
  };
}

// An older page of comments ("show older"), under the same rules as the scorecard's first page.
export async function buildScorecardComments(ctx: ScorecardCtx, partnershipId: string, offset: number) {
  const { cycles, scores, perspective, responses } = await loadPartnershipScores(ctx, partnershipId, "all");
  if (!sharingFor(ctx).comments) return null;
  return commentsPage(responses, respondedCycles(cycles, scores), offset, {
    threshold: ctx.workspace.confidentialityThreshold,
    attributed: ctx.workspace.surveyMode === "ATTRIBUTED",
    labels: sideLabels(perspective),
  });
}
