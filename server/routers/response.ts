import { muteReminders, muteRemindersInput, saveDraft, saveDraftInput } from "../services/drafts";
import { owedSurveys, submitInput, surveyForm, submitResponse } from "../services/survey";
import { askedCycleProcedure, surveyProcedure, workspaceProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";

export const responseRouter = router({
  owed: workspaceProcedure.query(({ ctx }) => owedSurveys(ctx)),
  form: surveyProcedure.query(({ ctx }) => surveyForm(ctx)),
  saveDraft: surveyProcedure.input(saveDraftInput).mutation(({ ctx, input }) => saveDraft(ctx, input)),
  submit: surveyProcedure.input(submitInput).mutation(({ ctx, input }) => submitResponse(ctx, input)),
  muteReminders: askedCycleProcedure.input(muteRemindersInput).mutation(({ ctx, input }) => muteReminders(ctx, input)),
});
