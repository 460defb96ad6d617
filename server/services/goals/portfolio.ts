// Goals across the partnerships whose work the viewer sees (archived partnerships left out): for
// the dashboard's "behind schedule" list and the goals page executives and managers use. The
// viewer's partnerships come from the access module's filter, so a partner contact only ever
// sees their own organisation's goals and a manager those of the partnerships they work on.
//
// Both read one page. "Behind schedule" depends on the latest check-in against the time passed
// (schedule.ts), which SQL does not know, so it reads a narrow row of every active goal to decide,
// then the full rows of the page it shows.
import type { GoalStatus, Prisma } from "../../db/generated/client";
import type { WorkspaceCtx } from "../../access/context";
import { workVisibleTo } from "../../access/filters";
import { actorOf } from "../../access/partnership";
import { pageFor, pageOutput } from "../lists/paging";
import { formatAgainstTarget, formatRange, measuredProgress } from "./measure";
import { goalSchedule } from "./schedule";

export interface GoalAcross {
  goalId: string;
  title: string;
  measure: string;
  // "$2.0M", "20 deals": the target as people write it.
  targetText: string;
  status: GoalStatus;
  partnershipId: string;
  partnershipName: string;
  dueDate: Date;
  // "$0.4M of $2.0M" at the latest check-in, or null when there is none.
  valueText: string | null;
  progress: number | null;
  expected: number;
  behind: boolean;
  // Why it is behind ("42% done, 65% expected by now"), or null.
  reason: string | null;
  hostOwner: string | null;
  partnerOwner: string | null;
}

export type BehindGoal = GoalAcross & { reason: string };

// The narrow row that decides whether a goal is behind, and the full row a list shows.
const scheduleSelect = {
  id: true,
  status: true,
  startDate: true,
  dueDate: true,
  unit: true,
  startValue: true,
  targetValue: true,
  partnershipId: true,
  checkIns: { select: { value: true }, orderBy: [{ cycle: { opensAt: "desc" } }, { updatedAt: "desc" }], take: 1 },
} satisfies Prisma.GoalSelect;

const listSelect = {
  ...scheduleSelect,
  title: true,
  measure: true,
  partnership: { select: { id: true, name: true } },
  hostOwner: { select: { user: { select: { name: true } } } },
  partnerOwner: { select: { user: { select: { name: true } } } },
} satisfies Prisma.GoalSelect;

const byDue = [{ dueDate: "asc" }, { id: "asc" }] satisfies Prisma.GoalOrderByWithRelationInput[];

function scheduleOf(g: Prisma.GoalGetPayload<{ select: typeof scheduleSelect }>, now: Date) {
  const value = g.checkIns[0]?.value ?? null;
  const progress = value === null ? null : measuredProgress(g, value);
  return { value, progress, ...goalSchedule({ status: g.status, startDate: g.startDate, dueDate: g.dueDate, progress }, now) };
}

const visible = (ctx: WorkspaceCtx, where: Prisma.GoalWhereInput): Prisma.GoalWhereInput => ({
  AND: [where, { partnership: { AND: [workVisibleTo(actorOf(ctx)), { archivedAt: null }] } }],
});

async function goalsAcross(
  ctx: WorkspaceCtx,
  where: Prisma.GoalWhereInput,
  window: { skip: number; take: number },
  now: Date,
): Promise<GoalAcross[]> {
  const goals = await ctx.db.goal.findMany({ where: visible(ctx, where), select: listSelect, orderBy: byDue, ...window });
  return goals.map((g) => {
    const s = scheduleOf(g, now);
    return {
      goalId: g.id,
      title: g.title,
      measure: g.measure,
      targetText: formatRange(g),
      status: g.status,
      partnershipId: g.partnership.id,
      partnershipName: g.partnership.name,
      dueDate: g.dueDate,
      valueText: s.value === null ? null : formatAgainstTarget(g, s.value),
      progress: s.progress,
      expected: s.expected,
      behind: s.behind,
      reason: s.reason,
      hostOwner: g.hostOwner?.user.name ?? null,
      partnerOwner: g.partnerOwner?.user.name ?? null,
    };
  });
}

// The active goals behind schedule, soonest due first: their ids and partnerships.
async function behindSchedule(ctx: WorkspaceCtx, now: Date) {
  const active = await ctx.db.goal.findMany({ where: visible(ctx, { status: "ACTIVE" }), select: scheduleSelect, orderBy: byDue });
  return active.filter((g) => scheduleOf(g, now).behind).map((g) => ({ id: g.id, partnershipId: g.partnershipId }));
}

export type GoalsShown = "behind" | "active" | "all";

// One page of the goals page: those behind schedule (the default), every active goal, or every
// goal; with how many there are and across how many partnerships.
export async function portfolioGoals(ctx: WorkspaceCtx, show: GoalsShown, paging: { page: number; pageSize: number }, now = new Date()) {
  if (show === "behind") {
    const behind = await behindSchedule(ctx, now);
    const page = pageFor(behind.length, paging.page, paging.pageSize);
    const ids = behind.slice(page.skip, page.skip + paging.pageSize).map((g) => g.id);
    const goals = await goalsAcross(ctx, { id: { in: ids } }, { skip: 0, take: ids.length }, now);
    return { show, goals, page: pageOutput(page), partnerships: new Set(behind.map((g) => g.partnershipId)).size };
  }
  const where = visible(ctx, show === "all" ? {} : { status: "ACTIVE" });
  const [total, perPartnership] = await Promise.all([
    ctx.db.goal.count({ where }),
    ctx.db.goal.groupBy({ by: ["partnershipId"], where, orderBy: { partnershipId: "asc" } }),
  ]);
  const page = pageFor(total, paging.page, paging.pageSize);
  const goals = await goalsAcross(ctx, show === "all" ? {} : { status: "ACTIVE" }, { skip: page.skip, take: paging.pageSize }, now);
  return { show, goals, page: pageOutput(page), partnerships: perPartnership.length };
}

// The first goals behind schedule for a dashboard, and how many there are in all.
export async function firstBehind(ctx: WorkspaceCtx, take: number, now = new Date()) {
  const behind = await behindSchedule(ctx, now);
  const ids = behind.slice(0, take).map((g) => g.id);
  const goals = await goalsAcross(ctx, { id: { in: ids } }, { skip: 0, take: ids.length }, now);
  return { goals: goals.filter((g): g is BehindGoal => g.reason !== null), total: behind.length };
}
