// A partnership's host team: the company's people who work on it besides its owner. They answer
// its surveys, take part in its retros and own its work. Changing the team changes who open and
// draft cycles ask, by the participants' own defaults (participants.ts): joining adds the person
// to those lists as adding a contact does; leaving takes them off, and never loses what they gave.
import type { WorkspaceCtx } from "../access/context";
import { decideTeamEdit } from "../access/decide";
import { badRequest, notFound } from "../access/errors";
import { actorOf, factsOf, findPartnership } from "../access/partnership";
import { ROLES, speaksForHost } from "../access/roles";
import { mayBeOnHostTeam } from "../access/standing";
import type { TenantTx } from "../db/tenant";
import { syncCurrentCycles } from "./participants";
import { emitWebhookEvent } from "./webhooks/emit";
import { partnershipState } from "./webhooks/refs";

export interface TeamCtx extends WorkspaceCtx {
  team: { id: string; name: string; ownerMemberId: string | null };
}

const HOST_ROLES = ROLES.filter(speaksForHost);
const CURRENT = { status: { in: ["DRAFT" as const, "OPEN" as const] } };

// The team as the company's people see it (the host step): its owner, its members, who could
// join, and whether this person may change it.
export async function listTeam(ctx: WorkspaceCtx, partnershipId: string) {
  const p = await findPartnership(ctx.db, ctx, partnershipId);
  if (!p) throw notFound("Partnership");
  const [team, owner, people] = await Promise.all([
    ctx.db.partnershipTeamMember.findMany({
      where: { partnershipId: p.id, member: { removedAt: null } },
      select: { member: { select: { id: true, role: true, user: { select: { name: true, email: true } } } } },
    }),
    p.ownerMemberId
      ? ctx.db.member.findFirst({ where: { id: p.ownerMemberId }, select: { id: true, user: { select: { name: true } } } })
      : null,
    ctx.db.member.findMany({
      where: { removedAt: null, role: { in: HOST_ROLES }, teams: { none: { partnershipId: p.id } } },
      select: { id: true, role: true, user: { select: { name: true, email: true } } },
    }),
  ]);
  const person = (m: { id: string; role: string; user: { name: string; email: string } }) => ({
    memberId: m.id,
    name: m.user.name,
    email: m.user.email,
    role: m.role,
  });
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  const decision = decideTeamEdit(actorOf(ctx), { ...factsOf(p), name: p.name });
  return {
    partnership: { id: p.id, name: p.name, archived: p.archivedAt !== null },
    owner: owner ? { memberId: owner.id, name: owner.user.name } : null,
    members: team.map((t) => person(t.member)).sort(byName),
    candidates: people
      .filter((m) => m.id !== p.ownerMemberId)
      .map(person)
      .sort(byName),
    mayEdit: decision.ok,
    // Why not, in the decision's words, for the page to say.
    refusal: decision.ok ? null : decision.message,
  };
}

export async function addTeamMember(ctx: TeamCtx, input: { memberId: string }) {
  const { team } = ctx;
  const member = await ctx.db.member.findFirst({
    where: { id: input.memberId, removedAt: null },
    select: { id: true, role: true, partnerOrgId: true, user: { select: { name: true } } },
  });
  if (!member) throw notFound("Member");
  if (!mayBeOnHostTeam(member)) {
    throw badRequest(
      `${member.user.name} cannot join a host team: it is for the company's alliance managers, admins and owners (executives read the results; partner contacts answer for their organisation).`,
    );
  }
  if (member.id === team.ownerMemberId) throw badRequest(`${member.user.name} owns ${team.name}, so works on it already.`);
  await ctx.db.$transaction(
    async (tx) => {
      await tx.partnershipTeamMember.createMany({
        data: [{ workspaceId: tx.$workspaceId, partnershipId: team.id, memberId: member.id }],
        skipDuplicates: true,
      });
      // Places the defaults took away when they left the team before come back as they were.
      await tx.cycleParticipant.updateMany({
        where: { partnershipId: team.id, memberId: member.id, side: "HOST", excluded: true, manual: false, cycle: CURRENT },
        data: { excluded: false },
      });
      await syncCurrentCycles(tx);
      await emitHostTeamChanged(tx, team.id);
    },
    { timeout: 30_000 },
  );
  return { name: member.user.name };
}

// Leaving the team takes the person off the lists of the open and draft cycles that ask them by
// default (not where an admin or the owner put them by hand, and not if they own the partnership).
// A place where they answered, or keep a draft, stays, taken off the list: the answer keeps
// counting, and the draft is there if they come back. Closed cycles keep their lists.
export async function removeTeamMember(ctx: TeamCtx, input: { memberId: string }) {
  const { team } = ctx;
  return ctx.db.$transaction(
    async (tx) => {
      const { count } = await tx.partnershipTeamMember.deleteMany({ where: { partnershipId: team.id, memberId: input.memberId } });
      if (count === 0) throw notFound("Team member");
      await emitHostTeamChanged(tx, team.id);
      if (input.memberId === team.ownerMemberId) return { kept: 0 };
      return { kept: await leaveCycles(tx, team.id, input.memberId) };
    },
    { timeout: 30_000 },
  );
}

const emitHostTeamChanged = (tx: TenantTx, partnershipId: string) =>
  emitWebhookEvent(tx, "partnership.updated", async (s) => ({
    partnership: await partnershipState(tx, s, partnershipId),
    changed: ["hostTeam"],
  }));

async function leaveCycles(tx: TenantTx, partnershipId: string, memberId: string): Promise<number> {
  const places = await tx.cycleParticipant.findMany({
    where: { partnershipId, memberId, side: "HOST", excluded: false, manual: false, cycle: CURRENT },
    select: { cycleId: true },
  });
  if (places.length === 0) return 0;
  const cycleIds = places.map((p) => p.cycleId);
  const [responses, drafts] = await Promise.all([
    tx.response.findMany({ where: { partnershipId, memberId, cycleId: { in: cycleIds } }, select: { cycleId: true } }),
    tx.responseDraft.findMany({ where: { partnershipId, memberId, cycleId: { in: cycleIds } }, select: { cycleId: true } }),
  ]);
  const kept = [...new Set([...responses, ...drafts].map((r) => r.cycleId))];
  const dropped = cycleIds.filter((id) => !kept.includes(id));
  if (dropped.length) await tx.cycleParticipant.deleteMany({ where: { partnershipId, memberId, cycleId: { in: dropped }, manual: false } });
  if (kept.length) {
    await tx.cycleParticipant.updateMany({
      where: { partnershipId, memberId, cycleId: { in: kept }, manual: false },
      data: { excluded: true },
    });
  }
  return kept.length;
}
