// Renewal reviews: opening one (by the job, a set number of days before the renewal date, or by
// hand earlier), telling the owner, and recording its decision. One review per partnership and
// renewal date (a unique key), so the job and a manager opening it at once make one; a review is
// decided once (an atomic claim of the undecided row), so two deciders at once cannot both win.
import type { Phase, RenewalDecision, Workspace } from "../../db/generated/client";
import type { TenantClient, TenantDb } from "../../db/tenant";
import { renewalEmail, renewalNotice } from "../email/alert";
import { badRequest, conflict, isDomainError } from "../../access/errors";
import { isUniqueViolation } from "../../db/errors";
import { notifyOnce, partnershipRecipients } from "../notifications";
import { movePhase } from "./phases";
import { longDay } from "../dates";
import { emitWebhookEvent } from "../webhooks/emit";
import { partnershipRef } from "../webhooks/refs";

type Tx = TenantClient;

const DAY_MS = 24 * 60 * 60 * 1000;

export const DECISION_LABEL: Record<RenewalDecision, string> = { RENEW: "Renew", REVISE_TERMS: "Revise terms", EXIT: "Exit" };

export const ALREADY_DECIDED_MESSAGE = "This renewal review was decided a moment ago by someone else; reload to see the decision.";

// The moment a review for this renewal date is due: `days` whole days before it.
export const reviewOpensAt = (renewalDate: Date, days: number) => new Date(renewalDate.getTime() - days * DAY_MS);

export interface ReviewTarget {
  id: string;
  name: string;
  phase: Phase;
  renewalDate: Date | null;
  archivedAt: Date | null;
  ownerMemberId: string | null;
}

export type WorkspaceRef = Pick<Workspace, "slug" | "name">;

export const renewalPath = (slug: string, partnershipId: string) => `/w/${slug}/partnerships/${partnershipId}/renewal`;

// Opens the review of the partnership's current renewal date and moves it into the review phase.
// `openedById` is null for the job. Refusals name what to do instead.
export async function openReviewTx(tx: Tx, workspace: WorkspaceRef, p: ReviewTarget, openedById: string | null, now: Date) {
  if (p.archivedAt || p.phase === "EXITED") throw badRequest(`${p.name} has exited; restore it before reviewing its renewal.`);
  if (!p.renewalDate) throw badRequest(`${p.name} has no renewal date. Set one first: a renewal review is about one renewal.`);
  const existing = await tx.renewalReview.findFirst({
    where: { partnershipId: p.id, renewalDate: p.renewalDate },
    select: { decision: true },
  });
  if (existing?.decision) {
    throw badRequest(
      `The renewal on ${longDay(p.renewalDate)} was already reviewed (${DECISION_LABEL[existing.decision]}). Set the next renewal date before opening another review.`,
    );
  }
  if (existing || p.phase === "RENEWAL_REVIEW") throw conflict(`A renewal review of ${p.name} is already open.`);
  let review;
  try {
    review = await tx.renewalReview.create({
      data: {
        workspaceId: tx.$workspaceId,
        partnershipId: p.id,
        renewalDate: p.renewalDate,
        previousPhase: p.phase,
        openedById,
        openedAt: now,
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A renewal review of ${p.name} is already open.`);
    throw error;
  }
  await movePhase(tx, {
    partnershipId: p.id,
    from: p.phase,
    to: "RENEWAL_REVIEW",
    memberId: openedById,
    reason: openedById
      ? `Renewal review opened for the renewal on ${longDay(p.renewalDate)}.`
      : `Renewal review opened automatically ahead of the renewal on ${longDay(p.renewalDate)}.`,
    now,
  });
  // The owner (or the admins) hear of it, except whoever opened it by hand.
  const recipients = (await partnershipRecipients(tx, p.ownerMemberId)).filter((r) => r.memberId !== openedById);
  const path = renewalPath(workspace.slug, p.id);
  const notice = renewalNotice({ partnershipName: p.name, renewalDate: p.renewalDate });
  for (const r of recipients) {
    await notifyOnce(
      tx,
      r,
      [
        {
          kind: "RENEWAL_REVIEW",
          partnershipId: p.id,
          cycleId: null,
          ...notice,
          link: path,
          dedupeKey: `renewal-review:${p.id}:${p.renewalDate.toISOString().slice(0, 10)}`,
        },
      ],
      () =>
        renewalEmail({ partnershipName: p.name, renewalDate: p.renewalDate!, workspaceName: workspace.name, recipientName: r.name, path }),
    );
  }
  return review;
}

// A rollback that is not an error: the partnership changed under this job run (another run or a
// person got there first), so this one leaves it alone.
class Skip extends Error {}

// The job step: every live partnership whose renewal date is within its workspace's lead time,
// and whose current renewal date has no review yet, gets one. Safe to run again and on several
// instances at once: the review's unique key and the phase's guarded update let one run win.
export async function openDueRenewalReviews(db: TenantDb, now = new Date()): Promise<string[]> {
  const opened: string[] = [];
  const workspace = await db.workspace.findUniqueOrThrow({
    where: { id: db.$workspaceId },
    select: { slug: true, name: true, renewalReviewDays: true },
  });
  const due = await db.partnership.findMany({
    where: {
      archivedAt: null,
      phase: { notIn: ["EXITED", "RENEWAL_REVIEW"] },
      renewalDate: { not: null, lte: new Date(now.getTime() + workspace.renewalReviewDays * DAY_MS) },
    },
    select: {
      id: true,
      name: true,
      phase: true,
      renewalDate: true,
      archivedAt: true,
      ownerMemberId: true,
      renewalReviews: { select: { renewalDate: true } },
    },
  });
  for (const p of due) {
    // A renewal date already reviewed (then exited and restored, say) is not reviewed again.
    if (p.renewalReviews.some((r) => r.renewalDate.getTime() === p.renewalDate!.getTime())) continue;
    try {
      await db.$transaction(async (tx) => {
        try {
          await openReviewTx(tx, workspace, p, null, now);
        } catch (error) {
          if (isDomainError(error)) throw new Skip();
          throw error;
        }
      });
      opened.push(`${workspace.slug}/${p.name}`);
    } catch (error) {
      if (!(error instanceof Skip) && !isUniqueViolation(error)) throw error;
    }
  }
  return opened;
}

export interface Decision {
  reviewId: string;
  decision: RenewalDecision;
  reasons: string;
  nextRenewalDate: Date | null;
}

const startOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

// Records the decision of an open review and carries it out: renew or revise terms -> Renewed
// with the next renewal date; exit -> archived. Whoever decides second gets CONFLICT.
export async function decideReviewTx(tx: Tx, p: ReviewTarget, d: Decision, deciderId: string, now: Date) {
  const review = await tx.renewalReview.findFirst({ where: { id: d.reviewId, partnershipId: p.id } });
  if (!review) throw badRequest("This renewal review does not belong to this partnership.");
  if (review.decision) throw conflict(ALREADY_DECIDED_MESSAGE);
  const exits = d.decision === "EXIT";
  if (!exits) {
    if (!d.nextRenewalDate) throw badRequest("Choose the next renewal date.");
    if (d.nextRenewalDate <= startOfDay(now)) throw badRequest("The next renewal date must be after today.");
    if (d.nextRenewalDate <= review.renewalDate) {
      throw badRequest(`The next renewal date must be after the renewal under review (${longDay(review.renewalDate)}).`);
    }
  }
  const { count } = await tx.renewalReview.updateMany({
    where: { id: review.id, decision: null },
    data: {
      decision: d.decision,
      reasons: d.reasons,
      decidedById: deciderId,
      decidedAt: now,
      nextRenewalDate: exits ? null : d.nextRenewalDate,
    },
  });
  if (count !== 1) throw conflict(ALREADY_DECIDED_MESSAGE);
  await emitWebhookEvent(
    tx,
    "renewal.decided",
    async (s) => ({
      partnership: await partnershipRef(tx, s, p.id),
      decision: d.decision,
      nextRenewalDate: exits ? null : d.nextRenewalDate!.toISOString().slice(0, 10),
    }),
    now,
  );
  const reason = `Renewal decision: ${DECISION_LABEL[d.decision]}. ${d.reasons}`;
  await movePhase(tx, {
    partnershipId: p.id,
    from: p.phase,
    to: exits ? "EXITED" : "RENEWED",
    memberId: deciderId,
    reason,
    now,
    data: exits ? { archivedAt: now } : { renewalDate: d.nextRenewalDate! },
  });
}
