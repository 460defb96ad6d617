// The decisions of decide.ts as database filters, for lists: the same rules, applied by the
// database to many rows at once. Each mirrors one decision and says which.
import { Prisma } from "../db/generated/client";
import type { Actor } from "./context";
import { capabilitiesOf, ROLES, speaksForHost, speaksForPartner } from "./roles";

// seePartnership: the partnerships a member may see at all.
export function visiblePartnerships(actor: Pick<Actor, "role" | "partnerOrgId">): Prisma.PartnershipWhereInput {
  if (capabilitiesOf(actor.role).seeAllPartnerships) return {};
  return { partnerOrgId: actor.partnerOrgId ?? "__none__" };
}

// The same for the reads written in SQL: a condition on a partnership's partnerOrgId column
// (named by the caller, e.g. `p."partnerOrgId"`).
export function visiblePartnershipSql(actor: Pick<Actor, "role" | "partnerOrgId">, partnerOrgColumn: string): Prisma.Sql {
  if (capabilitiesOf(actor.role).seeAllPartnerships) return Prisma.sql`TRUE`;
  return Prisma.sql`${Prisma.raw(partnerOrgColumn)} = ${actor.partnerOrgId ?? "__none__"}`;
}

// decideWork(read): the partnerships whose working papers a member reads, for lists that span
// partnerships ("my actions", goals behind schedule).
export function workVisibleTo(actor: Actor): Prisma.PartnershipWhereInput {
  const can = capabilitiesOf(actor.role);
  if (can.readAllWork || can.actForAnyone) return {};
  if (!can.seeAllPartnerships) return visiblePartnerships(actor);
  return { OR: [{ ownerMemberId: actor.id }, { team: { some: { memberId: actor.id } } }] };
}

// worksOn, from the other side: the current members who work on a partnership and may write, so
// may own its actions and goals and take part in its retro. Its owner and host team while they
// hold a role of the company's that writes; its partner organisation's contacts while they are
// its contacts. Someone whose role or organisation changed drops out at once.
export function peopleOf(p: { id: string; ownerMemberId: string | null; partnerOrgId: string }): Prisma.MemberWhereInput {
  const host = ROLES.filter(speaksForHost);
  const partner = ROLES.filter(speaksForPartner);
  return {
    removedAt: null,
    OR: [
      {
        role: { in: host },
        OR: [...(p.ownerMemberId ? [{ id: p.ownerMemberId }] : []), { teams: { some: { partnershipId: p.id } } }],
      },
      { role: { in: partner }, partnerOrgId: p.partnerOrgId },
    ],
  };
}
