// Invitations: an admin invites someone by email with a role; the link carries a random token
// (256 bits) of which only a hash is stored. Single use, expiring after 7 days.
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient, Role } from "../db/generated/client";
import { invitationByTokenHash } from "../db/cross-workspace";
import { forWorkspace } from "../db/tenant";
import { hashPassword, verifyPassword } from "../password";
import type { WorkspaceCtx } from "../access/context";
import { mayGrant } from "../access/members";
import { speaksForPartner } from "../access/roles";
import { normaliseEmail } from "./authenticate";
import { syncCurrentCycles } from "./participants";
import { beginAttempt, ThrottledError } from "./throttle";
import { MIN_PASSWORD_LENGTH } from "../password-policy";
import { badRequest, conflict, notFound } from "../access/errors";
import { enqueueEmail } from "./email/outbox";
import { invitationEmail } from "./email/templates";
import { auditInvitationAccepted, auditInvitationRevoked, auditInvitationSent } from "./invitation-audit";

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
export const newToken = () => randomBytes(32).toString("base64url");
export const invitePath = (token: string) => `/invite/${token}`;

export async function createInvitation(
  ctx: WorkspaceCtx,
  input: { email: string; role: Role; partnerOrgId?: string | null },
  now = new Date(),
) {
  const email = normaliseEmail(input.email);
  mayGrant(ctx, input.role);
  let partnerOrg: { id: string; name: string } | null = null;
  if (speaksForPartner(input.role)) {
    if (!input.partnerOrgId) throw badRequest("Choose the partner organisation this contact belongs to.");
    partnerOrg = await ctx.db.partnerOrg.findUnique({ where: { id: input.partnerOrgId }, select: { id: true, name: true } });
    if (!partnerOrg) throw notFound("Partner organisation");
  }
  const existing = await ctx.db.member.findFirst({ where: { removedAt: null, user: { email } } });
  if (existing) throw conflict(`${email} is already a member of this workspace.`);

  const inviter = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.member.userId }, select: { name: true } });

  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITE_TTL_MS);
  const invitation = await ctx.db.$transaction(async (tx) => {
    // A new invitation replaces any pending one for the same person, so only the newest link works.
    const replaced = await tx.invitation.updateMany({ where: { email, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
    const created = await tx.invitation.create({
      data: {
        workspaceId: ctx.workspace.id,
        email,
        role: input.role,
        partnerOrgId: partnerOrg?.id ?? null,
        tokenHash: hashToken(token),
        expiresAt,
        invitedById: ctx.member.id,
      },
    });
    // In the same transaction: an invitation that exists has its email, and a failed one has none.
    const message = invitationEmail({
      workspaceName: ctx.workspace.name,
      inviterName: inviter.name,
      role: input.role,
      partnerOrgName: partnerOrg?.name,
      path: invitePath(token),
      expiresAt,
      now,
    });
    await enqueueEmail(tx, {
      workspaceId: ctx.workspace.id,
      kind: "INVITATION",
      to: email,
      recipientMemberId: null,
      partnershipIds: [],
      ...message,
    });
    await auditInvitationSent(tx, ctx, { invitation: created, partnerOrgName: partnerOrg?.name ?? null, replaced: replaced.count });
    return created;
  });
  return { id: invitation.id, email, role: invitation.role, expiresAt: invitation.expiresAt, path: invitePath(token) };
}

export async function listInvitations(ctx: WorkspaceCtx, now = new Date()) {
  const rows = await ctx.db.invitation.findMany({
    where: { acceptedAt: null, revokedAt: null },
    include: { partnerOrg: { select: { name: true } }, invitedBy: { select: { user: { select: { name: true } } } } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((i) => ({
    id: i.id,
    email: i.email,
    role: i.role,
    partnerOrgName: i.partnerOrg?.name ?? null,
    invitedBy: i.invitedBy.user.name,
    createdAt: i.createdAt,
    expiresAt: i.expiresAt,
    expired: i.expiresAt <= now,
  }));
}

export async function revokeInvitation(ctx: WorkspaceCtx, id: string, now = new Date()) {
  await ctx.db.$transaction(async (tx) => {
    // An invitation of another workspace, or none at all, matches no row here (the scoped client).
    const { count } = await tx.invitation.updateMany({
      where: { id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    if (count === 0) throw notFound("Pending invitation");
    await auditInvitationRevoked(tx, ctx, await tx.invitation.findUniqueOrThrow({ where: { id } }));
  });
}

// Why a token cannot be used, in words the invitee can act on; null when it can.
function refusal(invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date } | null, now: Date) {
  if (!invitation) return "This invitation link is not valid. Check that you copied all of it.";
  if (invitation.acceptedAt) return "This invitation has already been used. Sign in instead, or ask for a new invitation.";
  if (invitation.revokedAt) return "This invitation was withdrawn or replaced by a newer one. Ask your workspace admin for a new link.";
  if (invitation.expiresAt <= now) return "This invitation has expired. Ask your workspace admin for a new one.";
  return null;
}

// What the invite page shows before the invitee acts.
export async function previewInvitation(db: PrismaClient, token: string, now = new Date()) {
  const invitation = await invitationByTokenHash(db, hashToken(token));
  const problem = refusal(invitation, now);
  if (problem || !invitation) return { ok: false as const, message: problem! };
  const account = await db.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  return {
    ok: true as const,
    email: invitation.email,
    role: invitation.role,
    workspaceName: invitation.workspace.name,
    workspaceSlug: invitation.workspace.slug,
    partnerOrgName: invitation.partnerOrg?.name ?? null,
    hasAccount: account !== null,
  };
}

// Accepting: a new person sets a name and password; someone with an account confirms with their
// password. Single use even when two tabs accept at once.
export async function acceptInvitation(
  db: PrismaClient,
  input: { token: string; name?: string; password: string },
  { now = new Date(), address = null }: { now?: Date; address?: string | null } = {},
) {
  const invitation = await invitationByTokenHash(db, hashToken(input.token));
  const problem = refusal(invitation, now);
  if (problem || !invitation) throw badRequest(problem!);
  // From here on, everything happens in the invitation's own workspace.
  const scoped = forWorkspace(db, invitation.workspaceId);

  const user = await db.user.findUnique({ where: { email: invitation.email } });
  if (user) {
    // Confirming an existing account's password is a sign-in: the same limits apply, or an
    // invitation link would be a way to guess passwords without them.
    const attempt = await beginAttempt(db, user.email, null, now).catch((error: unknown) => {
      throw error instanceof ThrottledError ? badRequest(error.message) : error;
    });
    if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.password))) {
      throw badRequest("That is not the password of your existing account.");
    }
    await attempt.succeeded();
  } else {
    // Whatever the client says about the account, a new one gets a password that meets the rule.
    if (!input.name?.trim()) throw badRequest("Please enter your name.");
    if (input.password.length < MIN_PASSWORD_LENGTH) {
      throw badRequest(`Please choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`);
    }
  }
  const passwordHash = user ? null : await hashPassword(input.password);

  return scoped.$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
    });
    if (claimed.count !== 1) throw badRequest("This invitation has already been used. Sign in instead, or ask for a new invitation.");
    const account =
      user ?? (await tx.user.create({ data: { email: invitation.email, name: input.name!.trim(), passwordHash: passwordHash! } }));
    const membership = { role: invitation.role, partnerOrgId: invitation.partnerOrgId, removedAt: null };
    await tx.member.upsert({
      where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId: account.id } },
      create: { workspaceId: invitation.workspaceId, userId: account.id, ...membership },
      update: membership,
    });
    // A partner contact who joins mid-cycle is asked about their organisation's partnerships.
    await syncCurrentCycles(tx);
    await auditInvitationAccepted(tx, { invitation, userId: account.id, address });
    return { email: account.email, workspaceSlug: invitation.workspace.slug };
  });
}
