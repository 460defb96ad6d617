// A partnership's lifecycle as people drive it: changing its phase, opening and deciding its
// renewal review, and restoring it after an exit (who may: the lifecycle step, decideLifecycle).
import type { Phase } from "../../db/generated/client";
import type { TenantClient } from "../../db/tenant";
import type { WorkCtx } from "../../access/context";
import { ARCHIVED_MESSAGE } from "../../access/decide";
import { badRequest } from "../../access/errors";
import { syncCurrentCycles } from "../participants";
import { PHASE_LABEL } from "./phase-rules";
import { movePhase, phaseBeforeExit } from "./phases";
import { decideReviewTx, openReviewTx, type Decision, type ReviewTarget, type WorkspaceRef } from "./renewal";

export { openDueRenewalReviews } from "./renewal";

export const OPEN_REVIEW_FIRST = "Record the open renewal review's decision first: renew, revise terms or exit.";

// The phase change a person asked for, applied inside the caller's transaction: to "Renewal
// review" opens a review, to "Exited" archives, and a partnership under review leaves that phase
// only through the review's decision. Also the path of the partnership settings form.
export async function requestPhaseTx(
  tx: TenantClient,
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
    const open = await tx.renewalReview.count({ where: { partnershipId: p.id, decision: null } });
    if (open) throw badRequest(OPEN_REVIEW_FIRST);
  }
  await movePhase(tx, {
    partnershipId: p.id,
    from: p.phase,
    to,
    memberId: actorId,
    reason,
    now,
    ...(to === "EXITED" ? { data: { archivedAt: now } } : {}),
  });
}

export async function changePhase(ctx: WorkCtx, input: { phase: Phase; reason: string }, now = new Date()) {
  const p = ctx.work.partnership;
  if (p.phase === input.phase) throw badRequest(`${p.name} is already in the ${PHASE_LABEL[p.phase]} phase.`);
  await ctx.db.$transaction((tx) => requestPhaseTx(tx, ctx.workspace, p, input.phase, ctx.member.id, input.reason, now));
}

export async function openReview(ctx: WorkCtx, now = new Date()) {
  const p = ctx.work.partnership;
  const review = await ctx.db.$transaction((tx) => openReviewTx(tx, ctx.workspace, p, ctx.member.id, now));
  return { reviewId: review.id };
}

export async function decideReview(ctx: WorkCtx, input: Decision, now = new Date()) {
  const p = ctx.work.partnership;
  await ctx.db.$transaction((tx) => decideReviewTx(tx, p, input, ctx.member.id, now));
}

// Restoring an exited partnership: back to the phase it left, with its whole history, and asked
// about again in the open and coming survey cycles.
export async function restorePartnership(ctx: WorkCtx, input: { reason: string }, now = new Date()) {
  const p = ctx.work.partnership;
  if (!p.archivedAt) throw badRequest(`${p.name} is not archived.`);
  const to = await ctx.db.$transaction(async (tx) => {
    const back = await phaseBeforeExit(tx, p.id);
    await movePhase(tx, {
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
  await syncCurrentCycles(ctx.db);
  return { phase: to };
}
