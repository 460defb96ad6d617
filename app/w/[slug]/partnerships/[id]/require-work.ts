// A partnership's working papers opened by their own id (a retro, an action). Someone who may see
// the partnership but not its work (a manager who does not work on it) gets the "no access" page
// for any such id, real or made up, so the answer says nothing about which ids exist; the server
// itself answers "not found" for an id behind work the person may not read.
import "server-only";
import { forbidden } from "next/navigation";
import { call } from "../../../../_lib/call";

export async function requireWork(slug: string, partnershipId: string) {
  const access = await call((api) => api.partnership.workAccess({ workspaceSlug: slug, partnershipId }));
  if (!access.work) forbidden();
  return access;
}
