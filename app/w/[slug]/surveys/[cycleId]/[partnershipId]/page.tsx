import { call } from "../../../../../_lib/call";
import { SurveyView } from "./survey-view";
import { workspacePlace } from "./survey-place";

export const metadata = { title: "Survey" };
export const dynamic = "force-dynamic";

export default async function SurveyPage({ params }: { params: Promise<{ slug: string; cycleId: string; partnershipId: string }> }) {
  const { slug, cycleId, partnershipId } = await params;
  const [form, workspace] = await call((api) =>
    Promise.all([api.response.form({ workspaceSlug: slug, cycleId, partnershipId }), api.workspace.current({ workspaceSlug: slug })]),
  );
  return <SurveyView slug={slug} workspaceName={workspace.name} form={form} place={workspacePlace(slug, form.partnership.id)} />;
}
