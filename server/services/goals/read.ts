// Reading goals: a partnership's goals with their check-ins and schedule. Goals across
// partnerships are in portfolio.ts.
import type { WorkCtx } from "../../access/context";
import { sideOfRole } from "../../access/roles";
import { pageHeading, partnershipPeople } from "../people";
import { defaultCheckInCycle } from "./cycle";
import { mayEditGoal } from "./edit";
import { formatAgainstTarget, formatRange, formatValue, measuredProgress } from "./measure";
import type { GoalChange } from "./revisions";
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
        revisions: { include: { member: person }, orderBy: [{ at: "desc" }, { version: "desc" }] },
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
      const progress = latest ? measuredProgress(g, latest.value) : null;
      return {
        id: g.id,
        title: g.title,
        measure: g.measure,
        unit: g.unit,
        startValue: g.startValue,
        targetValue: g.targetValue,
        // "$2.0M", "20 deals", "from 40% to 25%": the target as people write it.
        targetText: formatRange(g),
        startDate: g.startDate,
        dueDate: g.dueDate,
        status: g.status,
        version: g.version,
        hostOwner: named(g.hostOwner),
        partnerOwner: named(g.partnerOwner),
        schedule: goalSchedule({ ...g, progress }, now),
        latest: latest && {
          cycleLabel: latest.cycle.label,
          value: latest.value,
          valueText: formatAgainstTarget(g, latest.value),
          progress: measuredProgress(g, latest.value),
          note: latest.note,
          by: latest.member.user.name,
          at: latest.updatedAt,
        },
        // This cycle's check-in, which a new check-in changes (with its version).
        current: current && { value: current.value, note: current.note, version: current.version },
        checkIns: g.checkIns.map((c) => ({
          cycleId: c.cycleId,
          cycleLabel: c.cycle.label,
          value: c.value,
          valueText: formatValue(g.unit, c.value),
          progress: measuredProgress(g, c.value),
          note: c.note,
          by: c.member.user.name,
          bySide: sideOfRole(c.member.role),
          at: c.updatedAt,
        })),
        revisions: g.revisions.map((r) => ({
          version: r.version,
          at: r.at,
          by: r.member.user.name,
          changes: r.changes as unknown as GoalChange[],
        })),
        canEdit: mayEditGoal(ctx, g),
        // The goal's own fields as plain values: what an edit starts from.
        fields: goalFieldsOf(g),
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

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

// A goal's own fields as plain values (days as YYYY-MM-DD): what the edit form starts from and
// what the REST API returns, so the two never drift apart.
function goalFieldsOf(g: {
  id: string;
  version: number;
  title: string;
  measure: string;
  unit: string;
  startValue: number;
  targetValue: number;
  startDate: Date;
  dueDate: Date;
}) {
  const { id, version, title, measure, unit, startValue, targetValue } = g;
  return { id, version, title, measure, unit, startValue, targetValue, startDate: isoDay(g.startDate), dueDate: isoDay(g.dueDate) };
}
