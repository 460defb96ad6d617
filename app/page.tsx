import { redirect } from "next/navigation";
import { currentUserId } from "~/server/session";
import { call } from "./_lib/call";

export const dynamic = "force-dynamic";

// The front door: signed-out people sign in; everyone else goes to their workspace.
export default async function Home() {
  if (!(await currentUserId())) redirect("/signin");
  const workspaces = await call((api) => api.workspace.mine());
  if (workspaces.length === 1) redirect(`/w/${workspaces[0]!.slug}`);
  redirect("/workspaces");
}
