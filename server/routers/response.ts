import { z } from "zod";
import { owedSurveys, submitInput, submitResponse, surveyForm } from "../services/survey";
import { workspaceProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";

export const responseRouter = router({
  owed: workspaceProcedure.query(({ ctx }) => owedSurveys(ctx)),
  form: workspaceProcedure
    .input(z.object({ cycleId: z.string().min(1), partnershipId: z.string().min(1) }))
    .query(({ ctx, input }) => surveyForm(ctx, input.cycleId, input.partnershipId)),
  submit: workspaceProcedure.input(submitInput).mutation(({ ctx, input }) => submitResponse(ctx, input)),
});
