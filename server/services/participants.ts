// Who is asked about which partnership in a cycle. The defaults are the partnership's owner and
// host team (HOST side) and every contact of the partner organisation (PARTNER side); admins
// and owning managers adjust the list by hand. The list is kept per cycle, so changing a team
// later never rewrites who was asked in the past.
import type { Side } from "../db/generated/client";
import type { TenantClient } from "../db/tenant";
import type { CycleCtx, ParticipantsCtx } from "../access/context";
import { decideParticipantsEdit } from "../access/decide";
import { badRequest, notFound } from "../access/errors";
import { actorOf } from "../access/partnership";
import { capabilitiesOf, ROLES, rolesWith, sideOfRole, speaksForHost, speaksForPartner } from "../access/roles";

// Live partnerships' default participants, as rows ready to insert. An exited (archived)
// partnership is asked about no more.
async function defaultRows(db: TenantClient, cycleId: string) {
  const workspaceId = db.$workspaceId;
  const partnerships = await db.partnership.findMany({
    where: { phase: { not: "EXITED" }, archivedAt: null },
    select: {
      id: true,
      partnerOrgId: true,
      owner: { select: { id: true, role: true, removedAt: true } },
      team: { select: { member: { select: { id: true, role: true, removedAt: true } } } },
    },
  });
  const contacts = await db.member.findMany({
    where: { role: { in: ROLES.filter(speaksForPartner) }, removedAt: null },
    select: { id: true, partnerOrgId: true },
  });
  const rows: { workspaceId: string; cycleId: string; partnershipId: string; memberId: string; side: Side }[] = [];
  for (const p of partnerships) {
    // The owner and team while they still speak for the company (not someone since made a partner
    // contact or an executive).
    const host = [p.owner, ...p.team.map((t) => t.member)].filter((m) => m && m.removedAt === null && speaksForHost(m.role));
    for (const m of new Set(host.map((m) => m!.id))) rows.push({ workspaceId, cycleId, partnershipId: p.id, memberId: m, side: "HOST" });
    for (const c of contacts) {
      if (c.partnerOrgId === p.partnerOrgId) rows.push({ workspaceId, cycleId, partnershipId: p.id, memberId: c.id, side: "PARTNER" });
    }
  }
  return rows;
}

// Adds the default participants a cycle does not have yet. Existing rows, including people
// taken off the list by hand, stay as they are. Safe to run again and concurrently.
export async function syncDefaultParticipants(db: TenantClient, cycleId: string): Promise<number> {
  const rows = await defaultRows(db, cycleId);
  if (rows.length === 0) return 0;
  const { count } = await db.cycleParticipant.createMany({ data: rows, skipDuplicates: true });
  return count;
}

export async function listParticipants(ctx: CycleCtx) {
  const { cycle } = ctx;
  const cycleId = cycle.id;
  const [rows, responses, partnerships, members] = await Promise.all([
    ctx.db.cycleParticipant.findMany({
      where: { cycleId },
      include: { member: { include: { user: { select: { name: true, email: true } } } } },
    }),
    ctx.db.response.findMany({ where: { cycleId }, select: { partnershipId: true, memberId: true } }),
    ctx.db.partnership.findMany({
      where: { OR: [{ phase: { not: "EXITED" }, archivedAt: null }, { participants: { some: { cycleId } } }] },
      include: { partnerOrg: { select: { name: true } } },
      orderBy: { name: "asc" },
    }),
    ctx.db.member.findMany({
      where: { removedAt: null, role: { in: rolesWith("write") } },
      include: { user: { select: { name: true, email: true } } },
      orderBy: { user: { name: "asc" } },
    }),
  ]);
  const answered = new Set(responses.map((r) => `${r.partnershipId}:${r.memberId}`));
  return {
    cycle: { id: cycle.id, label: cycle.label, status: cycle.status },
    partnerships: partnerships.map((p) => {
      const here = rows.filter((r) => r.partnershipId === p.id);
      const listed = new Set(here.filter((r) => !r.excluded).map((r) => r.memberId));
      return {
        id: p.id,
        name: p.name,
        partnerName: p.partnerOrg.name,
        mayEdit:
          cycle.status !== "CLOSED" &&
          decideParticipantsEdit(actorOf(ctx), { ...p, teamMemberIds: [], archived: p.archivedAt !== null }).ok,
        participants: here
          .map((r) => ({
            memberId: r.memberId,
            name: r.member.user.name,
            email: r.member.user.email,
            side: r.side,
            excluded: r.excluded,
            manual: r.manual,
            answered: answered.has(`${p.id}:${r.memberId}`),
          }))
          .sort((a, b) => a.side.localeCompare(b.side) || a.name.localeCompare(b.name)),
        // People who could be added: the company's own answering roles, and this partner's contacts.
        candidates: members
          .filter((m) => !listed.has(m.id) && (speaksForHost(m.role) || m.partnerOrgId === p.partnerOrgId))
          .map((m) => ({ memberId: m.id, name: m.user.name, side: sideOfRole(m.role) })),
      };
    }),
  };
}

// Changing the list by hand (the participants step decided who may): before the cycle closes.
function assertOpen(ctx: ParticipantsCtx) {
  const { cycle } = ctx.target;
  if (cycle.status === "CLOSED") throw badRequest(`${cycle.label} is closed; its list of people asked can no longer change.`);
}

export async function addParticipant(ctx: ParticipantsCtx, input: { memberId: string }) {
  assertOpen(ctx);
  const { cycle, partnership } = ctx.target;
  const member = await ctx.db.member.findFirst({ where: { id: input.memberId, removedAt: null } });
  if (!member) throw notFound("Member");
  if (!capabilitiesOf(member.role).write) throw badRequest("Executives read the results; they are not asked to answer.");
  if (!speaksForHost(member.role) && member.partnerOrgId !== partnership.partnerOrgId) {
    throw badRequest(`Only contacts of ${partnership.name}'s partner organisation can answer for its partner side.`);
  }
  const key = { workspaceId: ctx.workspace.id, cycleId: cycle.id, partnershipId: partnership.id, memberId: member.id };
  const side = sideOfRole(member.role);
  await ctx.db.cycleParticipant.upsert({
    where: { workspaceId_cycleId_partnershipId_memberId: key },
    create: { ...key, side, manual: true },
    update: { excluded: false, manual: true },
  });
}

// Taking someone off the list keeps their row (so the defaults do not put them back) and any
// answers they already gave.
export async function removeParticipant(ctx: ParticipantsCtx, input: { memberId: string }) {
  assertOpen(ctx);
  const { cycle, partnership } = ctx.target;
  const { count } = await ctx.db.cycleParticipant.updateMany({
    where: { cycleId: cycle.id, partnershipId: partnership.id, memberId: input.memberId, excluded: false },
    data: { excluded: true, manual: true },
  });
  if (count === 0) throw notFound("Participant");
}

// After a change that alters the defaults (someone joins, a partnership is added or gets a new
// owner), the open and draft cycles ask the new people too. Closed cycles keep their lists.
export async function syncCurrentCycles(db: TenantClient): Promise<void> {
  const cycles = await db.cycle.findMany({ where: { status: { in: ["DRAFT", "OPEN"] } }, select: { id: true } });
  for (const c of cycles) await syncDefaultParticipants(db, c.id);
}
