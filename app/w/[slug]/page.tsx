import { redirect } from "next/navigation";
import { call } from "../../_lib/call";

export const dynamic = "force-dynamic";

// A workspace's landing page depends on the role: partners start with their surveys.
export default async function WorkspaceHome({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const workspace = await call((api) => api.workspace.current({ workspaceSlug: slug }));
  redirect(`/w/${slug}/${workspace.can.seeAllPartnerships ? "portfolio" : "surveys"}`);
}
