// Managing who belongs to a workspace. Removal is soft (answers keep counting) and a workspace
// always keeps at least one owner. A change of role or organisation, and a removal, also settle
// what the person held that they may no longer hold (member-change/).
import type { Member, Prisma, Role } from "../db/generated/client";
import type { MemberCtx, WorkspaceCtx } from "../access/context";
import { badRequest } from "../access/errors";
import { mayGrant } from "../access/members";
import { rolesWith, speaksForPartner } from "../access/roles";
import { endSessionsIfInNoWorkspace } from "./accounts/removal";
import { applyMemberChange } from "./member-change/apply";
import { auditMemberChange } from "./member-change/audit";
import { describeChange } from "./member-change/describe";
import { planMemberChange, type After } from "./member-change/plan";
import { byId } from "../db/tenant";

// What a member's row in a list carries (also the searched list's, lists/members.ts).
export const memberListed = { user: { select: { name: true, email: true } }, partnerOrg: { select: { name: true } } } as const;

export function memberRow(m: Prisma.MemberGetPayload<{ include: typeof memberListed }>, viewer: WorkspaceCtx) {
  return {
    id: m.id,
    name: m.user.name,
    email: m.user.email,
    role: m.role,
    partnerOrgId: m.partnerOrgId,
    partnerOrgName: m.partnerOrg?.name ?? null,
    since: m.createdAt,
    isYou: m.id === viewer.member.id,
  };
}

export async function listMembers(ctx: WorkspaceCtx) {
  const members = await ctx.db.member.findMany({
    where: { removedAt: null },
    include: memberListed,
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
  });
  return members.map((m) => memberRow(m, ctx));
}

// The current members who may own a partnership, by name: a form's choice of owner, without
// reading every member of a large program.
export async function ownerChoices(ctx: WorkspaceCtx) {
  const members = await ctx.db.member.findMany({
    where: { removedAt: null, role: { in: rolesWith("ownPartnerships") } },
    select: { id: true, user: { select: { name: true } } },
  });
  return members.map((m) => ({ id: m.id, name: m.user.name })).sort((a, b) => a.name.localeCompare(b.name));
}

async function assertNotLastOwner(ctx: WorkspaceCtx, member: Pick<Member, "id" | "role">) {
  if (member.role !== "OWNER") return;
  const owners = await ctx.db.member.count({ where: { role: "OWNER", removedAt: null } });
  if (owners <= 1) throw badRequest("A workspace needs at least one owner: make someone else owner first.");
}

// What the member becomes: their new role and, for a partner contact, the organisation (which
// must exist). Refuses what the actor may not grant, and leaving the workspace without an owner.
async function resolveRole(ctx: MemberCtx, input: { role: Role; partnerOrgId?: string | null }): Promise<NonNullable<After>> {
  mayGrant(ctx, input.role);
  if (input.role !== "OWNER") await assertNotLastOwner(ctx, ctx.target);
  if (!speaksForPartner(input.role)) return { role: input.role, partnerOrgId: null };
  const org = input.partnerOrgId ? await ctx.db.partnerOrg.findUnique({ where: byId(ctx.db, input.partnerOrgId) }) : null;
  if (!org) throw badRequest("Choose the partner organisation this contact belongs to.");
  return { role: input.role, partnerOrgId: org.id };
}

// One change, planned and made in one transaction (a failure changes nothing): the member's new
// role or removal, and what follows from it for what they hold (member-change/plan.ts). A removal
// from the person's last workspace also ends every session of theirs, in the same commit.
async function change(ctx: MemberCtx & { address?: string | null }, after: After, now: Date) {
  return ctx.db.$transaction(
    async (tx) => {
      const plan = await planMemberChange(tx, ctx.target, after);
      await applyMemberChange(tx, plan, { byMemberId: ctx.member.id, workspace: ctx.workspace, now });
      if (!after) await endSessionsIfInNoWorkspace(tx, { userId: ctx.target.userId, byUserId: ctx.user.id, address: ctx.address, now });
      const effects = describeChange(plan);
      await auditMemberChange(tx, ctx, { userId: ctx.target.userId, plan, effects });
      return effects;
    },
    { timeout: 30_000 },
  );
}

export async function changeRole(ctx: MemberCtx, input: { role: Role; partnerOrgId?: string | null }, now = new Date()) {
  return change(ctx, await resolveRole(ctx, input), now);
}

export async function removeMember(ctx: MemberCtx & { address?: string | null }, now = new Date()) {
  await assertNotLastOwner(ctx, ctx.target);
  return change(ctx, null, now);
}

// What a change would do, for the admin's dialog before they confirm it: the same plan, read now.
export async function previewChange(ctx: MemberCtx, input: { change: "role" | "remove"; role?: Role; partnerOrgId?: string | null }) {
  let after: After = null;
  if (input.change === "role") {
    if (!input.role) throw badRequest("Choose the new role.");
    after = await resolveRole(ctx, { role: input.role, partnerOrgId: input.partnerOrgId });
  } else {
    await assertNotLastOwner(ctx, ctx.target);
  }
  return describeChange(await planMemberChange(ctx.db, ctx.target, after));
}
