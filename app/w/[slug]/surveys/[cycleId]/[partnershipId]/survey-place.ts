// Where a survey page lives: in the workspace, for a signed-in member, or on a personal survey
// link's own pages (app/survey/[linkId]), for the link's person. The form is the same; its
// endpoint and the way back differ.
export interface SurveyPlace {
  // The tRPC endpoint its saves and submit go to.
  apiUrl: string;
  // The list of the person's surveys.
  surveysHref: string;
  // The partnership's scorecard, or on a link's pages the sign-in that leads to it (a link opens
  // no scorecard).
  scorecardHref: string;
  scorecardNeedsSignIn: boolean;
}

export const workspacePlace = (slug: string, partnershipId: string): SurveyPlace => ({
  apiUrl: "/api/trpc",
  surveysHref: `/w/${slug}/surveys`,
  scorecardHref: `/w/${slug}/partnerships/${partnershipId}`,
  scorecardNeedsSignIn: false,
});
