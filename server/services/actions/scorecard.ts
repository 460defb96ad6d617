// What the scorecard shows of a partnership's actions: those done between two cycles, by the
// pillar they served (beside that pillar's change), and those still open.
//
// These read no participation rule of their own: the scorecard decides who sees it, and calls
// these for a partnership the viewer may see. They do keep to the partnerships the viewer can see
// at all, so a partner contact never reads another organisation's actions through them.
import type { Side } from "../../db/generated/client";
import type { WorkspaceCtx } from "../../access/context";
import { visiblePartnerships } from "../../access/filters";
import { sideOfRole } from "../../access/roles";
import { isOverdue } from "./overdue";

export interface DoneForPillar {
  pillarKey: string | null;
  actions: { id: string; title: string; ownerName: string | null; doneAt: Date }[];
}

// Done actions with doneAt in (from, to]; `from` null means since the beginning. Pillars in the
// order of their first done action; actions for no pillar in particular last.
export async function actionsDoneByPillar(ctx: WorkspaceCtx, partnershipId: string, from: Date | null, to: Date): Promise<DoneForPillar[]> {
  const rows = await ctx.db.action.findMany({
    where: {
      partnershipId,
      partnership: visiblePartnerships(ctx.member),
      status: "DONE",
      doneAt: { ...(from ? { gt: from } : {}), lte: to },
    },
    select: { id: true, title: true, pillarKey: true, doneAt: true, owner: { select: { user: { select: { name: true } } } } },
    orderBy: [{ doneAt: "asc" }, { id: "asc" }],
  });
  const groups = new Map<string | null, DoneForPillar>();
  for (const a of rows) {
    const group = groups.get(a.pillarKey) ?? { pillarKey: a.pillarKey, actions: [] };
    group.actions.push({ id: a.id, title: a.title, ownerName: a.owner?.user.name ?? null, doneAt: a.doneAt! });
    groups.set(a.pillarKey, group);
  }
  return [...groups.values()].sort((a, b) => (a.pillarKey === null ? 1 : b.pillarKey === null ? -1 : 0));
}

export interface OpenAction {
  id: string;
  title: string;
  status: "OPEN" | "IN_PROGRESS";
  pillarKey: string | null;
  ownerName: string | null;
  ownerSide: Side | null;
  dueDate: Date | null;
  overdue: boolean;
}

// Open and in-progress actions, overdue first, then by date (undated last).
export async function openActionsFor(ctx: WorkspaceCtx, partnershipId: string, now = new Date()): Promise<OpenAction[]> {
  const rows = await ctx.db.action.findMany({
    where: { partnershipId, partnership: visiblePartnerships(ctx.member), status: { in: ["OPEN", "IN_PROGRESS"] } },
    select: {
      id: true,
      title: true,
      status: true,
      pillarKey: true,
      dueDate: true,
      owner: { select: { role: true, user: { select: { name: true } } } },
    },
    orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
  });
  return rows.map((a) => ({
    id: a.id,
    title: a.title,
    status: a.status as OpenAction["status"],
    pillarKey: a.pillarKey,
    ownerName: a.owner?.user.name ?? null,
    ownerSide: a.owner ? sideOfRole(a.owner.role) : null,
    dueDate: a.dueDate,
    overdue: isOverdue(a, now),
  }));
}
