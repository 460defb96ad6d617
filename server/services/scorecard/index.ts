// One partnership's scorecard, shaped so the page and its charts draw it without computing.
// Reads only this partnership's stored figures, participants and responses, in one round (see
// load.ts). What a partner contact may see is cut here, on the server, and what confidentiality
// withholds (confidentiality.ts) is never sent.
import type { ScoredCycle } from "../cycle-scores";
import {
  changeOf,
  cycleCountsOf,
  cycleView,
  enough,
  pillarsWithheldNote,
  privacyOf,
  tooFew,
  total,
  type CycleView,
} from "../confidentiality";
import { BAND_LABEL, band, perceptionGap, round1, type CycleScore } from "../scoring";
import { commentsPage } from "./comments";
import { loadScorecard } from "./load";
import { responseRate as rateOf } from "./response-rate";
import type { Scorecard } from "./schema";
import { partnerSharing, sharingFor } from "./sharing";
import type { WorkspaceCtx } from "../../access/context";
import { chooseSidesCycle } from "./sides";
import { buildStatements } from "./statements";
import { gapSentence, sharingNote, sideLabels, trendSummary, type Perspective } from "./words";

export { scorecardOutput, commentsPageSchema, type Scorecard, type CommentsPage } from "./schema";

async function loadPartnershipScores(ctx: WorkspaceCtx, partnershipId: string, commentCycles?: "all") {
  const loaded = await loadScorecard(ctx, partnershipId, commentCycles);
  const perspective: Perspective = {
    partner: !ctx.can.seeAllPartnerships,
    partnerName: loaded.partnership.partnerOrg.name,
    workspaceName: ctx.workspace.name,
  };
  return { ...loaded, perspective };
}

// The partnership's cycles that have responses, newest first.
const respondedCycles = (cycles: readonly ScoredCycle[], scores: Map<string, CycleScore>) =>
  cycles.flatMap((cycle) => (scores.has(cycle.id) ? [{ cycle, score: scores.get(cycle.id)! }] : [])).reverse();

export async function buildScorecard(ctx: WorkspaceCtx, partnershipId: string): Promise<Scorecard> {
  const loaded = await loadPartnershipScores(ctx, partnershipId);
  const { partnership, cycles, answered, scores, perspective, statementDefs, statementRows, participants, responses, asked } = loaded;
  const at = (cycleId: string): CycleScore | undefined => scores.get(cycleId);
  const sees = sharingFor(ctx);
  const labels = sideLabels(perspective);
  const threshold = ctx.workspace.confidentialityThreshold;
  const attributed = ctx.workspace.surveyMode === "ATTRIBUTED";
  const privacy = privacyOf(ctx.workspace);
  const sharing = partnerSharing(ctx.workspace);

  // What each scored cycle may show: the one rule, confidentiality.ts.
  const views = new Map<string, CycleView>();
  for (const [cycleId, s] of scores) views.set(cycleId, cycleView(cycleCountsOf(s), privacy));
  const viewOf = (cycleId: string) => views.get(cycleId);
  const shown = (cycleId: string) => at(cycleId)?.health != null && viewOf(cycleId)!.shown;
  const withheldOf = (c: ScoredCycle) => {
    const s = at(c.id)!;
    const responses = total(s.responses);
    const people = Math.max(asked.get(c.id) ?? 0, responses);
    return {
      cycleLabel: c.label,
      open: c.status === "OPEN",
      responses,
      asked: people,
      text: tooFew({ responses, scored: total(s.scored), asked: people }, privacy),
    };
  };
  const withheld = cycles.filter((c) => at(c.id)?.health != null && !shown(c.id)).map(withheldOf);

  const keys = new Map<string, string>();
  for (const c of cycles) for (const p of c.pillars) keys.set(p.key, p.name);
  const seriesKeys = [...keys].map(([key, name]) => ({ key, name }));
  // A cycle that may not be shown is no point of the trend: the line goes past it. A cycle nobody
  // in the workspace has answered (just opened, or made by mistake) is not even a label on the
  // axis; one others answered but not about this partnership is a gap in its line.
  const series = cycles
    .filter((c) => answered.has(c.id))
    .map((c) => {
      const s = shown(c.id) ? at(c.id)! : undefined;
      const pillarsShown = s !== undefined && viewOf(c.id)!.pillars;
      const point: Record<string, string | number | null> = { label: c.label, health: round1(s?.health ?? null) };
      for (const { key } of seriesKeys) point[key] = pillarsShown ? round1(s.pillars.find((p) => p.key === key)?.combined ?? null) : null;
      return point;
    });

  const latestIndex = cycles.findLastIndex((c) => at(c.id)?.health != null);
  const latest = latestIndex >= 0 ? cycles[latestIndex]! : null;
  const currentIndex = cycles.findLastIndex((c) => shown(c.id));
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
    cycle: latest ? { label: latest.label, open: latest.status === "OPEN" } : null,
    current: null,
    withheld: sees.scores ? withheld : [],
    pillars: [],
    sides: { shown: sees.sides, cycleLabel: null, hostVisible: false, partnerVisible: false, threshold, notes: [] },
    seriesKeys: sees.scores ? seriesKeys : [],
    series: sees.trends ? series : [],
    trendSummary: null,
    statements: null,
    responseRate: null,
    comments: null,
  } satisfies Scorecard;
  if (!latest) return base;

  // Response rates are counts, never figures: they show for the latest scored cycle even when its
  // figures may not.
  const rate = rateOf(participants, responses, latest.id);
  const comments = sees.comments ? commentsPage(responses, respondedCycles(cycles, scores), 0, { threshold, attributed, labels }) : null;
  const ownSide = perspective.partner ? "PARTNER" : "HOST";
  const responseRate = {
    cycleLabel: latest.label,
    host: sees.scores || ownSide === "HOST" ? rate.HOST : null,
    partner: sees.scores || ownSide === "PARTNER" ? rate.PARTNER : null,
  };
  if (!sees.scores) return { ...base, responseRate };
  if (!cycle) return { ...base, responseRate, comments };

  const current = at(cycle.id)!;
  const view = viewOf(cycle.id)!;
  const previousIndex = cycles.findLastIndex((c, i) => i < currentIndex && shown(c.id));
  const previous = previousIndex >= 0 ? cycles[previousIndex]! : null;
  const pillarOf = (cycleId: string, key: string) => {
    const v = viewOf(cycleId)!.pillar.get(key);
    return v?.combined ? (at(cycleId)!.pillars.find((p) => p.key === key)?.combined ?? null) : null;
  };
  const change = (now: number | null, before: number | null) => (sees.trends ? round1(changeOf(now, before)) : null);

  const statementFigures = sees.statements
    ? { defs: statementDefs, rows: statementRows.filter((r) => r.cycleId === cycle.id || r.cycleId === previous?.id) }
    : null;
  const sides = chooseSidesCycle(cycles.slice(0, latestIndex + 1), cycle, at, viewOf, {
    threshold,
    attributed,
    shown: sees.sides,
    labels,
  });
  const pillars = cycle.pillars.map((def) => {
    const combined = pillarOf(cycle.id, def.key);
    const side = sides.score.pillars.find((p) => p.key === def.key);
    const sideView = sides.view.pillar.get(def.key);
    const hostShown = sides.host && (sideView?.host ?? false);
    const partnerShown = sides.partner && (sideView?.partner ?? false);
    const host = hostShown ? (side?.host ?? null) : null;
    const partner = partnerShown ? (side?.partner ?? null) : null;
    const gap = perceptionGap({ host, partner });
    return {
      key: def.key,
      name: def.name,
      score: round1(combined),
      band: combined === null ? null : band(combined),
      change: change(combined, previous ? pillarOf(previous.id, def.key) : null),
      host: round1(host),
      partner: round1(partner),
      gap: round1(gap?.gap ?? null),
      gapFlagged: gap?.flagged ?? false,
      higher: gap?.higher ?? null,
      gapSentence: gap?.flagged && gap.higher ? gapSentence(perspective, def.name, gap.gap, gap.higher) : null,
      hostShown,
      partnerShown,
    };
  });

  const health = current.health!;
  const healthChange = change(health, previous ? at(previous.id)!.health : null);
  const notes: string[] = [];
  if (latest !== cycle) {
    notes.push(
      `${latest.label}${latest.status === "OPEN" ? " so far" : ""}: ${withheldOf(latest).text}. ` +
        `These are ${cycle.label}'s figures, the latest cycle with enough.`,
    );
  }
  if (!view.pillars) {
    const thin = cycle.pillars.filter((p) => {
      const s = current.pillars.find((x) => x.key === p.key);
      return s && s.combined !== null && !enough(total(s.scored), privacy);
    });
    notes.push(
      pillarsWithheldNote(
        cycle.label,
        thin.map((p) => p.name),
        privacy,
      ),
    );
  }
  const statementPillars = statementFigures
    ? buildStatements({
        cycle,
        previous: previous ? { cycle: previous, view: viewOf(previous.id)! } : null,
        score: current,
        view,
        ...statementFigures,
        sides: sees.sides,
        trends: sees.trends,
        privacy,
      })
    : null;
  const statementsHost = statementPillars?.some((p) => p.hostVisible) ?? false;
  const statementsPartner = statementPillars?.some((p) => p.partnerVisible) ?? false;
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
      notes,
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
    statements: statementPillars
      ? {
          cycleLabel: cycle.label,
          previousCycleLabel: sees.trends ? (previous?.label ?? null) : null,
          hostVisible: statementsHost,
          partnerVisible: statementsPartner,
          notes:
            sees.sides && !(view.host && view.partner)
              ? [
                  `Each side's statement scores show once both sides have at least ${attributed ? 1 : threshold} ` +
                    `${attributed || threshold === 1 ? "response" : "responses"} in ${cycle.label}; until then only the combined score shows.`,
                ]
              : [],
          pillars: statementPillars,
        }
      : null,
    responseRate,
    comments,
  };
}

// An older page of comments ("show older"), under the same rules as the scorecard's first page.
export async function buildScorecardComments(ctx: WorkspaceCtx, partnershipId: string, offset: number) {
  const { cycles, scores, perspective, responses } = await loadPartnershipScores(ctx, partnershipId, "all");
  if (!sharingFor(ctx).comments) return null;
  return commentsPage(responses, respondedCycles(cycles, scores), offset, {
    threshold: ctx.workspace.confidentialityThreshold,
    attributed: ctx.workspace.surveyMode === "ATTRIBUTED",
    labels: sideLabels(perspective),
  });
}
