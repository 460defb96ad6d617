// The partnerships list: search, filters and paging done by the database, through the access rule
// of the list (visiblePartnershipSql: a partner contact's own organisation's only) and the scoped
// client. One page of ids with the count of all matches, in plain SQL (the band filter and the
// health sort need the current health, which only SQL can compute without loading every
// partnership), then the page's rows and their health through the scoped client.
import { listRow, listed } from "../partnerships";
import { Prisma } from "../../db/generated/client";
import type { WorkspaceCtx } from "../../access/context";
import { badRequest } from "../../access/errors";
import { visiblePartnershipSql, visiblePartnerships } from "../../access/filters";
import { WORKSPACE } from "../../db/tenant";
import { sharingFor } from "../scorecard/sharing";
import { bandSql, currentHealthSql, healthOf } from "./health";
import { containsPattern, pageFor, pageOutput } from "./paging";
import { NO_OWNER, type PartnershipSearch } from "./partnerships-schema";

const HEALTH_NOT_SHARED =
  "This workspace does not share health scores with partner contacts, so the list cannot be filtered or sorted by them.";

function conditions(ctx: WorkspaceCtx, input: PartnershipSearch): Prisma.Sql[] {
  const ws = WORKSPACE;
  const where = [Prisma.sql`p."workspaceId" = ${ws}`, visiblePartnershipSql(ctx.member, 'p."partnerOrgId"')];
  if (input.q) {
    const pattern = containsPattern(input.q);
    where.push(Prisma.sql`(p.name ILIKE ${pattern} OR o.name ILIKE ${pattern})`);
  }
  if (input.tier) where.push(Prisma.sql`p.tier::text = ${input.tier}`);
  if (input.phase) where.push(Prisma.sql`p.phase::text = ${input.phase}`);
  if (input.owner === NO_OWNER) where.push(Prisma.sql`p."ownerMemberId" IS NULL`);
  else if (input.owner) where.push(Prisma.sql`p."ownerMemberId" = ${input.owner}`);
  if (input.band) where.push(bandSql(input.band, Prisma.sql`cur.health`));
  return where;
}

export async function searchPartnerships(ctx: WorkspaceCtx, input: PartnershipSearch) {
  const sharing = sharingFor(ctx);
  const byHealth = input.band !== undefined || input.sort === "health";
  if (byHealth && !sharing.scores) throw badRequest(HEALTH_NOT_SHARED);
  const ws = WORKSPACE;
  const from = Prisma.sql`
    FROM "Partnership" p JOIN "PartnerOrg" o ON o."workspaceId" = p."workspaceId" AND o.id = p."partnerOrgId"
    ${byHealth ? Prisma.sql`LEFT JOIN (${currentHealthSql(ctx, ws)}) cur ON cur."partnershipId" = p.id` : Prisma.empty}
    WHERE ${Prisma.join(conditions(ctx, input), " AND ")}`;
  // Live partnerships first, archived ones after them; by name, the weakest health first, or the
  // newest first (what an admin just added).
  const order = {
    name: Prisma.sql`(p."archivedAt" IS NOT NULL), p.name`,
    health: Prisma.sql`(p."archivedAt" IS NOT NULL), cur.health ASC NULLS LAST, p.name`,
    newest: Prisma.sql`p."createdAt" DESC, p.name`,
  }[input.sort];
  // The page and the count of all matches in one statement (the current health is worked out
  // once); only a page past the end, which returns no row to carry the count, asks again.
  const read = (size: number, skip: number) =>
    ctx.db.$queryScoped<{ id: string; total: number }[]>`
      SELECT p.id, count(*) OVER ()::int AS total ${from} ORDER BY ${order} LIMIT ${size} OFFSET ${skip}`;
  let found = await read(input.pageSize, (input.page - 1) * input.pageSize);
  let total = found[0]?.total ?? 0;
  if (found.length === 0 && input.page > 1) {
    const [counted] = await ctx.db.$queryScoped<{ total: number }[]>`SELECT count(*)::int AS total ${from}`;
    total = counted?.total ?? 0;
    const last = pageFor(total, input.page, input.pageSize);
    found = total ? await read(last.size, last.skip) : [];
  }
  const page = pageFor(total, input.page, input.pageSize);
  const ids = found.map((r) => r.id);

  const [rows, health, options] = await Promise.all([
    ctx.db.partnership.findMany({
      where: { id: { in: ids } },
      include: listed,
    }),
    sharing.scores ? healthOf(ctx, ids, sharing.trends) : Promise.resolve(null),
    filterOptions(ctx),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    page: pageOutput(page),
    // Whether health shows at all (a partner contact sees it only when the workspace shares scores).
    healthShown: sharing.scores,
    options,
    rows: ids.map((id) => {
      return { ...listRow(byId.get(id)!), health: health?.get(id) ?? null };
    }),
  };
}

// The owners the filter offers: those of the partnerships this member may see.
async function filterOptions(ctx: WorkspaceCtx) {
  const owners = await ctx.db.member.findMany({
    where: { owns: { some: visiblePartnerships(ctx.member) } },
    select: { id: true, user: { select: { name: true } } },
  });
  return { owners: owners.map((o) => ({ id: o.id, name: o.user.name })).sort((a, b) => a.name.localeCompare(b.name)) };
}
