// Invitations: an admin invites someone by email with a role; the link carries a random token
// (256 bits) of which only a hash is stored. Single use, expiring after 7 days. Accepting needs no
// password: see acceptInvitation for what the link alone may do.
import { hashToken, newToken } from "./accounts/tokens";
import type { Prisma, PrismaClient, Role } from "../db/generated/client";
import { invitationByTokenHash } from "../db/cross-workspace";
import { isUniqueViolation } from "../db/errors";
import { byId, forWorkspace, type TenantTx } from "../db/tenant";
import { hashPassword } from "../password";
import type { WorkspaceCtx } from "../access/context";
import { mayGrant } from "../access/members";
import { speaksForPartner } from "../access/roles";
import { normaliseEmail } from "./authenticate";
import { syncCurrentCycles } from "./participants";
import { auditAccount } from "./accounts/audit";
import { handOffSignIn } from "./accounts/handoff";
import { requestSignInLink } from "./accounts/sign-in-link";
import { MIN_PASSWORD_LENGTH } from "../password-policy";
import { badRequest, conflict, notFound } from "../access/errors";
import { enqueueEmail } from "./email/outbox";
import { invitationEmail } from "./email/templates";
import { auditInvitationAccepted, auditInvitationRevoked, auditInvitationSent, invitationSentEntry } from "./invitation-audit";
import { auditMany } from "./accounts/audit";
import { background } from "./background";

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

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
    partnerOrg = await ctx.db.partnerOrg.findUnique({ where: byId(ctx.db, input.partnerOrgId), select: { id: true, name: true } });
    if (!partnerOrg) throw notFound("Partner organisation");
  }
  const existing = await ctx.db.member.findFirst({ where: { removedAt: null, user: { email } } });
  if (existing) throw conflict(`${email} is already a member of this workspace.`);

  const inviter = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.member.userId }, select: { name: true } });
  const { invitation, token } = await ctx.db.$transaction((tx) =>
    queueInvitation(tx, ctx, { email, role: input.role, partnerOrg, name: null, inviterName: inviter.name }, now),
  );
  return { id: invitation.id, email, role: invitation.role, expiresAt: invitation.expiresAt, path: invitePath(token) };
}

// The invitation and its email, inside the caller's transaction: an invitation that exists has its
// email, and a failed one has none. A new invitation replaces any pending one for the same person,
// so only the newest link works. The checks (who may grant the role, the organisation, that the
// person is not a member yet) are the caller's: createInvitation's, or an import's plan.
export async function queueInvitation(
  tx: TenantTx,
  ctx: WorkspaceCtx,
  input: { email: string; role: Role; partnerOrg: { id: string; name: string } | null; name: string | null; inviterName: string },
  now: Date,
) {
  const { email, partnerOrg } = input;
  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITE_TTL_MS);
  const replaced = await tx.invitation.updateMany({ where: { email, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
  const invitation = await tx.invitation.create({
    data: {
      workspaceId: ctx.workspace.id,
      email,
      role: input.role,
      partnerOrgId: partnerOrg?.id ?? null,
      name: input.name,
      tokenHash: hashToken(token),
      expiresAt,
      invitedById: ctx.member.id,
    },
  });
  const message = invitationEmail({
    workspaceName: ctx.workspace.name,
    inviterName: input.inviterName,
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
  await auditInvitationSent(tx, ctx, { invitation, partnerOrgName: partnerOrg?.name ?? null, replaced: replaced.count });
  return { invitation, token };
}

// What a pending invitation's row in a list carries (also the searched list's, lists/members.ts).
export const invitationListed = {
  partnerOrg: { select: { name: true } },
  invitedBy: { select: { user: { select: { name: true } } } },
} as const;

export function invitationRow(i: Prisma.InvitationGetPayload<{ include: typeof invitationListed }>, now: Date) {
  return {
    id: i.id,
    email: i.email,
    role: i.role,
    partnerOrgName: i.partnerOrg?.name ?? null,
    invitedBy: i.invitedBy.user.name,
    createdAt: i.createdAt,
    expiresAt: i.expiresAt,
    expired: i.expiresAt <= now,
  };
}

export async function listInvitations(ctx: WorkspaceCtx, now = new Date()) {
  const rows = await ctx.db.invitation.findMany({
    where: { acceptedAt: null, revokedAt: null },
    include: invitationListed,
    orderBy: { createdAt: "desc" },
  });
  return rows.map((i) => invitationRow(i, now));
}

export async function revokeInvitation(ctx: WorkspaceCtx, id: string, now = new Date()) {
  await ctx.db.$transaction(async (tx) => {
    // An invitation of another workspace, or none at all, matches no row here (the scoped client).
    const { count } = await tx.invitation.updateMany({
      where: { id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    if (count === 0) throw notFound("Pending invitation");
    await auditInvitationRevoked(tx, ctx, await tx.invitation.findUniqueOrThrow({ where: byId(tx, id) }));
  });
}

export interface QueuedInvitation {
  email: string;
  role: Role;
  partnerOrg: { id: string; name: string } | null;
  name: string | null;
}

// queueInvitation for many people at once (an import's), with the same rows written: each
// invitation replaces the person's pending one, has its email and its audit record. A few
// statements per batch instead of four per person, so thousands fit in an import's transaction.
export async function queueInvitations(tx: TenantTx, ctx: WorkspaceCtx, people: QueuedInvitation[], inviterName: string, now: Date) {
  if (!people.length) return;
  const emails = people.map((p) => p.email);
  const pending = { email: { in: emails }, acceptedAt: null, revokedAt: null };
  const replacedOf = new Map<string, number>();
  for (const r of await tx.invitation.findMany({ where: pending, select: { email: true } })) {
    replacedOf.set(r.email, (replacedOf.get(r.email) ?? 0) + 1);
  }
  await tx.invitation.updateMany({ where: pending, data: { revokedAt: now } });
  const expiresAt = new Date(now.getTime() + INVITE_TTL_MS);
  const made = people.map((p) => ({ ...p, token: newToken() }));
  const created = await tx.invitation.createManyAndReturn({
    data: made.map((p) => ({
      workspaceId: ctx.workspace.id,
      email: p.email,
      role: p.role,
      partnerOrgId: p.partnerOrg?.id ?? null,
      name: p.name,
      tokenHash: hashToken(p.token),
      expiresAt,
      invitedById: ctx.member.id,
    })),
    select: { id: true, email: true, role: true, partnerOrgId: true, expiresAt: true },
  });
  await tx.outboxEmail.createMany({
    data: made.map((p) => {
      const message = invitationEmail({
        workspaceName: ctx.workspace.name,
        inviterName,
        role: p.role,
        partnerOrgName: p.partnerOrg?.name,
        path: invitePath(p.token),
        expiresAt,
        now,
      });
      return {
        workspaceId: ctx.workspace.id,
        kind: "INVITATION" as const,
        to: p.email,
        recipientMemberId: null,
        ...message,
        link: message.link ?? null,
      };
    }),
  });
  const orgOf = new Map(people.map((p) => [p.email, p.partnerOrg?.name ?? null]));
  await auditMany(
    tx,
    created.map((invitation) =>
      invitationSentEntry(ctx, {
        invitation,
        partnerOrgName: orgOf.get(invitation.email) ?? null,
        replaced: replacedOf.get(invitation.email) ?? 0,
      }),
    ),
  );
  background.emailsQueued();
}

// Why a token cannot be used, in words the invitee can act on; null when it can.
const ALREADY_USED = "This invitation has already been used. Sign in instead, or ask for a new invitation.";

function refusal(invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date } | null, now: Date) {
  if (!invitation) return "This invitation link is not valid. Check that you copied all of it.";
  if (invitation.acceptedAt) return ALREADY_USED;
  if (invitation.revokedAt) return "This invitation was withdrawn or replaced by a newer one. Ask your workspace admin for a new link.";
  if (invitation.expiresAt <= now) return "This invitation has expired. Ask your workspace admin for a new one.";
  return null;
}

// Who opens an invitation: nobody signed in, the invitee's own account, or someone else, who
// must choose between signing out to continue and keeping their session.
export type InvitationViewer = { kind: "signedOut" } | { kind: "invitee" } | { kind: "someoneElse"; email: string };

async function viewerOf(db: PrismaClient, userId: string | null, inviteeEmail: string): Promise<InvitationViewer> {
  const user = userId ? await db.user.findUnique({ where: { id: userId }, select: { email: true } }) : null;
  if (!user) return { kind: "signedOut" };
  return user.email === inviteeEmail ? { kind: "invitee" } : { kind: "someoneElse", email: user.email };
}

// What the invite page shows before the invitee acts. Nothing in it says whether the invitee's
// address has an account: whoever holds the link (the admin who copied it, too) sees the same.
export async function previewInvitation(db: PrismaClient, token: string, viewerId: string | null = null, now = new Date()) {
  const invitation = await invitationByTokenHash(db, hashToken(token));
  const problem = refusal(invitation, now);
  if (problem || !invitation) return { ok: false as const, message: problem! };
  return {
    ok: true as const,
    email: invitation.email,
    role: invitation.role,
    workspaceName: invitation.workspace.name,
    workspaceSlug: invitation.workspace.slug,
    partnerOrgName: invitation.partnerOrg?.name ?? null,
    // The name an import gave, offered in the form; the person may change it.
    name: invitation.name,
    viewer: await viewerOf(db, viewerId, invitation.email),
  };
}

export type AcceptResult =
  // In the workspace. signInToken: for a new account, a one-time token the page signs in with
  // (next-auth's "email-link" provider); null when the person was signed in already.
  | { status: "joined"; email: string; workspaceSlug: string; signInToken: string | null }
  // The address has an account, and nobody is signed in to it: a sign-in link was emailed (it
  // leads back to the invitation), or the person signs in another way, then joins in one click.
  | { status: "signInToJoin"; email: string };

// Accepting. The link proves the right to join as the invited address, and is enough to create
// that address's account (with a name, and a password only if the person wants one): an admin who
// invites could always do that much. It is never enough to open an account that already exists,
// because the link is not only in the invitee's mailbox (admins copy it, and read it in the
// outbox): joining with an existing account takes being signed in to it. Signed in as someone
// else, it is refused with the choice spelled out. Single use, even when two tabs accept at once.
export async function acceptInvitation(
  db: PrismaClient,
  input: { token: string; name?: string; password?: string },
  who: { userId: string | null; address?: string | null },
  now = new Date(),
): Promise<AcceptResult> {
  const invitation = await invitationByTokenHash(db, hashToken(input.token));
  const problem = refusal(invitation, now);
  if (problem || !invitation) throw badRequest(problem!);
  // From here on, everything happens in the invitation's own workspace.
  const scoped = forWorkspace(db, invitation.workspaceId);
  const join = (tx: TenantTx, userId: string) => joinWorkspace(tx, invitation, userId, now, who.address ?? null);

  const me = who.userId ? await db.user.findUnique({ where: { id: who.userId }, select: { id: true, email: true } }) : null;
  if (me) {
    if (me.email !== invitation.email) {
      throw badRequest(
        `This invitation is for ${invitation.email}, and you are signed in as ${me.email}. ` +
          `Sign out to accept it as ${invitation.email}, or ask the workspace admin to invite ${me.email} instead.`,
      );
    }
    await scoped.$transaction((tx) => join(tx, me.id));
    return { status: "joined", email: me.email, workspaceSlug: invitation.workspace.slug, signInToken: null };
  }

  // Checked before anything else, so a refusal reads the same whether or not the address has an account.
  const name = input.name?.trim() ?? "";
  if (!name) throw badRequest("Please enter your name.", "name");
  if (input.password && input.password.length < MIN_PASSWORD_LENGTH) {
    throw badRequest(`Please choose a password of at least ${MIN_PASSWORD_LENGTH} characters, or leave it empty.`, "password");
  }

  const existing = await db.user.findUnique({ where: { email: invitation.email }, select: { id: true, email: true } });
  if (existing) {
    // The account may be this invitation's own, made a moment ago by a second tab: the account and
    // the claim commit together, so reading the invitation again, after seeing the account, tells.
    const again = await invitationByTokenHash(db, hashToken(input.token));
    const late = refusal(again, now);
    if (late) throw badRequest(late);
    // Nothing joins and nothing of the account changes (the name and password typed are dropped).
    await requestSignInLink(db, existing.email, { address: who.address, now, next: invitePath(input.token) });
    return { status: "signInToJoin", email: existing.email };
  }

  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const joined = await scoped
    .$transaction(async (tx) => {
      const account = await tx.user.create({ data: { email: invitation.email, name, passwordHash }, select: { id: true, email: true } });
      await join(tx, account.id);
      return { account, signInToken: await handOffSignIn(tx, account, now) };
    })
    .catch((error: unknown) => {
      // A second tab made the same account a moment before this one could; its claim won.
      if (isUniqueViolation(error)) throw badRequest(ALREADY_USED);
      throw error;
    });
  await auditAccount(db, {
    action: "account.created",
    userId: joined.account.id,
    actorUserId: joined.account.id,
    email: joined.account.email,
    address: who.address,
    detail: { via: "invitation", workspace: invitation.workspace.slug },
  });
  return { status: "joined", email: joined.account.email, workspaceSlug: invitation.workspace.slug, signInToken: joined.signInToken };
}

// The invitation is used (once: a second tab, or the same link again, is refused) and becomes a
// membership with its role; a removed member comes back with the new one.
async function joinWorkspace(
  tx: TenantTx,
  invitation: Parameters<typeof auditInvitationAccepted>[1]["invitation"] & { partnerOrgId: string | null },
  userId: string,
  now: Date,
  address: string | null,
): Promise<void> {
  const claimed = await tx.invitation.updateMany({
    where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now },
  });
  if (claimed.count !== 1) throw badRequest(ALREADY_USED);
  const membership = { role: invitation.role, partnerOrgId: invitation.partnerOrgId, removedAt: null };
  await tx.member.upsert({
    where: { workspaceId_userId: { workspaceId: tx.$workspaceId, userId } },
    create: { workspaceId: tx.$workspaceId, userId, ...membership },
    update: membership,
  });
  // A partner contact who joins mid-cycle is asked about their organisation's partnerships.
  await syncCurrentCycles(tx);
  await auditInvitationAccepted(tx, { invitation, userId, address });
}
