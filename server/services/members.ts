// Managing who belongs to a workspace. Removal is soft (answers keep counting) and a workspace
// always keeps at least one owner.
import type { Member, Role } from "../db/generated/client";
import type { WorkspaceCtx } from "../access/context";
import { badRequest } from "../access/errors";
import { mayGrant } from "../access/members";
import { speaksForPartner } from "../access/roles";

// The member the member step loaded (the access module decided the actor may manage them).
export type MemberCtx = WorkspaceCtx & { target: Member };

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

async function assertNotLastOwner(ctx: WorkspaceCtx, member: Pick<Member, "id" | "role">) {
  if (member.role !== "OWNER") return;
  const owners = await ctx.db.member.count({ where: { role: "OWNER", removedAt: null } });
  if (owners <= 1) throw badRequest("A workspace needs at least one owner: make someone else owner first.");
}

export async function changeRole(ctx: MemberCtx, input: { role: Role; partnerOrgId?: string | null }) {
  const member = ctx.target;
  mayGrant(ctx, input.role);
  if (input.role !== "OWNER") await assertNotLastOwner(ctx, member);
  let partnerOrgId: string | null = null;
  if (speaksForPartner(input.role)) {
    const org = input.partnerOrgId ? await ctx.db.partnerOrg.findUnique({ where: { id: input.partnerOrgId } }) : null;
    if (!org) throw badRequest("Choose the partner organisation this contact belongs to.");
    partnerOrgId = org.id;
  }
  await ctx.db.member.update({ where: { id: member.id }, data: { role: input.role, partnerOrgId } });
}

export async function removeMember(ctx: MemberCtx, now = new Date()) {
  const member = ctx.target;
  await assertNotLastOwner(ctx, member);
  await ctx.db.member.update({ where: { id: member.id }, data: { removedAt: now } });
}
