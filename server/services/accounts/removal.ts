// Someone removed from their last workspace is signed out everywhere at once: with no workspace
// left, a live session would only keep a door open that nobody means to be open. (Removed from
// one workspace of several, they keep their sessions: the member step refuses that workspace on
// the next request anyway.)
//
// It runs inside the removal's transaction, after the membership row is marked removed, so the
// sessions end in the same commit as the removal. The record of it is that workspace's event
// (its admins read it beside the removal): an event written through the workspace's scoped client
// carries the workspace, and the removal is what ended the sessions.
import type { PrismaClient } from "../../db/generated/client";
import { lockedMembershipCount } from "../../db/cross-workspace";
import type { TenantClient } from "../../db/tenant";
import { audit } from "./audit";
import { endSessions } from "./sessions";

export async function endSessionsIfInNoWorkspace(
  tx: TenantClient & Pick<PrismaClient, "$queryRaw">,
  input: { userId: string; byUserId: string; address?: string | null; now: Date },
): Promise<number> {
  if ((await lockedMembershipCount(tx, input.userId)) > 0) return 0;
  const { count } = await endSessions(tx, input.userId, "REMOVED", { now: input.now });
  if (count > 0) {
    await audit(tx, {
      action: "sessions.ended",
      userId: input.userId,
      actorUserId: input.byUserId,
      address: input.address ?? null,
      detail: { count, reason: "REMOVED" },
    });
  }
  return count;
}
