// The members list (admins only, the router's step): the workspace's current members, or its
// pending invitations (people invited who have not joined yet), searched by name and email,
// filtered by role and partner organisation, one counted page at a time.
import { invitationListed, invitationRow } from "../invitations";
import { memberListed, memberRow } from "../members";
import { z } from "zod";
import type { WorkspaceCtx } from "../../access/context";
import { ROLES } from "../../access/roles";
import type { Prisma } from "../../db/generated/client";
import { likeLiteral, pageFor, pageOutput, pagingSchema, searchText } from "./paging";

export const MEMBER_STATUSES = ["active", "invited"] as const;

export const memberSearchInput = z.object({
  q: searchText,
  role: z.enum(ROLES, { error: "Filter by a role: owner, admin, manager, executive or partner." }).optional(),
  // A partner organisation's id: its contacts (and the invitations to be one).
  org: z.string().trim().min(1).max(64).optional(),
  status: z.enum(MEMBER_STATUSES, { error: "Show active members or pending invitations." }).default("active"),
  ...pagingSchema,
});
export type MemberSearch = z.output<typeof memberSearchInput>;

export async function searchMembers(ctx: WorkspaceCtx, input: MemberSearch, now = new Date()) {
  const contains = (value: string) => ({ contains: likeLiteral(value), mode: "insensitive" as const });
  const shared = { ...(input.role ? { role: input.role } : {}), ...(input.org ? { partnerOrgId: input.org } : {}) };
  const empty = { members: [], invitations: [] };

  if (input.status === "invited") {
    const where: Prisma.InvitationWhereInput = {
      acceptedAt: null,
      revokedAt: null,
      ...shared,
      ...(input.q ? { email: contains(input.q) } : {}),
    };
    const total = await ctx.db.invitation.count({ where });
    const page = pageFor(total, input.page, input.pageSize);
    const rows = total
      ? await ctx.db.invitation.findMany({
          where,
          include: invitationListed,
          orderBy: [{ createdAt: "desc" }, { id: "asc" }],
          skip: page.skip,
          take: page.size,
        })
      : [];
    return {
      ...empty,
      status: input.status,
      page: pageOutput(page),
      invitations: rows.map((i) => invitationRow(i, now)),
    };
  }

  const where: Prisma.MemberWhereInput = {
    removedAt: null,
    ...shared,
    ...(input.q ? { user: { OR: [{ name: contains(input.q) }, { email: contains(input.q) }] } } : {}),
  };
  const total = await ctx.db.member.count({ where });
  const page = pageFor(total, input.page, input.pageSize);
  const rows = total
    ? await ctx.db.member.findMany({
        where,
        include: memberListed,
        orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
        skip: page.skip,
        take: page.size,
      })
    : [];
  return {
    ...empty,
    status: input.status,
    page: pageOutput(page),
    members: rows.map((m) => memberRow(m, ctx)),
  };
}
