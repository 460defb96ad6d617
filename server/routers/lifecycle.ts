// A partnership's lifecycle: its renewal page, history export, phase changes, renewal reviews and
// restore. Access is the lifecycle step (the host side's: read, facilitate, or restore); the
// rules live in server/services/lifecycle.
import { z } from "zod";
import { changePhase, decideReview, openReview, restorePartnership } from "../services/lifecycle";
import { partnershipHistory } from "../services/lifecycle/history";
import { PHASES } from "../services/lifecycle/phase-rules";
import { renewalPage } from "../services/lifecycle/view";
import { id, lifecycleProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";
import { dateOnly } from "./inputs";

const reason = z.string().trim().max(2000, "Keep this to 2,000 characters or fewer.");

const decision = z
  .object({
    reviewId: id,
    decision: z.enum(["RENEW", "REVISE_TERMS", "EXIT"], { error: "Choose renew, revise terms or exit." }),
    reasons: reason.min(1, "Say why; the reasons are kept with the decision."),
    nextRenewalDate: dateOnly.nullish(),
  })
  .superRefine((d, issue) => {
    if (d.decision !== "EXIT" && !d.nextRenewalDate) {
      issue.addIssue({ code: "custom", path: ["nextRenewalDate"], message: "Choose the next renewal date." });
    }
    if (d.decision === "EXIT" && d.nextRenewalDate) {
      issue.addIssue({ code: "custom", path: ["nextRenewalDate"], message: "An exit has no next renewal date; leave it empty." });
    }
  });

export const lifecycleRouter = router({
  review: lifecycleProcedure("read").query(({ ctx }) => renewalPage(ctx)),

  history: lifecycleProcedure("read").query(({ ctx }) => partnershipHistory(ctx)),

  changePhase: lifecycleProcedure("facilitate")
    .input(z.object({ phase: z.enum(PHASES, { error: "Choose a phase." }), reason: reason.default("") }))
    .mutation(({ ctx, input }) => changePhase(ctx, input)),

  openReview: lifecycleProcedure("facilitate").mutation(({ ctx }) => openReview(ctx)),

  decide: lifecycleProcedure("facilitate")
    .input(decision)
    .mutation(({ ctx, input }) => decideReview(ctx, { ...input, nextRenewalDate: input.nextRenewalDate ?? null })),

  restore: lifecycleProcedure("restore")
    .input(z.object({ reason: reason.default("") }))
    .mutation(({ ctx, input }) => restorePartnership(ctx, input)),
});
