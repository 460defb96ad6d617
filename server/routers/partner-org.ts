import { z } from "zod";
import { createPartnerOrg, listPartnerOrgs, partnerOrgChoices } from "../services/partner-orgs";
import { partnerOrgSearchInput, searchPartnerOrgs } from "../services/lists/partner-orgs";
import { adminProcedure, hostProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";

const optionalText = z
  .string()
  .trim()
  .max(120)
  .optional()
  .transform((v) => (v ? v : null));

export const partnerOrgFields = {
  name: z.string().trim().min(1, "Enter the organisation's name.").max(120),
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
  list: hostProcedure.query(({ ctx }) => listPartnerOrgs(ctx)),
  // Ids and names only, for a form's choice of organisation.
  choices: hostProcedure.query(({ ctx }) => partnerOrgChoices(ctx)),
  search: hostProcedure.input(partnerOrgSearchInput).query(({ ctx, input }) => searchPartnerOrgs(ctx, input)),
  create: adminProcedure
    .input(z.object(partnerOrgFields))
    .mutation(({ ctx, input: { name, website, region, industry } }) => createPartnerOrg(ctx, { name, website, region, industry })),
});
