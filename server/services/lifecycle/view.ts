// What the renewal page shows: the partnership's lifecycle state, its open and past reviews, its
// phase history, the health history and the latest perception gaps (from the stored aggregates),
// and its actions and goals. Read-only; hosts who may read the partnership's work see it.
import type { WorkCtx, WorkspaceCtx } from "../../access/context";
import { decideLifecycle } from "../../access/decide";
import { actorOf, partnershipFactsOf } from "../../access/partnership";
import { loadScoredCycles } from "../cycle-scores";
import { FINISHED } from "../actions/record";
import { formatAgainstTarget, formatRange, measuredProgress } from "../goals/measure";
import { goalSchedule } from "../goals/schedule";
import { cycleCountsOf, cycleView, enough, pillarsWithheldNote, privacyOf, tooFew } from "../confidentiality";
import { band, perceptionGap, round1, trend } from "../scoring";
import { reviewOpensAt } from "./renewal";
import { exchangeSinceLastReview } from "../exchange/since";
import { byId } from "../../db/tenant";

const memberName = { select: { user: { select: { name: true } } } } as const;

// Every scored cycle, oldest first, with what confidentiality lets it show: a cycle with too few
// responses keeps its counts and says why, without figures; changes are between showable cycles.
export async function scoreHistory(ctx: WorkspaceCtx, partnershipId: string) {
  const [cycles, totals, pillarRows, asked] = await Promise.all([
    loadScoredCycles(ctx.db),
    ctx.db.partnershipCycleScore.findMany({ where: { partnershipId } }),
    ctx.db.pillarCycleScore.findMany({ where: { partnershipId } }),
    ctx.db.cycleParticipant.groupBy({ by: ["cycleId"], where: { partnershipId, excluded: false }, _count: { _all: true } }),
  ]);
  const privacy = privacyOf(ctx.workspace);
  const askedIn = new Map(asked.map((a) => [a.cycleId, a._count._all]));
  const byCycle = new Map(totals.map((t) => [t.cycleId, t]));
  const scored = cycles.filter((c) => byCycle.get(c.id)?.health != null);
  const healthSeries: (number | null)[] = [];
  return scored.map((c) => {
    const t = byCycle.get(c.id)!;
    const rows = c.pillars.map((p) => ({ def: p, row: pillarRows.find((r) => r.cycleId === c.id && r.pillarKey === p.key) }));
    const view = cycleView(
      cycleCountsOf({
        responses: { HOST: t.hostResponses, PARTNER: t.partnerResponses },
        scored: { HOST: t.hostScored, PARTNER: t.partnerScored },
        pillars: rows.flatMap(({ row }) =>
          row ? [{ key: row.pillarKey, combined: row.combined, scored: { HOST: row.hostScored, PARTNER: row.partnerScored } }] : [],
        ),
      }),
      privacy,
    );
    const health = view.shown ? t.health! : null;
    healthSeries.push(health);
    const responses = { host: t.hostResponses, partner: t.partnerResponses };
    let withheld: string | null = null;
    if (!view.shown) {
      const counts = { responses: t.hostResponses + t.partnerResponses, scored: t.hostScored + t.partnerScored };
      withheld = tooFew({ ...counts, asked: askedIn.get(c.id) ?? 0 }, privacy);
    } else if (!view.pillars) {
      const thin = rows.filter(({ row }) => row && row.combined !== null && !enough(row.hostScored + row.partnerScored, privacy));
      withheld = pillarsWithheldNote(
        c.label,
        thin.map(({ def }) => def.name),
        privacy,
      );
    }
    return {
      cycleId: c.id,
      cycleLabel: c.label,
      open: c.status === "OPEN",
      closesAt: c.closesAt,
      health: round1(health),
      band: health === null ? null : band(health),
      change: health === null ? null : round1(trend(healthSeries)),
      responses,
      // Why the cycle's figures (or its pillar scores) are not shown; null when they are.
      withheld,
      sides: { host: view.host, partner: view.partner },
      pillars: rows.map(({ def, row }) => {
        const v = view.pillar.get(def.key);
        return {
          key: def.key,
          name: def.name,
          host: v?.host ? (row?.host ?? null) : null,
          partner: v?.partner ? (row?.partner ?? null) : null,
          combined: v?.combined ? (row?.combined ?? null) : null,
        };
      }),
    };
  });
}

export type ScoreHistory = Awaited<ReturnType<typeof scoreHistory>>;

// The perception gaps of the latest cycle where both sides' own numbers may be shown (as the
// scorecard's two-sided view does): while the current cycle fills up, the last full picture is
// more use to a renewal decision than a blank. A pillar whose sides are withheld has no gap.
function latestGaps(ctx: WorkspaceCtx, history: ScoreHistory) {
  const latest = history.at(-1);
  if (!latest) return null;
  const threshold = ctx.workspace.confidentialityThreshold;
  const attributed = ctx.workspace.surveyMode === "ATTRIBUTED";
  const full = history.findLast((h) => h.sides.host && h.sides.partner);
  const short = attributed
    ? `Each side's scores, and so the gaps, show once both sides have answered in ${latest.cycleLabel}.`
    : `Each side's own scores, and so the gaps, show once both sides have at least ${threshold} responses in ${latest.cycleLabel} (your team ${latest.responses.host}, the partner ${latest.responses.partner}).`;
  if (!full) return { cycleLabel: latest.cycleLabel, visible: false, note: short, pillars: [] };
  return {
    cycleLabel: full.cycleLabel,
    visible: true,
    note: full === latest ? null : `${short} These are ${full.cycleLabel}'s, the latest cycle where both sides can be shown.`,
    pillars: full.pillars.map((p) => {
      const gap = perceptionGap(p);
      return {
        key: p.key,
        name: p.name,
        host: round1(p.host),
        partner: round1(p.partner),
        gap: gap ? round1(gap.gap) : null,
        flagged: gap?.flagged ?? false,
      };
    }),
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;
const startOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

export async function renewalPage(ctx: WorkCtx, now = new Date()) {
  const { work } = ctx;
  const p = work.partnership;
  const partnershipId = p.id;
  const [owner, reviews, changes, actions, goals, history, exchange] = await Promise.all([
    p.ownerMemberId ? ctx.db.member.findUnique({ where: byId(ctx.db, p.ownerMemberId), select: memberName.select }) : null,
    ctx.db.renewalReview.findMany({
      where: { partnershipId },
      orderBy: [{ openedAt: "desc" }, { id: "desc" }],
      include: { openedBy: memberName, decidedBy: memberName },
    }),
    ctx.db.phaseChange.findMany({ where: { partnershipId }, orderBy: [{ at: "desc" }, { id: "desc" }], include: { member: memberName } }),
    ctx.db.action.findMany({
      where: { partnershipId },
      orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
      select: { id: true, title: true, status: true, dueDate: true, doneAt: true, pillarKey: true, owner: memberName },
    }),
    ctx.db.goal.findMany({
      where: { partnershipId },
      orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        title: true,
        measure: true,
        unit: true,
        startValue: true,
        targetValue: true,
        startDate: true,
        dueDate: true,
        status: true,
        checkIns: { orderBy: { updatedAt: "desc" }, take: 1, select: { value: true, cycle: { select: { label: true } } } },
      },
    }),
    scoreHistory(ctx, partnershipId),
    exchangeSinceLastReview(ctx.db, partnershipId, { HOST: ctx.workspace.name, PARTNER: p.partnerName }, now),
  ]);
  const review = (r: (typeof reviews)[number]) => ({
    id: r.id,
    renewalDate: r.renewalDate,
    openedAt: r.openedAt,
    openedByName: r.openedBy?.user.name ?? null,
    decision: r.decision,
    reasons: r.reasons,
    decidedByName: r.decidedBy?.user.name ?? null,
    decidedAt: r.decidedAt,
    nextRenewalDate: r.nextRenewalDate,
  });
  const open = reviews.find((r) => r.decision === null);
  const opensAt = p.renewalDate ? reviewOpensAt(p.renewalDate, ctx.workspace.renewalReviewDays) : null;
  const action = (a: (typeof actions)[number]) => ({
    id: a.id,
    title: a.title,
    status: a.status,
    dueDate: a.dueDate,
    doneAt: a.doneAt,
    pillarKey: a.pillarKey,
    ownerName: a.owner?.user.name ?? null,
  });
  return {
    partnership: {
      id: p.id,
      name: p.name,
      partnerName: p.partnerName,
      phase: p.phase,
      renewalDate: p.renewalDate,
      archivedAt: p.archivedAt,
      ownerName: owner?.user.name ?? null,
    },
    viewer: {
      canDecide: work.viewer.canFacilitate,
      canRestore: p.archivedAt !== null && decideLifecycle(actorOf(ctx), partnershipFactsOf(work), "restore").ok,
    },
    reviewDays: ctx.workspace.renewalReviewDays,
    reviewOpensAt: opensAt,
    reviewDue: opensAt !== null && opensAt <= now,
    // A decided review of the current renewal date (after an exit and a restore, say): no other
    // review of that date opens until the partnership has a new renewal date.
    currentDateReviewed: p.renewalDate
      ? (reviews.find((r) => r.decision && r.renewalDate.getTime() === p.renewalDate!.getTime())?.decision ?? null)
      : null,
    openReview: open
      ? {
          ...review(open),
          // The earliest next renewal date a decision accepts: after today and after the renewal under review.
          earliestNext: new Date(Math.max(startOfDay(now).getTime(), open.renewalDate.getTime()) + DAY_MS),
        }
      : null,
    pastReviews: reviews.filter((r) => r.decision !== null).map(review),
    phaseChanges: changes.map((c) => ({
      id: c.id,
      from: c.fromPhase,
      to: c.toPhase,
      at: c.at,
      memberName: c.member?.user.name ?? null,
      reason: c.reason,
    })),
    health: history.map((h) => ({
      cycleId: h.cycleId,
      cycleLabel: h.cycleLabel,
      open: h.open,
      health: h.health,
      band: h.band,
      change: h.change,
      withheld: h.withheld,
    })),
    gaps: latestGaps(ctx, history),
    // The give/get balance since the last decided renewal review (or the partnership's start).
    exchange,
    actions: {
      open: actions.filter((a) => !FINISHED.includes(a.status)).map(action),
      done: actions.filter((a) => FINISHED.includes(a.status)).map(action),
    },
    goals: goals.map((g) => {
      const value = g.checkIns[0]?.value ?? null;
      const progress = value === null ? null : measuredProgress(g, value);
      return {
        id: g.id,
        title: g.title,
        measure: g.measure,
        // "$2.0M", "20 deals"; and the latest check-in as "$1.2M of $2.0M".
        targetText: formatRange(g),
        valueText: value === null ? null : formatAgainstTarget(g, value),
        dueDate: g.dueDate,
        status: g.status,
        progress,
        lastCheckIn: g.checkIns[0]?.cycle.label ?? null,
        // Why it is behind schedule ("42% done, 65% expected by now"), or null.
        behind: goalSchedule({ status: g.status, startDate: g.startDate, dueDate: g.dueDate, progress }, now).reason,
      };
    }),
  };
}

export type RenewalPage = Awaited<ReturnType<typeof renewalPage>>;
