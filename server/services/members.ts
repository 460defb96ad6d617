// Managing who belongs to a workspace. Removal is soft (answers keep counting) and a workspace
// always keeps at least one owner.
import type { Role } from "../db/generated/client";
import type { WorkspaceCtx } from "../trpc/procedures";
import { badRequest, notFound } from "./errors";

export async function listMembers(ctx: WorkspaceCtx) {
  const members = await ctx.db.member.findMany({
    where: { removedAt: null },
    include: { user: { select: { name: true, email: true } }, partnerOrg: { select: { name: true } } },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
  });
  return members.map((m) => ({
    id: m.id,
    name: m.user.name,
    email: m.user.email,
    role: m.role,
    partnerOrgId: m.partnerOrgId,
    partnerOrgName: m.partnerOrg?.name ?? null,
    since: m.createdAt,
    isYou: m.id === ctx.member.id,
  }));
}

async function findActive(ctx: WorkspaceCtx, id: string) {
  const member = await ctx.db.member.findFirst({ where: { id, removedAt: null } });
  if (!member) throw notFound("Member");
  return member;
}

async function assertNotLastOwner(ctx: WorkspaceCtx, member: { id: string; role: Role }) {
  if (member.role !== "OWNER") return;
  const owners = await ctx.db.member.count({ where: { role: "OWNER", removedAt: null } });
  if (owners <= 1) throw badRequest("A workspace needs at least one owner: make someone else owner first.");
}

function assertMayTouchOwners(ctx: WorkspaceCtx, roles: Role[]) {
  if (roles.includes("OWNER") && ctx.role !== "OWNER") throw badRequest("Only an owner can grant or change the owner role.");
}

export async function changeRole(ctx: WorkspaceCtx, input: { memberId: string; role: Role; partnerOrgId?: string | null }) {
  const member = await findActive(ctx, input.memberId);
  assertMayTouchOwners(ctx, [member.role, input.role]);
  if (input.role !== "OWNER") await assertNotLastOwner(ctx, member);
  let partnerOrgId: string | null = null;
  if (input.role === "PARTNER") {
    const org = input.partnerOrgId ? await ctx.db.partnerOrg.findUnique({ where: { id: input.partnerOrgId } }) : null;
    if (!org) throw badRequest("Choose the partner organisation this contact belongs to.");
    partnerOrgId = org.id;
  }
  await ctx.db.member.update({ where: { id: member.id }, data: { role: input.role, partnerOrgId } });
}

export async function removeMember(ctx: WorkspaceCtx, memberId: string, now = new Date()) {
  const member = await findActive(ctx, memberId);
  assertMayTouchOwners(ctx, [member.role]);
  await assertNotLastOwner(ctx, member);
  await ctx.db.member.update({ where: { id: member.id }, data: { removedAt: now } });
}
