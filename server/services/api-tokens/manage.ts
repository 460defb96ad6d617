// API tokens as a workspace's admins manage them: made with a name, a scope and the role the token
// acts with; the token itself is returned once, on creation, and only its sha256 is kept (the
// account tokens' newToken/hashToken); revoking ends it at once. Every change goes in the audit log.
import type { ApiTokenScope, Role } from "../../db/generated/client";
import type { WorkspaceCtx } from "../../access/context";
import { badRequest, notFound } from "../../access/errors";
import { speaksForPartner } from "../../access/roles";
import { byId } from "../../db/tenant";
import { audit } from "../accounts/audit";
import { ROLE_NAME } from "../accounts/audit-words";
import { hashToken, newToken } from "../accounts/tokens";

// The roles a token may act with: any but owner (an owner's powers over other owners stay with
// people), each through the same access rules as a member of that role.
export const API_TOKEN_ROLES = ["ADMIN", "MANAGER", "EXECUTIVE", "PARTNER"] as const satisfies readonly Role[];
export type ApiTokenRole = (typeof API_TOKEN_ROLES)[number];

export const SCOPE_NAME: Record<ApiTokenScope, string> = { READ: "Read", READ_WRITE: "Read and write" };

// Tokens start with this, so a leaked one is recognisable (secret scanners, logs).
export const TOKEN_PREFIX = "ph_";
const SHOWN_PREFIX = TOKEN_PREFIX.length + 6;

export async function listApiTokens(ctx: WorkspaceCtx) {
  const rows = await ctx.db.apiToken.findMany({
    include: { createdBy: { select: { user: { select: { name: true } } } }, partnerOrg: { select: { name: true } } },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scope: t.scope,
    role: t.role,
    partnerOrgName: t.partnerOrg?.name ?? null,
    createdBy: t.createdBy.user.name,
    createdAt: t.createdAt,
    lastUsedAt: t.lastUsedAt,
    revokedAt: t.revokedAt,
  }));
}

export interface NewApiToken {
  name: string;
  scope: ApiTokenScope;
  role: ApiTokenRole;
  partnerOrgId?: string | null;
}

// Returns the token itself: the only time anyone sees it.
export async function createApiToken(ctx: WorkspaceCtx, input: NewApiToken) {
  let partnerOrg: { id: string; name: string } | null = null;
  if (speaksForPartner(input.role)) {
    partnerOrg = input.partnerOrgId ? await ctx.db.partnerOrg.findUnique({ where: byId(ctx.db, input.partnerOrgId) }) : null;
    if (!partnerOrg) throw badRequest("Choose the partner organisation a partner contact's token speaks for.");
  }
  const token = `${TOKEN_PREFIX}${newToken()}`;
  const row = await ctx.db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        workspaceId: ctx.workspace.id,
        name: input.name,
        tokenHash: hashToken(token),
        prefix: token.slice(0, SHOWN_PREFIX),
        scope: input.scope,
        role: input.role,
        partnerOrgId: partnerOrg?.id ?? null,
        createdById: ctx.member.id,
      },
    });
    await audit(tx, {
      action: "api_token.created",
      actorUserId: ctx.user.id,
      target: `API token "${input.name}"`,
      detail: { tokenId: created.id, scope: SCOPE_NAME[input.scope], role: ROLE_NAME[input.role], partnerOrg: partnerOrg?.name ?? null },
      address: ctx.address ?? null,
    });
    return created;
  });
  return { id: row.id, name: row.name, prefix: row.prefix, token };
}

export async function revokeApiToken(ctx: WorkspaceCtx, tokenId: string, now = new Date()) {
  const existing = await ctx.db.apiToken.findUnique({ where: byId(ctx.db, tokenId) });
  if (!existing) throw notFound("API token");
  if (existing.revokedAt) return { id: existing.id, revokedAt: existing.revokedAt };
  await ctx.db.$transaction(async (tx) => {
    // Only a live token is revoked, so two revocations at once record one.
    const { count } = await tx.apiToken.updateMany({ where: { id: existing.id, revokedAt: null }, data: { revokedAt: now } });
    if (count === 1) {
      await audit(tx, {
        action: "api_token.revoked",
        actorUserId: ctx.user.id,
        target: `API token "${existing.name}"`,
        detail: { tokenId: existing.id },
        address: ctx.address ?? null,
      });
    }
  });
  return { id: existing.id, revokedAt: now };
}
