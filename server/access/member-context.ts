// The workspace member's request context, resolved from the signed-in user and the workspace
// slug of the URL: the ladder's member step builds it for every workspace procedure, and a test
// that calls a service directly builds it the same way.
import type { PrismaClient } from "../db/generated/client";
import { findMembership } from "../db/cross-workspace";
import { forWorkspace } from "../db/tenant";
import type { WorkspaceCtx } from "./context";
import { capabilitiesOf } from "./roles";

// Null when the person is not a current member of a workspace with this slug (or there is none).
export async function memberContext(db: PrismaClient, userId: string, slug: string): Promise<WorkspaceCtx | null> {
  const found = await findMembership(db, userId, slug);
  if (!found) return null;
  const { workspace, user, member } = found;
  return { db: forWorkspace(db, workspace.id), user, workspace, member, role: member.role, can: capabilitiesOf(member.role) };
}
