// Who may see and change a partnership's shared work (its retros, actions and goals), decided in
// one place for every router that touches them.
//
// The participants of a partnership are its owner and host team on one side and the partner
// organisation's contacts on the other. Workspace owners and admins act for anyone (a retro
// whose owner is away still runs); executives read everything and change nothing; a manager who
// neither owns nor works on a partnership sees its scorecard but not its working papers. A
// partner contact never reaches another organisation's partnership: it answers NOT_FOUND, as if
// it did not exist. An archived (exited) partnership is read-only until restored.
import { TRPCError } from "@trpc/server";
import type { Phase, Prisma, Role, Side } from "../db/generated/client";
import type { WorkspaceCtx } from "../trpc/procedures";
import { badRequest, forbidden, notFound } from "./errors";
import { visiblePartnerships } from "./visibility";

// read: see it; write: add items, vote, own and update actions, check in goals;
// facilitate: run the retro's steps and decide the partnership's lifecycle.
export type Need = "read" | "write" | "facilitate";

const ACTS_FOR_ANYONE: readonly Role[] = ["OWNER", "ADMIN"];

export interface WorkContext {
  partnership: {
    id: string;
    name: string;
    partnerOrgId: string;
    partnerName: string;
    ownerMemberId: string | null;
    phase: Phase;
    renewalDate: Date | null;
    archivedAt: Date | null;
  };
  viewer: {
    memberId: string;
    // The side this person speaks for in the partnership's work.
    side: Side;
    canWrite: boolean;
    canFacilitate: boolean;
  };
}

// The side a member speaks for: a partner contact for the partner organisation, everyone else for
// the workspace's own company.
export const sideOfRole = (role: Role): Side => (role === "PARTNER" ? "PARTNER" : "HOST");

export const ARCHIVED_MESSAGE = "This partnership is archived and read-only. Restore it to make changes.";

export async function partnershipForWork(ctx: WorkspaceCtx, partnershipId: string, need: Need): Promise<WorkContext> {
  const p = await ctx.db.partnership.findFirst({
    where: { AND: [{ id: partnershipId }, visiblePartnerships(ctx)] },
    select: {
      id: true,
      name: true,
      partnerOrgId: true,
      ownerMemberId: true,
      phase: true,
      renewalDate: true,
      archivedAt: true,
      partnerOrg: { select: { name: true } },
      team: { where: { memberId: ctx.member.id }, select: { memberId: true } },
    },
  });
  if (!p) throw notFound("Partnership");
  const { role } = ctx.member;
  const isOwner = p.ownerMemberId === ctx.member.id;
  const participant = role === "PARTNER" || isOwner || p.team.length > 0;
  const actsForAnyone = ACTS_FOR_ANYONE.includes(role);
  if (!participant && !actsForAnyone && role !== "EXECUTIVE") {
    throw forbidden("Only the people who work on this partnership can see its retros, actions and goals.");
  }
  const archived = p.archivedAt !== null;
  const canWrite = !archived && role !== "EXECUTIVE" && (participant || actsForAnyone);
  const canFacilitate = !archived && (isOwner || actsForAnyone);
  if (need !== "read") {
    if (role === "EXECUTIVE") throw forbidden("Executives can read a partnership's work but not change it.");
    if (archived) throw badRequest(ARCHIVED_MESSAGE);
    if (need === "facilitate" && !canFacilitate) {
      throw forbidden("Only the partnership's owner (or a workspace admin) can do this.");
    }
  }
  return {
    partnership: {
      id: p.id,
      name: p.name,
      partnerOrgId: p.partnerOrgId,
      partnerName: p.partnerOrg.name,
      ownerMemberId: p.ownerMemberId,
      phase: p.phase,
      renewalDate: p.renewalDate,
      archivedAt: p.archivedAt,
    },
    viewer: { memberId: ctx.member.id, side: sideOfRole(role), canWrite, canFacilitate },
  };
}

// What a working page (actions, goals) heads itself with.
export function pageHeading(work: WorkContext) {
  const p = work.partnership;
  return { id: p.id, name: p.name, partnerName: p.partnerName, archived: p.archivedAt !== null };
}

// The partnerships whose work a person sees, for lists that span partnerships ("my actions").
export function workVisibleTo(ctx: Pick<WorkspaceCtx, "member">): Prisma.PartnershipWhereInput {
  const { role, id } = ctx.member;
  if (role === "PARTNER") return visiblePartnerships(ctx);
  if (role === "MANAGER") return { OR: [{ ownerMemberId: id }, { team: { some: { memberId: id } } }] };
  return {};
}

export interface Person {
  memberId: string;
  name: string;
  email: string;
  side: Side;
}

// The people who can own an action or a goal of a partnership, and take part in its retro: the
// owner and host team, and the partner organisation's current contacts.
export async function partnershipPeople(ctx: WorkspaceCtx, partnership: WorkContext["partnership"]): Promise<Person[]> {
  const members = await ctx.db.member.findMany({
    where: {
      removedAt: null,
      OR: [
        ...(partnership.ownerMemberId ? [{ id: partnership.ownerMemberId }] : []),
        { teams: { some: { partnershipId: partnership.id } } },
        { role: "PARTNER", partnerOrgId: partnership.partnerOrgId },
      ],
    },
    select: { id: true, role: true, user: { select: { name: true, email: true } } },
  });
  return members
    .map((m) => ({ memberId: m.id, name: m.user.name, email: m.user.email, side: sideOfRole(m.role) }))
    .sort((a, b) => (a.side === b.side ? a.name.localeCompare(b.name) : a.side === "HOST" ? -1 : 1));
}

// An owner named for an action or goal must be one of the partnership's people, or the person
// acting (an admin stepping in may take an action on themselves).
export async function checkPartnershipPerson(ctx: WorkspaceCtx, work: WorkContext, memberId: string, side?: Side): Promise<Person> {
  const people = await partnershipPeople(ctx, work.partnership);
  let person = people.find((p) => p.memberId === memberId);
  if (!person && memberId === ctx.member.id) {
    const self = await ctx.db.member.findFirst({
      where: { id: memberId, removedAt: null },
      select: { user: { select: { name: true, email: true } } },
    });
    if (self) person = { memberId, name: self.user.name, email: self.user.email, side: work.viewer.side };
  }
  if (!person) throw badRequest("Choose someone who works on this partnership, from either side.");
  if (side && person.side !== side) {
    throw badRequest(side === "HOST" ? "Choose someone from your own organisation." : "Choose a contact of the partner organisation.");
  }
  return person;
}

// What a person may open of a partnership's work, for its tab bar: never throws for a
// partnership they can see, so the scorecard still shows to a manager who does not work on it.
export async function workAccess(ctx: WorkspaceCtx, partnershipId: string) {
  try {
    const work = await partnershipForWork(ctx, partnershipId, "read");
    return {
      work: true,
      // The renewal review is the host's own deliberation, never shown to the partner.
      renewal: ctx.member.role !== "PARTNER",
      archived: work.partnership.archivedAt !== null,
      canWrite: work.viewer.canWrite,
      canFacilitate: work.viewer.canFacilitate,
    };
  } catch (error) {
    if (error instanceof TRPCError && error.code === "FORBIDDEN") {
      const p = await ctx.db.partnership.findFirst({ where: { id: partnershipId }, select: { archivedAt: true } });
      return { work: false, renewal: false, archived: p?.archivedAt != null, canWrite: false, canFacilitate: false };
    }
    throw error;
  }
}
