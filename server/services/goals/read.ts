// Reading goals: a partnership's goals with their check-ins and schedule, and the goals behind
// schedule across the partnerships whose work the viewer sees (for the dashboard).
import type { Prisma } from "../../db/generated/client";
import type { WorkCtx, WorkspaceCtx } from "../../access/context";
import { workVisibleTo } from "../../access/filters";
import { actorOf } from "../../access/partnership";
import { sideOfRole } from "../../access/roles";
import { pageHeading, partnershipPeople } from "../people";
import { defaultCheckInCycle } from "./cycle";
import { mayEditGoal } from "./edit";
import { goalSchedule } from "./schedule";

const person = { select: { id: true, role: true, user: { select: { name: true } } } } as const;
const named = (m: { id: string; user: { name: string } } | null) => (m ? { memberId: m.id, name: m.user.name } : null);

const STATUS_ORDER = { ACTIVE: 0, ACHIEVED: 1, MISSED: 2, DROPPED: 3 } as const;

export async function listGoals(ctx: WorkCtx, now = new Date()) {
  const { work } = ctx;
  const [goals, cycle, people] = await Promise.all([
    ctx.db.goal.findMany({
      where: { partnershipId: work.partnership.id },
      include: {
        hostOwner: person,
        partnerOwner: person,
        checkIns: {
          include: { cycle: { select: { id: true, label: true, opensAt: true } }, member: person },
          orderBy: [{ cycle: { opensAt: "desc" } }, { updatedAt: "desc" }],
        },
      },
      orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
    }),
    defaultCheckInCycle(ctx),
    work.viewer.canWrite ? partnershipPeople(ctx, work.partnership) : Promise.resolve([]),
  ]);

  const rows = goals
    .map((g) => {
      const latest = g.checkIns[0] ?? null;
      const current = cycle ? (g.checkIns.find((c) => c.cycleId === cycle.id) ?? null) : null;
      return {
        id: g.id,
        title: g.title,
        measure: g.measure,
        target: g.target,
        startDate: g.startDate,
        dueDate: g.dueDate,
        status: g.status,
        version: g.version,
        hostOwner: named(g.hostOwner),
        partnerOwner: named(g.partnerOwner),
        schedule: goalSchedule({ ...g, progress: latest?.progress ?? null }, now),
        latest: latest && {
          cycleLabel: latest.cycle.label,
          progress: latest.progress,
          note: latest.note,
          by: latest.member.user.name,
          at: latest.updatedAt,
        },
        // This cycle's check-in, which a new check-in changes (with its version).
        current: current && { progress: current.progress, note: current.note, version: current.version },
        checkIns: g.checkIns.map((c) => ({
          cycleId: c.cycleId,
          cycleLabel: c.cycle.label,
          progress: c.progress,
          note: c.note,
          by: c.member.user.name,
          bySide: sideOfRole(c.member.role),
          at: c.updatedAt,
        })),
        canEdit: mayEditGoal(ctx, g),
      };
    })
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);

  return {
    partnership: pageHeading(work),
    viewer: { memberId: ctx.member.id, side: work.viewer.side, canWrite: work.viewer.canWrite },
    checkInCycle: cycle ? { id: cycle.id, label: cycle.label, open: cycle.status === "OPEN" } : null,
    goals: rows,
    behind: rows.filter((g) => g.schedule.behind).map((g) => ({ id: g.id, title: g.title, reason: g.schedule.reason! })),
    people: people.map((p) => ({ memberId: p.memberId, name: p.name, side: p.side })),
  };
}

export interface BehindGoal {
  goalId: string;
  title: string;
  partnershipId: string;
  partnershipName: string;
  dueDate: Date;
  progress: number | null;
  expected: number;
  reason: string;
}

// Active goals behind schedule across the viewer's partnerships (archived ones left out), the
// soonest due first.
export async function behindGoals(ctx: WorkspaceCtx, now = new Date()): Promise<BehindGoal[]> {
  const where: Prisma.GoalWhereInput = { status: "ACTIVE", partnership: { AND: [workVisibleTo(actorOf(ctx)), { archivedAt: null }] } };
  const goals = await ctx.db.goal.findMany({
    where,
    select: {
      id: true,
      title: true,
      status: true,
      startDate: true,
      dueDate: true,
      partnership: { select: { id: true, name: true } },
      checkIns: { select: { progress: true }, orderBy: [{ cycle: { opensAt: "desc" } }, { updatedAt: "desc" }], take: 1 },
    },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
  });
  const behind: BehindGoal[] = [];
  for (const g of goals) {
    const progress = g.checkIns[0]?.progress ?? null;
    const s = goalSchedule({ status: g.status, startDate: g.startDate, dueDate: g.dueDate, progress }, now);
    if (!s.behind) continue;
    behind.push({
      goalId: g.id,
      title: g.title,
      partnershipId: g.partnership.id,
      partnershipName: g.partnership.name,
      dueDate: g.dueDate,
      progress,
      expected: s.expected,
      reason: s.reason!,
    });
  }
  return behind;
}
