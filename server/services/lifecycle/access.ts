// Who sees and drives a partnership's lifecycle: the participation rule's (participation.ts),
// on the host side only. The partnership's owner and workspace owners/admins decide it
// ("facilitate"), executives and the host team read it, and to a partner contact it does not
// exist: renewals and exits are the company's internal business.
import type { WorkspaceCtx } from "../../trpc/procedures";
import { notFound } from "../errors";
import { partnershipForWork, type Need } from "../participation";

export async function lifecycleWork(ctx: WorkspaceCtx, partnershipId: string, need: Need) {
  if (ctx.member.role === "PARTNER") throw notFound("Partnership");
  return partnershipForWork(ctx, partnershipId, need);
}
