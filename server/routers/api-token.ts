// API tokens of the REST API, for the workspace's admins: the list (never the tokens themselves),
// making one (its token is in this one answer only) and revoking one.
import { z } from "zod";
import { API_TOKEN_ROLES, createApiToken, listApiTokens, revokeApiToken } from "../services/api-tokens/manage";
import { adminProcedure, id } from "../trpc/procedures";
import { router } from "../trpc/init";

export const apiTokenRouter = router({
  list: adminProcedure.query(({ ctx }) => listApiTokens(ctx)),
  create: adminProcedure
    .input(
      z.object({
        name: z
          .string()
          .trim()
          .min(1, "Name the token, for example after what will use it.")
          .max(80, "Keep the name to 80 characters or fewer."),
        scope: z.enum(["READ", "READ_WRITE"], { error: "Choose read, or read and write." }),
        role: z.enum(API_TOKEN_ROLES, { error: "Choose the role the token acts with." }),
        partnerOrgId: id.nullish(),
      }),
    )
    .mutation(({ ctx, input }) => createApiToken(ctx, input)),
  revoke: adminProcedure.input(z.object({ tokenId: id })).mutation(({ ctx, input }) => revokeApiToken(ctx, input.tokenId)),
});
