// Finding an action together with the access its partnership gives the viewer.
import { TRPCError } from "@trpc/server";
import type { WorkspaceCtx } from "../../trpc/procedures";
import { notFound } from "../errors";
import { partnershipForWork, type Need } from "../participation";

export async function actionForWork(ctx: WorkspaceCtx, actionId: string, need: Need) {
  const action = await ctx.db.action.findUnique({ where: { id: actionId } });
  if (!action) throw notFound("Action");
  try {
    const work = await partnershipForWork(ctx, action.partnershipId, need);
    return { action, work };
  } catch (error) {
    // Someone who may not see the partnership may not learn that the action exists either.
    if (error instanceof TRPCError && error.code === "NOT_FOUND") throw notFound("Action");
    throw error;
  }
}
