// Who is asked about which partnership in a cycle. The defaults are the partnership's owner and
// host team (HOST side) and every contact of the partner organisation (PARTNER side); admins
// and owning managers adjust the list by hand. The list is kept per cycle, so changing a team
// later never rewrites who was asked in the past.
import type { Prisma, PrismaClient, Side } from "../db/generated/client";
import type { TenantDb, TenantTx } from "../db/tenant";
import { ADMIN_ROLES, type WorkspaceCtx } from "../trpc/procedures";
import { badRequest, forbidden, notFound } from "./errors";
import { ARCHIVED_MESSAGE, sideOfRole } from "./participation";

type AnyDb = PrismaClient | Prisma.TransactionClient | TenantDb | TenantTx;

// Live partnerships' default participants, as rows ready to insert. An exited (archived)
// partnership is asked about no more.
async function defaultRows(db: AnyDb, workspaceId: string, cycleId: string) {
  const partnerships = await db.partnership.findMany({
    where: { workspaceId, phase: { not: "EXITED" }, archivedAt: null },
    select: {
      id: true,
      partnerOrgId: true,
      owner: { select: { id: true, removedAt: true } },
      team: { select: { member: { select: { id: true, removedAt: true } } } },
    },
  });
  const contacts = await db.member.findMany({
    where: { workspaceId, role: "PARTNER", removedAt: null },
    select: { id: true, partnerOrgId: true },
  });
  const rows: { workspaceId: string; cycleId: string; partnershipId: string; memberId: string; side: Side }[] = [];
  for (const p of partnerships) {
    const host = [p.owner, ...p.team.map((t) => t.member)].filter((m) => m && m.removedAt === null);
    for (const m of new Set(host.map((m) => m!.id))) rows.push({ workspaceId, cycleId, partnershipId: p.id, memberId: m, side: "HOST" });
    for (const c of contacts) {
      if (c.partnerOrgId === p.partnerOrgId) rows.push({ workspaceId, cycleId, partnershipId: p.id, memberId: c.id, side: "PARTNER" });
    }
  }
  return rows;
}

// Adds the default participants a cycle does not have yet. Existing rows, including people
// taken off the list by hand, stay as they are. Safe to run again and concurrently.
export async function syncDefaultParticipants(db: AnyDb, workspaceId: string, cycleId: string): Promise<number> {
  const rows = await defaultRows(db, workspaceId, cycleId);
  if (rows.length === 0) return 0;
  const { count } = await db.cycleParticipant.createMany({ data: rows, skipDuplicates: true });
  return count;
}

// Nobody answers about an archived partnership: it is read-only until restored (its list stays).
export async function isParticipant(db: AnyDb, key: { workspaceId: string; cycleId: string; partnershipId: string; memberId: string }) {
  const row = await db.cycleParticipant.findUnique({
    where: { workspaceId_cycleId_partnershipId_memberId: key },
    include: { partnership: { select: { archivedAt: true } } },
  });
  return row === null || row.excluded || row.partnership.archivedAt !== null ? null : row;
}

// Changing the list by hand: admins for any partnership, alliance managers for the partnerships
// they own; before the cycle closes. Executives read; partner contacts do not see the list.
async function assertMayEdit(ctx: WorkspaceCtx, cycleId: string, partnershipId: string) {
  const [cycle, partnership] = await Promise.all([
    ctx.db.cycle.findUnique({ where: { id: cycleId } }),
    ctx.db.partnership.findUnique({ where: { id: partnershipId } }),
  ]);
  if (!cycle) throw notFound("Cycle");
  if (!partnership) throw notFound("Partnership");
  if (ctx.role === "MANAGER" && partnership.ownerMemberId !== ctx.member.id) {
    throw forbidden(`Only ${partnership.name}'s owner or an admin can change who is asked about it.`);
  }
  if (cycle.status === "CLOSED") throw badRequest(`${cycle.label} is closed; its list of people asked can no longer change.`);
  if (partnership.archivedAt) throw badRequest(ARCHIVED_MESSAGE);
  return { cycle, partnership };
}

export async function listParticipants(ctx: WorkspaceCtx, cycleId: string) {
  const cycle = await ctx.db.cycle.findUnique({ where: { id: cycleId } });
  if (!cycle) throw notFound("Cycle");
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
      where: { removedAt: null, role: { not: "EXECUTIVE" } },
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
          p.archivedAt === null &&
          (ADMIN_ROLES.includes(ctx.role) || (ctx.role === "MANAGER" && p.ownerMemberId === ctx.member.id)),
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
          .filter((m) => !listed.has(m.id) && (m.role !== "PARTNER" || m.partnerOrgId === p.partnerOrgId))
          .map((m) => ({ memberId: m.id, name: m.user.name, side: m.role === "PARTNER" ? ("PARTNER" as const) : ("HOST" as const) })),
      };
    }),
  };
}

export async function addParticipant(ctx: WorkspaceCtx, input: { cycleId: string; partnershipId: string; memberId: string }) {
  const { partnership } = await assertMayEdit(ctx, input.cycleId, input.partnershipId);
  const member = await ctx.db.member.findFirst({ where: { id: input.memberId, removedAt: null } });
  if (!member) throw notFound("Member");
  if (member.role === "EXECUTIVE") throw badRequest("Executives read the results; they are not asked to answer.");
  if (member.role === "PARTNER" && member.partnerOrgId !== partnership.partnerOrgId) {
    throw badRequest(`Only contacts of ${partnership.name}'s partner organisation can answer for its partner side.`);
  }
  const key = { workspaceId: ctx.workspace.id, cycleId: input.cycleId, partnershipId: partnership.id, memberId: member.id };
  const side = sideOfRole(member.role);
  await ctx.db.cycleParticipant.upsert({
    where: { workspaceId_cycleId_partnershipId_memberId: key },
    create: { ...key, side, manual: true },
    update: { excluded: false, manual: true },
  });
}

// Taking someone off the list keeps their row (so the defaults do not put them back) and any
// answers they already gave.
export async function removeParticipant(ctx: WorkspaceCtx, input: { cycleId: string; partnershipId: string; memberId: string }) {
  await assertMayEdit(ctx, input.cycleId, input.partnershipId);
  const { count } = await ctx.db.cycleParticipant.updateMany({
    where: { cycleId: input.cycleId, partnershipId: input.partnershipId, memberId: input.memberId, excluded: false },
    data: { excluded: true, manual: true },
  });
  if (count === 0) throw notFound("Participant");
}

// After a change that alters the defaults (someone joins, a partnership is added or gets a new
// owner), the open and draft cycles ask the new people too. Closed cycles keep their lists.
export async function syncCurrentCycles(db: AnyDb, workspaceId: string): Promise<void> {
  const cycles = await db.cycle.findMany({ where: { workspaceId, status: { in: ["DRAFT", "OPEN"] } }, select: { id: true } });
  for (const c of cycles) await syncDefaultParticipants(db, workspaceId, c.id);
}
