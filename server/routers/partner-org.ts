import { z } from "zod";
import { conflict, isUniqueViolation } from "../services/errors";
import { adminProcedure, hostProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";

const optionalText = z
  .string()
  .trim()
  .max(120)
  .optional()
  .transform((v) => (v ? v : null));

export const partnerOrgFields = {
  name: z.string().trim().min(1, "please enter the organisation's name").max(120),
  website: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v), "enter a web address starting with https://"),
  region: optionalText,
  industry: optionalText,
};

export const partnerOrgRouter = router({
  // The company's own people only: a partner contact never learns which other partners exist.
  list: hostProcedure.query(async ({ ctx }) => {
    const orgs = await ctx.db.partnerOrg.findMany({
      orderBy: { name: "asc" },
      include: { _count: { select: { partnerships: true, contacts: { where: { removedAt: null } } } } },
    });
    return orgs.map(({ _count, ...o }) => ({ ...o, partnerships: _count.partnerships, contacts: _count.contacts }));
  }),
  create: adminProcedure.input(z.object(partnerOrgFields)).mutation(async ({ ctx, input }) => {
    const { name, website, region, industry } = input;
    try {
      return await ctx.db.partnerOrg.create({ data: { workspaceId: ctx.workspace.id, name, website, region, industry } });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`A partner organisation named "${input.name}" already exists.`);
      throw error;
    }
  }),
});
