// Partner organisations: the companies the workspace partners with.
import type { WorkspaceCtx } from "../access/context";
import { conflict, notFound } from "../access/errors";
import { isUniqueViolation } from "../db/errors";
import { byId } from "../db/tenant";

// The company's own people only (the router's step): a partner contact never learns which other
// partners exist.
export async function listPartnerOrgs(ctx: WorkspaceCtx) {
  const orgs = await ctx.db.partnerOrg.findMany({
    orderBy: { name: "asc" },
    include: { _count: { select: { partnerships: true, contacts: { where: { removedAt: null } } } } },
  });
  return orgs.map(({ _count, ...o }) => ({ ...o, partnerships: _count.partnerships, contacts: _count.contacts }));
}

// Every organisation's id and name only, for a form's choice of one (a large program has many).
export function partnerOrgChoices(ctx: WorkspaceCtx) {
  return ctx.db.partnerOrg.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

export async function createPartnerOrg(
  ctx: WorkspaceCtx,
  input: { name: string; website: string | null; region: string | null; industry: string | null },
) {
  try {
    return await ctx.db.partnerOrg.create({ data: { workspaceId: ctx.workspace.id, ...input } });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A partner organisation named "${input.name}" already exists.`, "name");
    throw error;
  }
}

// Changes the fields given (undefined: kept); a name another organisation has is refused.
export async function updatePartnerOrg(
  ctx: WorkspaceCtx,
  partnerOrgId: string,
  input: { name?: string; website?: string | null; region?: string | null; industry?: string | null },
) {
  const existing = await ctx.db.partnerOrg.findUnique({ where: byId(ctx.db, partnerOrgId) });
  if (!existing) throw notFound("Partner organisation");
  try {
    return await ctx.db.partnerOrg.update({ where: byId(ctx.db, existing.id), data: input });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A partner organisation named "${input.name}" already exists.`, "name");
    throw error;
  }
}
