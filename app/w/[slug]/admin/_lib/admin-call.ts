// Fetches an admin page's data and answers 404 to anyone who is not an owner or admin, as the rest
// of the app does for doors a person cannot open. Some lists (cycles, partners) are readable by
// other roles, so the role is checked here as well as in the procedures.
import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import type { serverApi } from "~/server/trpc/server";
import { call } from "../../../../_lib/call";

type Api = Awaited<ReturnType<typeof serverApi>>;

export async function adminCall<T>(slug: string, fn: (api: Api) => Promise<T>) {
  try {
    const [workspace, data] = await call((api) => Promise.all([api.workspace.current({ workspaceSlug: slug }), fn(api)]));
    if (!workspace.can.administer) notFound();
    return { workspace, data };
  } catch (error) {
    if (error instanceof TRPCError && error.code === "FORBIDDEN") notFound();
    throw error;
  }
}
