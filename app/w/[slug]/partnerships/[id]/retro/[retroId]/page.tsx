import { notFound } from "next/navigation";
import { call } from "../../../../../../_lib/call";
import { requireWork } from "../../require-work";
import { RetroBoard } from "./retro-board";

export const metadata = { title: "Retro" };
export const dynamic = "force-dynamic";

// The first view is read on the server (a retro the person may not see is a 404); the board then
// keeps it fresh by polling, so both sides see each other's changes within seconds.
export default async function RetroPage({ params }: { params: Promise<{ slug: string; id: string; retroId: string }> }) {
  const { slug, id, retroId } = await params;
  await requireWork(slug, id);
  const view = await call((api) => api.retro.get({ workspaceSlug: slug, retroId }));
  if (view.retro.partnershipId !== id) notFound();
  return <RetroBoard slug={slug} initial={view} />;
}
