import { z } from "zod";
import { workAccess } from "../access/partnership";
import { PHASES, RESTING_PHASES } from "../services/lifecycle/phase-rules";
import { createPartnership, listPartnerships, updatePartnership } from "../services/partnerships";
import { searchPartnerships } from "../services/lists/partnerships";
import { partnershipSearchInput } from "../services/lists/partnerships-schema";
import { buildScorecard, buildScorecardComments, commentsPageSchema, scorecardOutput } from "../services/scorecard";
import { buildScorecardExchange, scorecardExchangeOutput } from "../services/scorecard/exchange";
import { buildScorecardReport } from "../services/scorecard/report";
import { buildScorecardWork } from "../services/scorecard/work";
import { adminProcedure, id, partnershipProcedure, workspaceProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";
import { dateOnly } from "./inputs";

const tier = z.enum(["STRATEGIC", "CORE", "EMERGING"]);
export const partnershipFields = {
  name: z.string().trim().min(1, "Name the partnership.").max(120),
  ownerMemberId: id.nullish(),
  tier,
  phase: z.enum(PHASES),
  renewalDate: dateOnly.nullish(),
};
// A new partnership starts in a resting phase: a renewal review is opened for a renewal date,
// and an exit archives a partnership that existed.
export const startPhase = z.enum(RESTING_PHASES, { error: "A new partnership starts as exploring, onboarding, active or renewed." });

export const partnershipRouter = router({
  list: workspaceProcedure.query(({ ctx }) => listPartnerships(ctx)),

  // One page of the list, searched and filtered by the database, with each row's current health.
  search: workspaceProcedure.input(partnershipSearchInput).query(({ ctx, input }) => searchPartnerships(ctx, input)),

  scorecard: partnershipProcedure.output(scorecardOutput).query(({ ctx }) => buildScorecard(ctx, ctx.partnershipId)),

  // The scorecard for its printable report (the print page), recorded in the audit log as an export.
  report: partnershipProcedure.output(scorecardOutput).query(({ ctx }) => buildScorecardReport(ctx, ctx.partnershipId)),

  // The partnership's work beside its scores (retros, open actions, actions done per pillar);
  // null for a reader who does not work on it. Apart from the scorecard, which it does not slow.
  scorecardWork: partnershipProcedure.query(({ ctx }) => buildScorecardWork(ctx, ctx.partnershipId)),

  // The scorecard's value exchange section: the give/get balance in words from the reader's side,
  // per cycle for its chart. For whoever sees the scorecard, as the balance is.
  scorecardExchange: partnershipProcedure
    .output(scorecardExchangeOutput)
    .query(({ ctx }) => buildScorecardExchange(ctx, ctx.partnershipId)),

  // Which of the partnership's working pages (retro, actions, goals, renewal) this person may open.
  workAccess: partnershipProcedure.query(({ ctx }) => workAccess(ctx, ctx.partnershipId)),

  // Older comments of a scorecard, a few cycles per page (the scorecard carries the first page).
  scorecardComments: partnershipProcedure
    .input(z.object({ offset: z.number().int().min(0).max(10_000) }))
    .output(commentsPageSchema.nullable())
    .query(({ ctx, input }) => buildScorecardComments(ctx, ctx.partnershipId, input.offset)),

  create: adminProcedure
    .input(
      z.object({ ...partnershipFields, phase: startPhase, partnerOrgId: z.string().min(1, "Choose the partner organisation.").max(64) }),
    )
    .mutation(({ ctx, input }) => createPartnership(ctx, input)),

  update: adminProcedure
    .input(z.object({ ...partnershipFields, partnershipId: id }))
    .mutation(({ ctx, input }) => updatePartnership(ctx, input)),
});
