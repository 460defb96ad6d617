// A personal survey link's own procedures: following it (the /s/<token> route) and what its pages
// show. Its survey procedures are response.form, saveDraft, submit and muteReminders, whose steps
// take the link in place of a sign-in.
import { openSurveyLink, surveyLinkOverview } from "../services/survey-links/open";
import { surveyLinkProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";

export const surveyLinkRouter = router({
  open: surveyLinkProcedure.mutation(({ ctx }) => openSurveyLink(ctx)),
  overview: surveyLinkProcedure.query(({ ctx }) => surveyLinkOverview(ctx)),
});
