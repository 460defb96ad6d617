// A workspace's single sign-on connection, as its admins set it up: the identity provider
// (issuer), the client id and secret registered there, the email domains it covers, whether those
// people must use it, and whether their first sign-in joins the workspace without an invitation.
//
// The client secret is sealed with the SSO key (AES-256-GCM, bound to the workspace) before it is
// stored, and never leaves the server again: the page is told only that one is stored. Saving
// checks the issuer's discovery document, so a typo is found now rather than at someone's first
// sign-in.
import type { Role } from "../../db/generated/client";
import { lockSsoDomainClaims, ssoDomainsClaimedElsewhere } from "../../db/cross-workspace";
import type { TenantTx } from "../../db/tenant";
import type { WorkspaceCtx } from "../../access/context";
import { badRequest, conflict } from "../../access/errors";
import { mayGrant } from "../../access/members";
import { ssoEncryptionKey } from "../../sso-key";
import { audit } from "../accounts/audit";
import { emailDomain } from "../accounts/email-address";
import { assertDomainsHeld, normaliseDomains } from "./domains";
import { DiscoveryError, issuerMetadata, parseIssuer } from "./issuer";
import { open, seal, SealedValueError } from "./secret-box";

// Roles a first sign-in may join with by domain rule: the company's own people. Never OWNER (an
// owner is chosen, not matched by address), never PARTNER (a partner organisation's contacts are
// not the company's domain).
export const JOIN_ROLES = ["MANAGER", "EXECUTIVE", "ADMIN"] as const satisfies readonly Role[];
export type JoinRole = (typeof JOIN_ROLES)[number];

export interface SsoSettingsInput {
  issuer: string;
  clientId: string;
  // Empty: keep the stored one (allowed only while the issuer and client id stay the same).
  clientSecret?: string | null;
  domains: string[];
  required: boolean;
  joinByDomain: boolean;
  joinRole: JoinRole;
}

export interface SsoSettingsView {
  issuer: string;
  clientId: string;
  secretStored: true;
  domains: string[];
  required: boolean;
  joinByDomain: boolean;
  joinRole: Role;
  updatedAt: Date;
}

const secretLabel = (workspaceId: string) => `sso-client-secret:${workspaceId}`;
export const sealClientSecret = (workspaceId: string, secret: string) => seal(ssoEncryptionKey(), secret, secretLabel(workspaceId));
export const openClientSecret = (workspaceId: string, sealed: string) => open(ssoEncryptionKey(), sealed, secretLabel(workspaceId));

export async function readSsoConnection(ctx: Pick<WorkspaceCtx, "db">): Promise<SsoSettingsView | null> {
  const row = await ctx.db.ssoConnection.findUnique({ where: { workspaceId: ctx.db.$workspaceId } });
  if (!row) return null;
  return {
    issuer: row.issuer,
    clientId: row.clientId,
    secretStored: true,
    domains: row.domains,
    required: row.required,
    joinByDomain: row.joinByDomain,
    joinRole: row.joinRole,
    updatedAt: row.updatedAt,
  };
}

type SaveCtx = WorkspaceCtx & { sessionId?: string | null; address?: string | null };

// Turning "required" on ends the password and emailed-link sessions of everyone it covers. An
// admin who is one of them must be signed in through SSO already: that proves it works before it
// becomes the only way in.
async function assertNoLockout(ctx: SaveCtx, domains: readonly string[]) {
  if (!domains.includes(emailDomain(ctx.user.email))) return;
  const session = ctx.sessionId
    ? await ctx.db.userSession.findUnique({ where: { id: ctx.sessionId }, select: { method: true, userId: true } })
    : null;
  if (session?.method === "SSO" && session.userId === ctx.user.id) return;
  throw badRequest(
    `Your own address is at ${emailDomain(ctx.user.email)}: sign in with single sign-on yourself before requiring it, so you know it works before it becomes the only way in.`,
  );
}

export async function saveSsoConnection(ctx: SaveCtx, input: SsoSettingsInput, now = new Date()): Promise<SsoSettingsView> {
  const workspaceId = ctx.workspace.id;
  const issuer = parseIssuer(input.issuer);
  const clientId = input.clientId.trim();
  if (!clientId) throw badRequest("Enter the client ID the identity provider gave this application.");
  const domains = normaliseDomains(input.domains);
  if (!JOIN_ROLES.includes(input.joinRole)) throw badRequest("A domain rule can grant Alliance manager, Executive or Admin.");
  if (input.joinByDomain) mayGrant(ctx, input.joinRole);

  const existing = await ctx.db.ssoConnection.findUnique({ where: { workspaceId } });
  const newSecret = input.clientSecret?.trim() ? input.clientSecret.trim() : null;
  if (!newSecret) {
    if (!existing) throw badRequest("Enter the client secret the identity provider gave this application.");
    // The stored secret goes only to the issuer and client it was entered for.
    if (new URL(existing.issuer).href !== issuer.href || existing.clientId !== clientId) {
      throw badRequest("Enter the client secret again: a stored secret is sent only to the issuer and client ID it was entered for.");
    }
    try {
      openClientSecret(workspaceId, existing.clientSecretEnc);
    } catch (error) {
      if (!(error instanceof SealedValueError)) throw error;
      throw badRequest("The stored client secret can no longer be read (the SSO encryption key changed). Enter it again.");
    }
  }
  if (newSecret && newSecret.length > 1000) throw badRequest("The client secret is too long (at most 1000 characters).");

  const admins = await ctx.db.member.findMany({
    where: { removedAt: null, role: { in: ["OWNER", "ADMIN"] } },
    select: { user: { select: { email: true } } },
  });
  assertDomainsHeld(
    domains,
    admins.map((a) => a.user.email),
  );
  if (input.required) await assertNoLockout(ctx, domains);

  // The issuer is stored as its discovery document spells it: ID tokens must carry exactly that.
  const metadata = await issuerMetadata(issuer, { fresh: true }).catch((error: unknown) => {
    throw error instanceof DiscoveryError ? badRequest(error.message) : error;
  });

  const data = {
    issuer: metadata.issuer,
    clientId,
    clientSecretEnc: newSecret ? sealClientSecret(workspaceId, newSecret) : existing!.clientSecretEnc,
    domains,
    required: input.required,
    joinByDomain: input.joinByDomain,
    joinRole: input.joinRole,
  };
  await ctx.db.$transaction(async (tx) => {
    await lockSsoDomainClaims(tx);
    const taken = await ssoDomainsClaimedElsewhere(tx, workspaceId, domains);
    if (taken.length > 0) {
      throw conflict(
        `${taken.join(", ")} ${taken.length === 1 ? "is" : "are"} already covered by another workspace's single sign-on. ` +
          "A domain can belong to one workspace only: remove it there first, or leave it out here.",
      );
    }
    await tx.ssoConnection.upsert({ where: { workspaceId }, create: { workspaceId, ...data }, update: data });
    await audit(tx, {
      action: "sso.updated",
      actorUserId: ctx.user.id,
      address: ctx.address,
      target: metadata.issuer,
      detail: {
        created: !existing,
        issuer: metadata.issuer,
        clientId,
        secret: newSecret ? "replaced" : "kept",
        domains,
        required: input.required,
        joinByDomain: input.joinByDomain,
        joinRole: input.joinRole,
      },
    });
    if (input.required) await endNonSsoSessions(tx, ctx.user.id, domains, now, ctx.address);
  });
  return (await readSsoConnection({ db: ctx.db }))!;
}

// Every live session of the people of these domains that did not begin with SSO. Recorded in this
// workspace's log: its admin's change ended them.
async function endNonSsoSessions(tx: TenantTx, actorUserId: string, domains: readonly string[], now: Date, address?: string | null) {
  const sessions = await tx.userSession.findMany({
    where: {
      endedAt: null,
      expiresAt: { gt: now },
      method: { not: "SSO" },
      user: { OR: domains.map((d) => ({ email: { endsWith: `@${d}` } })) },
    },
    select: { id: true, userId: true, user: { select: { email: true } } },
  });
  const byUser = new Map<string, { email: string; ids: string[] }>();
  for (const s of sessions) {
    const entry = byUser.get(s.userId) ?? { email: s.user.email, ids: [] };
    entry.ids.push(s.id);
    byUser.set(s.userId, entry);
  }
  for (const [userId, { email, ids }] of byUser) {
    await tx.userSession.updateMany({ where: { id: { in: ids }, endedAt: null }, data: { endedAt: now, endReason: "SSO_REQUIRED" } });
    await audit(tx, {
      action: "sessions.ended",
      userId,
      actorUserId,
      email,
      address,
      detail: { reason: "SSO_REQUIRED", count: ids.length },
    });
  }
}

export async function removeSsoConnection(ctx: SaveCtx): Promise<{ removed: boolean }> {
  return ctx.db.$transaction(async (tx) => {
    const existing = await tx.ssoConnection.findUnique({ where: { workspaceId: ctx.workspace.id } });
    if (!existing) return { removed: false };
    await tx.ssoConnection.delete({ where: { workspaceId: ctx.workspace.id } });
    await audit(tx, {
      action: "sso.removed",
      actorUserId: ctx.user.id,
      address: ctx.address,
      target: existing.issuer,
      detail: { issuer: existing.issuer, domains: existing.domains },
    });
    return { removed: true };
  });
}
