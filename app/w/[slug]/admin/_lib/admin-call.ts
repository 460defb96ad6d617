// Fetches an admin page's data and answers 403 "no access" to anyone who is not an owner or
// admin: everyone in the workspace may know its setup pages exist, but only they may open them.
// Some lists (cycles, partners) are readable by other roles, so the role is checked here as well
// as in the procedures.
import "server-only";
import { forbidden } from "next/navigation";
import type { serverApi } from "~/server/trpc/server";
import { call } from "../../../../_lib/call";

type Api = Awaited<ReturnType<typeof serverApi>>;

export async function adminCall<T>(slug: string, fn: (api: Api) => Promise<T>) {
  const [workspace, data] = await call((api) => Promise.all([api.workspace.current({ workspaceSlug: slug }), fn(api)]));
  if (!workspace.can.administer) forbidden();
  return { workspace, data };
}
