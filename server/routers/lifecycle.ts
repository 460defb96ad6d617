// A partnership's lifecycle: its renewal page, history export, phase changes, renewal reviews and
// restore. Thin: the rules live in server/services/lifecycle (access in its access.ts).
import { z } from "zod";
import { changePhase, decideReview, openReview, restorePartnership } from "../services/lifecycle";
import { partnershipHistory } from "../services/lifecycle/history";
import { PHASES } from "../services/lifecycle/phase-rules";
import { renewalPage } from "../services/lifecycle/view";
import { workspaceProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";
import { dateOnly, partnershipId } from "./inputs";

const reason = z.string().trim().max(2000, "at most 2000 characters");

const decision = partnershipId
  .extend({
    reviewId: z.string().min(1).max(64),
    decision: z.enum(["RENEW", "REVISE_TERMS", "EXIT"], { error: "choose renew, revise terms or exit" }),
    reasons: reason.min(1, "say why: the reasons are kept with the decision"),
    nextRenewalDate: dateOnly.nullish(),
  })
  .superRefine((d, issue) => {
    if (d.decision !== "EXIT" && !d.nextRenewalDate) {
      issue.addIssue({ code: "custom", path: ["nextRenewalDate"], message: "choose the next renewal date" });
    }
    if (d.decision === "EXIT" && d.nextRenewalDate) {
      issue.addIssue({ code: "custom", path: ["nextRenewalDate"], message: "an exit has no next renewal date" });
    }
  });

export const lifecycleRouter = router({
  review: workspaceProcedure.input(partnershipId).query(({ ctx, input }) => renewalPage(ctx, input.partnershipId)),

  history: workspaceProcedure.input(partnershipId).query(({ ctx, input }) => partnershipHistory(ctx, input.partnershipId)),

  changePhase: workspaceProcedure
    .input(partnershipId.extend({ phase: z.enum(PHASES, { error: "choose a phase" }), reason: reason.default("") }))
    .mutation(({ ctx, input }) => changePhase(ctx, input)),

  openReview: workspaceProcedure.input(partnershipId).mutation(({ ctx, input }) => openReview(ctx, input.partnershipId)),

  decide: workspaceProcedure
    .input(decision)
    .mutation(({ ctx, input }) => decideReview(ctx, { ...input, nextRenewalDate: input.nextRenewalDate ?? null })),

  restore: workspaceProcedure
    .input(partnershipId.extend({ reason: reason.default("") }))
    .mutation(({ ctx, input }) => restorePartnership(ctx, input)),
});
