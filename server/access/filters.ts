// The decisions of decide.ts as database filters, for lists: the same rules, applied by the
// database to many rows at once. Each mirrors one decision and says which.
import { Prisma } from "../db/generated/client";
import type { Actor } from "./context";
import { capabilitiesOf, ROLES, speaksForHost, speaksForPartner } from "./roles";
import { PARTNER_NOTICE_KINDS } from "./standing";

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

// mayHoldWork (decideWork(write), archival aside): the partnerships whose actions a member may
// own, for "my actions": an executive owns none, whatever rows still name them.
export function workHeldBy(actor: Actor): Prisma.PartnershipWhereInput {
  const can = capabilitiesOf(actor.role);
  if (!can.write) return { id: { in: [] } };
  if (can.actForAnyone) return {};
  if (!can.seeAllPartnerships) return visiblePartnerships(actor);
  return { OR: [{ ownerMemberId: actor.id }, { team: { some: { memberId: actor.id } } }] };
}

// answersFor: the rows of a cycle's list that still ask the member, for the surveys they owe. A row
// made before their role or organisation changed asks them nothing.
export function answerableBy(actor: Actor): Prisma.CycleParticipantWhereInput {
  if (speaksForHost(actor.role)) return { side: "HOST" };
  if (speaksForPartner(actor.role)) return { side: "PARTNER", partnership: { partnerOrgId: actor.partnerOrgId ?? "__none__" } };
  return { side: { in: [] } };
}

// mayHear, for a member's own notifications: the company's people read every notice of theirs; a
// partner contact only those about their organisation's partnerships, and none of the company's
// own view (alerts on its scores, renewal reviews), even if a row from an earlier role says so.
export function noticesFor(actor: Actor): Prisma.NotificationWhereInput {
  if (capabilitiesOf(actor.role).seeAllPartnerships) return { memberId: actor.id };
  return {
    memberId: actor.id,
    OR: [{ partnershipId: null }, { kind: { in: PARTNER_NOTICE_KINDS }, partnership: visiblePartnerships(actor) }],
  };
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
