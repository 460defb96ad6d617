import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import { SurveyView } from "../../../w/[slug]/surveys/[cycleId]/[partnershipId]/survey-view";
import { linkServerApi } from "~/server/trpc/link-server";
import { surveyLinkEndpoint, surveyLinkHome } from "~/server/trpc/link-context";
import { linkState, signInTo } from "../link";

export const metadata = { title: "Survey" };
export const dynamic = "force-dynamic";

// One survey, answered through the personal link. A partnership the link does not open (another
// organisation's, one its person is not asked about, a random id) asks for a full sign-in, the
// same for all: the link tells nothing of what lies beyond it.
export default async function SurveyLinkSurveyPage({ params }: { params: Promise<{ linkId: string; partnershipId: string }> }) {
  const { linkId, partnershipId } = await params;
  const link = await linkState(linkId);
  if (!link.ok) notFound();
  const slug = link.workspace.slug;
  const api = await linkServerApi(linkId);
  const form = await api.response.form({ workspaceSlug: slug, cycleId: link.cycle.id, partnershipId }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED")
      redirect(signInTo(`/w/${slug}/surveys/${link.cycle.id}/${partnershipId}`));
    throw error;
  });
  const home = surveyLinkHome(linkId);
  return (
    <SurveyView
      slug={slug}
      workspaceName={link.workspace.name}
      form={form}
      place={{
        apiUrl: surveyLinkEndpoint(linkId),
        surveysHref: home,
        scorecardHref: signInTo(`/w/${slug}/partnerships/${form.partnership.id}`),
        scorecardNeedsSignIn: true,
      }}
    />
  );
}
