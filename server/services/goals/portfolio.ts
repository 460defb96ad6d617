// Goals across the partnerships whose work the viewer sees (archived partnerships left out): for
// the dashboard's "behind schedule" list and the goals page executives and managers use. The
// viewer's partnerships come from the access module's filter, so a partner contact only ever
// sees their own organisation's goals and a manager those of the partnerships they work on.
import type { GoalStatus, Prisma } from "../../db/generated/client";
import type { WorkspaceCtx } from "../../access/context";
import { workVisibleTo } from "../../access/filters";
import { actorOf } from "../../access/partnership";
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

export async function goalsAcross(ctx: WorkspaceCtx, where: Prisma.GoalWhereInput, now = new Date()): Promise<GoalAcross[]> {
  const goals = await ctx.db.goal.findMany({
    where: { AND: [where, { partnership: { AND: [workVisibleTo(actorOf(ctx)), { archivedAt: null }] } }] },
    select: {
      id: true,
      title: true,
      measure: true,
      status: true,
      startDate: true,
      dueDate: true,
      unit: true,
      startValue: true,
      targetValue: true,
      partnership: { select: { id: true, name: true } },
      hostOwner: { select: { user: { select: { name: true } } } },
      partnerOwner: { select: { user: { select: { name: true } } } },
      checkIns: { select: { value: true }, orderBy: [{ cycle: { opensAt: "desc" } }, { updatedAt: "desc" }], take: 1 },
    },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
  });
  return goals.map((g) => {
    const value = g.checkIns[0]?.value ?? null;
    const progress = value === null ? null : measuredProgress(g, value);
    const s = goalSchedule({ status: g.status, startDate: g.startDate, dueDate: g.dueDate, progress }, now);
    return {
      goalId: g.id,
      title: g.title,
      measure: g.measure,
      targetText: formatRange(g),
      status: g.status,
      partnershipId: g.partnership.id,
      partnershipName: g.partnership.name,
      dueDate: g.dueDate,
      valueText: value === null ? null : formatAgainstTarget(g, value),
      progress,
      expected: s.expected,
      behind: s.behind,
      reason: s.reason,
      hostOwner: g.hostOwner?.user.name ?? null,
      partnerOwner: g.partnerOwner?.user.name ?? null,
    };
  });
}

export type GoalsShown = "behind" | "active" | "all";

// The goals page: those behind schedule (the default), every active goal, or every goal.
export async function portfolioGoals(ctx: WorkspaceCtx, show: GoalsShown, now = new Date()) {
  const all = await goalsAcross(ctx, show === "all" ? {} : { status: "ACTIVE" }, now);
  const goals = show === "behind" ? all.filter((g) => g.behind) : all;
  return {
    show,
    goals,
    partnerships: new Set(goals.map((g) => g.partnershipId)).size,
  };
}
