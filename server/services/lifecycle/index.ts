// A partnership's lifecycle as people drive it: changing its phase, opening and deciding its
// renewal review, and restoring it after an exit (who may: access.ts).
import type { Phase, Prisma } from "../../db/generated/client";
import { ADMIN_ROLES, type WorkspaceCtx } from "../../trpc/procedures";
import { badRequest, forbidden } from "../errors";
import { syncCurrentCycles } from "../participants";
import { ARCHIVED_MESSAGE } from "../participation";
import { lifecycleWork } from "./access";
import { PHASE_LABEL } from "./phase-rules";
import { movePhase, phaseBeforeExit } from "./phases";
import { decideReviewTx, openReviewTx, type Decision, type ReviewTarget, type WorkspaceRef } from "./renewal";

export { openDueRenewalReviews } from "./renewal";

export const OPEN_REVIEW_FIRST = "Record the open renewal review's decision first: renew, revise terms or exit.";

// The phase change a person asked for, applied inside the caller's transaction: to "Renewal
// review" opens a review, to "Exited" archives, and a partnership under review leaves that phase
// only through the review's decision. Also the path of the partnership settings form.
export async function requestPhaseTx(
  tx: Prisma.TransactionClient,
  workspace: WorkspaceRef,
  p: ReviewTarget,
  to: Phase,
  actorId: string,
  reason: string,
  now: Date,
) {
  if (p.archivedAt) throw badRequest(ARCHIVED_MESSAGE);
  if (to === p.phase) return;
  if (to === "RENEWAL_REVIEW") {
    await openReviewTx(tx, workspace, p, actorId, now);
    return;
  }
  if (p.phase === "RENEWAL_REVIEW") {
    const open = await tx.renewalReview.count({ where: { workspaceId: workspace.id, partnershipId: p.id, decision: null } });
    if (open) throw badRequest(OPEN_REVIEW_FIRST);
  }
  await movePhase(tx, {
    workspaceId: workspace.id,
    partnershipId: p.id,
    from: p.phase,
    to,
    memberId: actorId,
    reason,
    now,
    ...(to === "EXITED" ? { data: { archivedAt: now } } : {}),
  });
}

export async function changePhase(ctx: WorkspaceCtx, input: { partnershipId: string; phase: Phase; reason: string }, now = new Date()) {
  const { partnership: p } = await lifecycleWork(ctx, input.partnershipId, "facilitate");
  if (p.phase === input.phase) throw badRequest(`${p.name} is already in the ${PHASE_LABEL[p.phase]} phase.`);
  await ctx.db.$transaction((tx) => requestPhaseTx(tx, ctx.workspace, p, input.phase, ctx.member.id, input.reason, now));
}

export async function openReview(ctx: WorkspaceCtx, partnershipId: string, now = new Date()) {
  const { partnership: p } = await lifecycleWork(ctx, partnershipId, "facilitate");
  const review = await ctx.db.$transaction((tx) => openReviewTx(tx, ctx.workspace, p, ctx.member.id, now));
  return { reviewId: review.id };
}

export async function decideReview(ctx: WorkspaceCtx, input: Decision & { partnershipId: string }, now = new Date()) {
  const { partnership: p } = await lifecycleWork(ctx, input.partnershipId, "facilitate");
  await ctx.db.$transaction((tx) => decideReviewTx(tx, ctx.workspace.id, p, input, ctx.member.id, now));
}

// Restoring an exited partnership: back to the phase it left, with its whole history, and asked
// about again in the open and coming survey cycles.
export async function restorePartnership(ctx: WorkspaceCtx, input: { partnershipId: string; reason: string }, now = new Date()) {
  const { partnership: p } = await lifecycleWork(ctx, input.partnershipId, "read");
  if (ctx.member.role === "EXECUTIVE") throw forbidden("Executives can read a partnership's lifecycle but not change it.");
  if (!ADMIN_ROLES.includes(ctx.member.role) && p.ownerMemberId !== ctx.member.id) {
    throw forbidden("Only the partnership's owner (or a workspace admin) can restore it.");
  }
  if (!p.archivedAt) throw badRequest(`${p.name} is not archived.`);
  const to = await ctx.db.$transaction(async (tx) => {
    const back = await phaseBeforeExit(tx, ctx.workspace.id, p.id);
    await movePhase(tx, {
      workspaceId: ctx.workspace.id,
      partnershipId: p.id,
      from: p.phase,
      to: back,
      memberId: ctx.member.id,
      reason: input.reason || "Restored from the archive.",
      now,
      fromArchived: true,
      data: { archivedAt: null },
    });
    return back;
  });
  await syncCurrentCycles(ctx.db, ctx.workspace.id);
  return { phase: to };
}
