import { z } from "zod";
import { muteReminders, muteRemindersInput, saveDraft, saveDraftInput } from "../services/drafts";
import { owedSurveys, submitInput, submitResponse, surveyForm } from "../services/survey";
import { workspaceProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";

export const responseRouter = router({
  owed: workspaceProcedure.query(({ ctx }) => owedSurveys(ctx)),
  form: workspaceProcedure
    .input(z.object({ cycleId: z.string().min(1), partnershipId: z.string().min(1) }))
    .query(({ ctx, input }) => surveyForm(ctx, input.cycleId, input.partnershipId)),
  saveDraft: workspaceProcedure.input(saveDraftInput).mutation(({ ctx, input }) => saveDraft(ctx, input)),
  submit: workspaceProcedure.input(submitInput).mutation(({ ctx, input }) => submitResponse(ctx, input)),
  muteReminders: workspaceProcedure.input(muteRemindersInput).mutation(({ ctx, input }) => muteReminders(ctx, input)),
});
