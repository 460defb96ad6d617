// Finding a retro (or one of its items or actions) for a person, with the partnership's access
// rule applied, and the row lock every change takes. Access is partnershipForWork's alone: a
// retro of a partnership the person cannot reach answers like a missing one.
import type { Side } from "../../db/generated/client";
import type { TenantTx } from "../../db/tenant";
import type { WorkspaceCtx } from "../../trpc/procedures";
import { notFound } from "../errors";
import { partnershipForWork, type Need, type WorkContext } from "../participation";
import type { RetroPhase } from "./rules";

export async function retroForWork(ctx: WorkspaceCtx, retroId: string, need: Need) {
  const retro = await ctx.db.retro.findFirst({ where: { id: retroId } });
  if (!retro) throw notFound("Retro");
  const work = await partnershipForWork(ctx, retro.partnershipId, need);
  return { retro, work };
}

export async function itemForWork(ctx: WorkspaceCtx, itemId: string, need: Need) {
  const item = await ctx.db.retroItem.findFirst({ where: { id: itemId } });
  if (!item) throw notFound("Item");
  const { retro, work } = await retroForWork(ctx, item.retroId, need);
  return { item, retro, work };
}

export async function retroActionForWork(ctx: WorkspaceCtx, actionId: string, need: Need) {
  const action = await ctx.db.action.findFirst({ where: { id: actionId, retroId: { not: null } } });
  if (!action?.retroId) throw notFound("Action");
  const { retro, work } = await retroForWork(ctx, action.retroId, need);
  return { action, retro, work };
}

// The retro's current phase and version, read under a lock on its row. Votes and phase changes
// take it exclusively ("update"): a person's votes are counted and a phase left one at a time, so
// two votes at once cannot make a fourth and no vote lands after its voting closed. Adding items
// and volunteering take it shared: they run side by side, but never across a phase change.
export async function lockRetro(tx: TenantTx, workspaceId: string, retroId: string, mode: "update" | "share") {
  const rows =
    mode === "update"
      ? await tx.$queryRaw<{ phase: RetroPhase; version: number }[]>`
          SELECT phase::text AS phase, version FROM "Retro" WHERE id = ${retroId} AND "workspaceId" = ${workspaceId} FOR UPDATE`
      : await tx.$queryRaw<{ phase: RetroPhase; version: number }[]>`
          SELECT phase::text AS phase, version FROM "Retro" WHERE id = ${retroId} AND "workspaceId" = ${workspaceId} FOR SHARE`;
  const row = rows[0];
  if (!row) throw notFound("Retro");
  return row;
}

// Who took part is recorded the first time a person adds an item, votes or volunteers.
export async function recordAttendee(tx: TenantTx, workspaceId: string, retroId: string, memberId: string, side: Side) {
  await tx.retroAttendee.createMany({ data: [{ workspaceId, retroId, memberId, side }], skipDuplicates: true });
}

export const attend = (tx: TenantTx, ctx: WorkspaceCtx, retroId: string, work: WorkContext) =>
  recordAttendee(tx, ctx.workspace.id, retroId, work.viewer.memberId, work.viewer.side);
