// Which partnerships a member may see. A partner contact sees only their own organisation's
// partnerships and must never learn that other partner organisations exist, so every lookup of
// a partnership goes through here and an invisible one answers NOT_FOUND like a missing one.
import { Prisma } from "../db/generated/client";
import type { WorkspaceCtx } from "../trpc/procedures";

type Viewer = Pick<WorkspaceCtx, "member">;

export function visiblePartnerships({ member }: Viewer): Prisma.PartnershipWhereInput {
  if (member.role === "PARTNER") return { partnerOrgId: member.partnerOrgId ?? "__none__" };
  return {};
}

// The same rule for the few reads written in SQL: a condition on a partnership's partnerOrgId
// column (named by the caller, e.g. `p."partnerOrgId"`).
export function visiblePartnershipSql({ member }: Viewer, partnerOrgColumn: string): Prisma.Sql {
  if (member.role === "PARTNER") return Prisma.sql`${Prisma.raw(partnerOrgColumn)} = ${member.partnerOrgId ?? "__none__"}`;
  return Prisma.sql`TRUE`;
}
