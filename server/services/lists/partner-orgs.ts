// The partner organisations list (the company's own people only, the router's step: a partner
// contact never learns which other partners exist): search by name, filter by region and
// industry, one counted page at a time.
import { z } from "zod";
import type { WorkspaceCtx } from "../../access/context";
import type { Prisma } from "../../db/generated/client";
import { likeLiteral, pageFor, pageOutput, pagingSchema, searchText } from "./paging";

const choice = z.string().trim().min(1).max(120).optional();

export const partnerOrgSearchInput = z.object({ q: searchText, region: choice, industry: choice, ...pagingSchema });
export type PartnerOrgSearch = z.output<typeof partnerOrgSearchInput>;

export async function searchPartnerOrgs(ctx: WorkspaceCtx, input: PartnerOrgSearch) {
  const where: Prisma.PartnerOrgWhereInput = {
    ...(input.q ? { name: { contains: likeLiteral(input.q), mode: "insensitive" } } : {}),
    ...(input.region ? { region: input.region } : {}),
    ...(input.industry ? { industry: input.industry } : {}),
  };
  const total = await ctx.db.partnerOrg.count({ where });
  const page = pageFor(total, input.page, input.pageSize);
  const [orgs, regions, industries] = await Promise.all([
    total
      ? ctx.db.partnerOrg.findMany({
          where,
          orderBy: { name: "asc" },
          skip: page.skip,
          take: page.size,
          include: { _count: { select: { partnerships: true, contacts: { where: { removedAt: null } } } } },
        })
      : Promise.resolve([]),
    ctx.db.partnerOrg.findMany({
      where: { region: { not: null } },
      distinct: ["region"],
      select: { region: true },
      orderBy: { region: "asc" },
    }),
    ctx.db.partnerOrg.findMany({
      where: { industry: { not: null } },
      distinct: ["industry"],
      select: { industry: true },
      orderBy: { industry: "asc" },
    }),
  ]);
  const present = (values: (string | null)[]) => values.filter((v): v is string => v !== null && v.trim() !== "");
  return {
    page: pageOutput(page),
    options: { regions: present(regions.map((r) => r.region)), industries: present(industries.map((r) => r.industry)) },
    rows: orgs.map(({ _count, ...o }) => ({ ...o, partnerships: _count.partnerships, contacts: _count.contacts })),
  };
}
