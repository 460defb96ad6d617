// Reading actions: a partnership's list, one action with its history, and a person's own
// actions across the partnerships whose work they see.
import type { ActionStatus, Prisma, Role } from "../../db/generated/client";
import type { ActionCtx, WorkCtx, WorkspaceCtx } from "../../access/context";
import { workHeldBy } from "../../access/filters";
import { actorOf } from "../../access/partnership";
import { sideOfRole } from "../../access/roles";
import { pageHeading, partnershipPeople } from "../people";
import { mayEditDetails } from "./edit";
import { addDays, isOverdue, todayUtc } from "./overdue";
import { currentPillars, pillarNames } from "./pillars";
import { FINISHED, type ActionChanges } from "./record";
import { byId } from "../../db/tenant";

export type ActionFilter = "open" | "done" | "dropped" | "all";

const STATUSES_OF: Record<ActionFilter, ActionStatus[] | null> = {
  open: ["OPEN", "IN_PROGRESS"],
  done: ["DONE"],
  dropped: ["DROPPED"],
  all: null,
};

// Enough for any partnership's history; a list that long is read by its filters.
const LIST_LIMIT = 500;

const ownerSelect = { select: { id: true, role: true, removedAt: true, user: { select: { name: true } } } } as const;

interface OwnerRow {
  id: string;
  role: Role;
  removedAt: Date | null;
  user: { name: string };
}

const ownerOf = (o: OwnerRow | null) =>
  o ? { memberId: o.id, name: o.user.name, side: sideOfRole(o.role), removed: o.removedAt !== null } : null;

type Row = Prisma.ActionGetPayload<{ include: { owner: typeof ownerSelect } }>;

function shape(a: Row, names: Map<string, string>, now: Date) {
  return {
    id: a.id,
    partnershipId: a.partnershipId,
    title: a.title,
    status: a.status,
    dueDate: a.dueDate,
    overdue: isOverdue(a, now),
    owner: ownerOf(a.owner),
    pillarKey: a.pillarKey,
    pillarName: a.pillarKey ? (names.get(a.pillarKey) ?? a.pillarKey) : null,
    notes: a.notes,
    doneAt: a.doneAt,
    version: a.version,
    updatedAt: a.updatedAt,
  };
}

// Overdue first (the oldest date first), then by date, undated last.
function byUrgency(a: { overdue: boolean; dueDate: Date | null }, b: { overdue: boolean; dueDate: Date | null }) {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const x = a.dueDate?.getTime() ?? Infinity;
  const y = b.dueDate?.getTime() ?? Infinity;
  return x === y ? 0 : x < y ? -1 : 1;
}

async function countsFor(ctx: WorkspaceCtx, where: Prisma.ActionWhereInput, now: Date) {
  const [groups, overdue] = await Promise.all([
    ctx.db.action.groupBy({ by: ["status"], where, _count: { _all: true } }),
    ctx.db.action.count({ where: { ...where, status: { notIn: [...FINISHED] }, dueDate: { lt: todayUtc(now) } } }),
  ]);
  const n = (s: ActionStatus) => groups.find((g) => g.status === s)?._count._all ?? 0;
  return { open: n("OPEN") + n("IN_PROGRESS"), inProgress: n("IN_PROGRESS"), done: n("DONE"), dropped: n("DROPPED"), overdue };
}

export async function listActions(ctx: WorkCtx, filter: ActionFilter, now = new Date()) {
  const { work } = ctx;
  const where: Prisma.ActionWhereInput = { partnershipId: work.partnership.id };
  const statuses = STATUSES_OF[filter];
  const [rows, counts, names, people, pillars] = await Promise.all([
    ctx.db.action.findMany({
      where: { ...where, ...(statuses ? { status: { in: statuses } } : {}) },
      include: { owner: ownerSelect },
      orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
      take: LIST_LIMIT,
    }),
    countsFor(ctx, where, now),
    pillarNames(ctx.db),
    work.viewer.canWrite ? partnershipPeople(ctx, work.partnership) : Promise.resolve([]),
    work.viewer.canWrite ? currentPillars(ctx.db) : Promise.resolve([]),
  ]);
  return {
    partnership: pageHeading(work),
    viewer: { memberId: ctx.member.id, canWrite: work.viewer.canWrite },
    filter,
    counts,
    actions: rows.map((a) => shape(a, names, now)).sort(byUrgency),
    // For the new-action form: who can own it, and the pillars it can serve.
    people: people.map((p) => ({ memberId: p.memberId, name: p.name, side: p.side })),
    pillars,
  };
}

const FIELD_ORDER = ["title", "owner", "dueDate", "pillar", "status", "notes"];
const fieldRank = (field: string) => (FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length);

// One history event as people read it: names for owners and pillars, days for dates.
function describeChanges(changes: ActionChanges, people: Map<string, string>, pillars: Map<string, string>) {
  const show = (field: string, v: unknown): string | null => {
    if (v === null || v === undefined || v === "") return null;
    if (field === "owner") return people.get(String(v)) ?? "a former member";
    if (field === "pillar") return pillars.get(String(v)) ?? String(v);
    return String(v);
  };
  // In a fixed order: the database may not keep the keys in the order they were written.
  return Object.entries(changes)
    .sort(([a], [b]) => fieldRank(a) - fieldRank(b))
    .map(([field, [before, after]]) => ({ field, before: show(field, before), after: show(field, after) }));
}

export async function actionDetail(ctx: ActionCtx, now = new Date()) {
  const { action, work } = ctx;
  const [row, events, names] = await Promise.all([
    ctx.db.action.findUniqueOrThrow({ where: byId(ctx.db, action.id), include: { owner: ownerSelect } }),
    ctx.db.actionEvent.findMany({ where: { actionId: action.id }, orderBy: [{ at: "asc" }, { id: "asc" }] }),
    pillarNames(ctx.db),
  ]);
  // Everyone the history names, including people who have since left the workspace.
  const ids = new Set<string>([row.createdById]);
  for (const e of events) {
    ids.add(e.memberId);
    const owner = (e.changes as ActionChanges).owner;
    if (owner) for (const v of owner) if (typeof v === "string") ids.add(v);
  }
  const members = await ctx.db.member.findMany({ where: { id: { in: [...ids] } }, select: { id: true, user: { select: { name: true } } } });
  const memberNames = new Map(members.map((m) => [m.id, m.user.name]));
  const canEditDetails = mayEditDetails(ctx, row);
  const [people, pillars] = work.viewer.canWrite
    ? await Promise.all([partnershipPeople(ctx, work.partnership), currentPillars(ctx.db)])
    : [[], []];
  // An action made for a pillar the framework no longer has keeps it selectable.
  if (row.pillarKey && work.viewer.canWrite && !pillars.some((p) => p.key === row.pillarKey)) {
    pillars.push({ key: row.pillarKey, name: names.get(row.pillarKey) ?? row.pillarKey });
  }
  return {
    partnership: pageHeading(work),
    action: { ...shape(row, names, now), createdBy: memberNames.get(row.createdById) ?? "a former member", createdAt: row.createdAt },
    history: events.map((e) => ({
      id: e.id,
      at: e.at,
      by: memberNames.get(e.memberId) ?? "a former member",
      changes: describeChanges(e.changes as ActionChanges, memberNames, names),
    })),
    viewer: {
      memberId: ctx.member.id,
      canUpdate: work.viewer.canWrite,
      canEditDetails,
      // Anyone who may write can take on an action nobody owns yet.
      canClaim: work.viewer.canWrite && row.ownerMemberId === null,
    },
    people: people.map((p) => ({ memberId: p.memberId, name: p.name, side: p.side })),
    pillars,
  };
}

// The viewer's own actions across every partnership whose work they may still hold and that is not
// archived (an archived partnership's actions are history, not work to do): an action left in
// their name after their role or organisation changed is not theirs to do.
export async function myActions(ctx: WorkspaceCtx, filter: "open" | "all", now = new Date()) {
  const where: Prisma.ActionWhereInput = {
    ownerMemberId: ctx.member.id,
    partnership: { AND: [workHeldBy(actorOf(ctx)), { archivedAt: null }] },
  };
  const [rows, counts, names] = await Promise.all([
    ctx.db.action.findMany({
      where: { ...where, ...(filter === "open" ? { status: { in: STATUSES_OF.open! } } : {}) },
      include: { owner: ownerSelect, partnership: { select: { name: true } } },
      orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
      take: LIST_LIMIT,
    }),
    countsFor(ctx, where, now),
    pillarNames(ctx.db),
  ]);
  const weekAhead = addDays(todayUtc(now), 7);
  const actions = rows.map((a) => ({ ...shape(a, names, now), partnershipName: a.partnership.name })).sort(byUrgency);
  return {
    filter,
    counts: {
      ...counts,
      dueThisWeek: actions.filter((a) => !a.overdue && !FINISHED.includes(a.status) && a.dueDate && a.dueDate <= weekAhead).length,
    },
    actions,
  };
}
