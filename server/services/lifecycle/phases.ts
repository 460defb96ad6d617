// A partnership's phase, and the one write that changes it. Every change (by hand, by the
// partnership's settings, by a renewal decision, by the renewal job, by an exit or a restore) goes
// through `movePhase`, which changes the row only if it is still in the phase the caller saw and
// records who moved it and why in the same transaction. Nothing is ever deleted by a phase change:
// exiting only archives.
import type { Phase } from "../../db/generated/client";
import type { TenantClient } from "../../db/tenant";
import { conflict } from "../../access/errors";
import { isResting } from "./phase-rules";
import { emitWebhookEvent } from "../webhooks/emit";
import { partnershipState } from "../webhooks/refs";

export const STALE_PHASE_MESSAGE = "Someone else changed this partnership's phase a moment ago; reload to see their change.";

export interface PhaseMove {
  partnershipId: string;
  from: Phase;
  to: Phase;
  // Null when the renewal job moved it.
  memberId: string | null;
  reason: string;
  now: Date;
  // Whether the partnership is archived before the move (only a restore starts from archived).
  fromArchived?: boolean;
  // Columns that change together with the phase: archivedAt on exit and restore, renewalDate on renewal.
  data?: { archivedAt?: Date | null; renewalDate?: Date };
}

export async function movePhase(tx: TenantClient, m: PhaseMove): Promise<void> {
  const { count } = await tx.partnership.updateMany({
    where: { id: m.partnershipId, phase: m.from, archivedAt: m.fromArchived ? { not: null } : null },
    data: { phase: m.to, ...m.data },
  });
  if (count !== 1) throw conflict(STALE_PHASE_MESSAGE);
  await tx.phaseChange.create({
    data: {
      workspaceId: tx.$workspaceId,
      partnershipId: m.partnershipId,
      fromPhase: m.from,
      toPhase: m.to,
      memberId: m.memberId,
      reason: m.reason,
      at: m.now,
    },
  });
  const changed = ["phase", ...(m.data?.archivedAt !== undefined ? ["archived"] : []), ...(m.data?.renewalDate ? ["renewalDate"] : [])];
  await emitWebhookEvent(
    tx,
    "partnership.updated",
    async (s) => ({ partnership: await partnershipState(tx, s, m.partnershipId), changed }),
    m.now,
  );
}

// The phase a restored partnership returns to: the one it left when it exited, unless that was
// a renewal review (whose decision was the exit) or nothing is recorded; then the phase it had
// before its latest review, or Active.
export async function phaseBeforeExit(tx: TenantClient, partnershipId: string): Promise<Phase> {
  const exit = await tx.phaseChange.findFirst({
    where: { partnershipId, toPhase: "EXITED" },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { fromPhase: true },
  });
  if (exit && isResting(exit.fromPhase)) return exit.fromPhase;
  const review = await tx.renewalReview.findFirst({
    where: { partnershipId },
    orderBy: { openedAt: "desc" },
    select: { previousPhase: true },
  });
  return review && isResting(review.previousPhase) ? review.previousPhase : "ACTIVE";
}
