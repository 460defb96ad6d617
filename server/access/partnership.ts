// Loading a partnership for a person and deciding, with decide.ts, what they may do with it. The
// ladder's partnership, work and lifecycle steps call these before a handler runs; the other
// resource steps (retros, items, actions, goals) load their resource together with its
// partnership and decide through here too.
import type { Prisma } from "../db/generated/client";
import { byId, type TenantClient } from "../db/tenant";
import type { Actor, Need, WorkContext, WorkspaceCtx } from "./context";
import { decideLifecycle, decideTeamEdit, decideWork, seePartnership, workAbilities, type Decision, type PartnershipFacts } from "./decide";
import { DomainError, notFound } from "./errors";
import { sideOfRole } from "./roles";

// The partnership's columns a decision and a working page need; the team is read for the actor
// only (are they on it?).
export const partnershipForActor = (actorId: string) =>
  ({
    id: true,
    name: true,
    partnerOrgId: true,
    ownerMemberId: true,
    phase: true,
    renewalDate: true,
    archivedAt: true,
    partnerOrg: { select: { name: true } },
    team: { where: { memberId: actorId }, select: { memberId: true } },
  }) satisfies Prisma.PartnershipSelect;

export type PartnershipRow = Prisma.PartnershipGetPayload<{ select: ReturnType<typeof partnershipForActor> }>;

export const factsOf = (p: PartnershipRow): PartnershipFacts => ({
  partnerOrgId: p.partnerOrgId,
  ownerMemberId: p.ownerMemberId,
  teamMemberIds: p.team.map((t) => t.memberId),
  archived: p.archivedAt !== null,
});

export const actorOf = (ctx: Pick<WorkspaceCtx, "member">): Actor => ({
  id: ctx.member.id,
  role: ctx.member.role,
  partnerOrgId: ctx.member.partnerOrgId,
});

// Throws the refusal of a decision. `what` names the resource the person asked for: a retro
// behind a partnership they may not see is "Retro not found.", exactly like a missing retro.
export function enforce(decision: Decision, what?: string): void {
  if (decision.ok) return;
  if (decision.code === "NOT_FOUND" && what) throw notFound(what);
  throw new DomainError(decision.code, decision.message);
}

export function workContext(ctx: Pick<WorkspaceCtx, "member">, p: PartnershipRow): WorkContext {
  const abilities = workAbilities(actorOf(ctx), factsOf(p));
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
    viewer: {
      memberId: ctx.member.id,
      side: sideOfRole(ctx.member.role),
      onTeam: p.team.length > 0,
      canWrite: abilities.canWrite,
      canFacilitate: abilities.canFacilitate,
    },
  };
}

export async function findPartnership(db: TenantClient, ctx: Pick<WorkspaceCtx, "member">, partnershipId: string) {
  return db.partnership.findUnique({ where: byId(db, partnershipId), select: partnershipForActor(ctx.member.id) });
}

// The partnership step: may this person see the partnership (its scorecard)? For the company's
// own people every id may be asked for (the read itself finds out whether it exists), so the step
// costs nothing on the scorecard's hot path; for a partner contact it is checked here.
export async function authorizePartnership(ctx: WorkspaceCtx, partnershipId: string): Promise<string> {
  if (ctx.can.seeAllPartnerships) return partnershipId;
  const p = await ctx.db.partnership.findUnique({ where: byId(ctx.db, partnershipId), select: { partnerOrgId: true } });
  if (!p) throw notFound("Partnership");
  enforce(seePartnership(actorOf(ctx), p), "Partnership");
  return partnershipId;
}

// The work step: the partnership's shared work, for the need given.
export async function loadWork(ctx: WorkspaceCtx, partnershipId: string, need: Need, what = "Partnership"): Promise<WorkContext> {
  const p = await findPartnership(ctx.db, ctx, partnershipId);
  if (!p) throw notFound(what);
  enforce(decideWork(actorOf(ctx), factsOf(p), need), what);
  return workContext(ctx, p);
}

// The lifecycle step: the host side's renewal and phase decisions.
export async function loadLifecycle(ctx: WorkspaceCtx, partnershipId: string, need: Exclude<Need, "write">): Promise<WorkContext> {
  const p = await findPartnership(ctx.db, ctx, partnershipId);
  if (!p) throw notFound("Partnership");
  enforce(decideLifecycle(actorOf(ctx), factsOf(p), need), "Partnership");
  return workContext(ctx, p);
}

// The team step: a partnership whose host team this person changes (its owner or an admin).
export async function loadTeamTarget(ctx: WorkspaceCtx, partnershipId: string) {
  const p = await findPartnership(ctx.db, ctx, partnershipId);
  if (!p) throw notFound("Partnership");
  enforce(decideTeamEdit(actorOf(ctx), { ...factsOf(p), name: p.name }), "Partnership");
  return { id: p.id, name: p.name, ownerMemberId: p.ownerMemberId };
}

// What a person may open of a partnership's work, for its tab bar: never refuses a partnership
// they can see, so the scorecard still shows to a manager who does not work on it.
export async function workAccess(ctx: WorkspaceCtx, partnershipId: string) {
  const p = await findPartnership(ctx.db, ctx, partnershipId);
  if (!p) throw notFound("Partnership");
  const actor = actorOf(ctx);
  enforce(seePartnership(actor, p), "Partnership");
  const { work, renewal, canWrite, canFacilitate } = workAbilities(actor, factsOf(p));
  // The host team is the company's own people: any of them may see who is on it.
  const team = ctx.can.seeAllPartnerships;
  return { work, renewal, team, archived: p.archivedAt !== null, canWrite, canFacilitate };
}

// The facts of a partnership already loaded into a WorkContext, for the finer decisions a service
// asks (who may change what an action agreed). The team matters only through the actor, who
// works on it exactly when the context says they may write or read as a participant.
export function partnershipFactsOf(work: WorkContext): PartnershipFacts {
  const p = work.partnership;
  return {
    partnerOrgId: p.partnerOrgId,
    ownerMemberId: p.ownerMemberId,
    teamMemberIds: work.viewer.onTeam ? [work.viewer.memberId] : [],
    archived: p.archivedAt !== null,
  };
}
